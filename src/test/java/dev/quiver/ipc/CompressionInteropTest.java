package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every arrow-java sample with both codecs, both directions, stream and file: our compressed output read by
 * arrow-java (arrow-compression's codecs), and arrow-java's compressed output read by us, values equal to the
 * sample; plus each batch of our compressed file served alone (streamPrefix + batchMessage, still
 * compressed) and read by arrow-java.
 */
class CompressionInteropTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<Arguments> cases() {
    return ArrowJavaSamples.names().stream().flatMap(name -> Stream.of(
        Arguments.of(name, BodyCompression.LZ4_FRAME), Arguments.of(name, BodyCompression.ZSTD)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void arrowJavaReadsOurCompressedOutput(String name, BodyCompression compression) {
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator)) {
      Schema schema = ArrowJavaBridge.toQuiverSchema(sample.schema());
      List<RecordBatch> batches = ArrowJavaBridge.toQuiver(sample);
      byte[] stream = CompressionTest.writeStream(schema, batches, compression);
      byte[] file = CompressionTest.writeFile(schema, batches, compression);
      WriterFraming.checkStream(stream, 0, stream.length);
      WriterFraming.checkFile(file);
      try (ArrowJavaData fromStream = ArrowJavaData.read(stream, false, allocator);
          ArrowJavaData fromFile = ArrowJavaData.read(file, true, allocator)) {
        ArrowJavaBridge.assertSameData(sample, fromStream);
        ArrowJavaBridge.assertSameData(sample, fromFile);
      }
      GoldenFilesTest.Read ours = GoldenFilesTest.readFile(file);
      ArrowJavaBridge.assertSameData(sample, ours.schema(), ours.batches());
      FileReader reader = ReaderTestSupport.fileReader(file);
      for (int i = 0; i < reader.batchCount(); i++) {
        byte[] single = FileReaderTest.stream(reader.streamPrefix(), reader.batchMessage(i));
        try (ArrowJavaData theirs = ArrowJavaData.read(single, false, allocator)) {
          assertThat(theirs.batches()).hasSize(1);
          assertThat(theirs.batch(0).rowCount()).isEqualTo(batches.get(i).length());
        }
        assertThat(ReaderTestValues.rows(GoldenFilesTest.readStream(single).batches().get(0)))
            .isEqualTo(ReaderTestValues.rows(ours.batches().get(i)));
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void weReadArrowJavasCompressedOutput(String name, BodyCompression compression) {
    CompressionUtil.CodecType codec = compression == BodyCompression.ZSTD
        ? CompressionUtil.CodecType.ZSTD : CompressionUtil.CodecType.LZ4_FRAME;
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator)) {
      byte[] stream = sample.writeStream(IpcOption.DEFAULT, codec);
      byte[] file = sample.writeFile(IpcOption.DEFAULT, codec);
      WriterFraming.Parsed first = WriterFraming.checkStream(stream, 0, stream.length).stream()
          .filter(m -> m.headerType() == org.apache.arrow.flatbuf.MessageHeader.RecordBatch).findFirst().orElseThrow();
      var rb = (org.apache.arrow.flatbuf.RecordBatch) first.message().header(new org.apache.arrow.flatbuf.RecordBatch());
      assertThat(rb.compression()).as("arrow-java compressed the body").isNotNull();
      assertThat(rb.compression().codec()).isEqualTo(codec == CompressionUtil.CodecType.ZSTD
          ? org.apache.arrow.flatbuf.CompressionType.ZSTD : org.apache.arrow.flatbuf.CompressionType.LZ4_FRAME);
      GoldenFilesTest.Read fromStream = GoldenFilesTest.readStream(stream);
      GoldenFilesTest.Read fromFile = GoldenFilesTest.readFile(file);
      ArrowJavaBridge.assertSameData(sample, fromStream.schema(), fromStream.batches());
      ArrowJavaBridge.assertSameData(sample, fromFile.schema(), fromFile.batches());
    }
  }
}
