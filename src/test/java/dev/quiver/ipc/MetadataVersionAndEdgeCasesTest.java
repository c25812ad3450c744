package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.MetadataVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metadata V4 and the legacy (pre-0.15) framing written by arrow-java, for every sample, stream and file,
 * with and without compression; and schema edge cases through our writer and reader and arrow-java: zero
 * columns, zero rows, no batches, duplicate field names, extension type metadata passed through untouched.
 */
class MetadataVersionAndEdgeCasesTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<Arguments> samples() {
    return ArrowJavaSamples.names().stream().flatMap(name -> Stream.of(
        Arguments.of(name, false, CompressionUtil.CodecType.NO_COMPRESSION),
        Arguments.of(name, true, CompressionUtil.CodecType.NO_COMPRESSION),
        Arguments.of(name, false, CompressionUtil.CodecType.ZSTD)));
  }

  @ParameterizedTest(name = "{0} legacy={1} {2}")
  @MethodSource("samples")
  void readsMetadataV4FromArrowJava(String name, boolean legacy, CompressionUtil.CodecType codec) {
    IpcOption v4 = new IpcOption(legacy, MetadataVersion.V4);
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator)) {
      byte[] stream = sample.writeStream(v4, codec);
      byte[] file = sample.writeFile(v4, codec);
      int first = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
      assertThat(first == -1).as("continuation marker unless legacy").isEqualTo(!legacy);
      var fb = org.apache.arrow.flatbuf.Message.getRootAsMessage(ByteBuffer.wrap(stream, legacy ? 4 : 8,
          stream.length - 8).slice().order(ByteOrder.LITTLE_ENDIAN));
      assertThat(fb.version()).isEqualTo(org.apache.arrow.flatbuf.MetadataVersion.V4);
      GoldenFilesTest.Read fromStream = GoldenFilesTest.readStream(stream);
      GoldenFilesTest.Read fromFile = GoldenFilesTest.readFile(file);
      ArrowJavaBridge.assertSameData(sample, fromStream.schema(), fromStream.batches());
      ArrowJavaBridge.assertSameData(sample, fromFile.schema(), fromFile.batches());
      FileReader reader = ReaderTestSupport.fileReader(file);
      for (int i = 0; i < reader.batchCount(); i++) {
        byte[] single = FileReaderTest.stream(reader.streamPrefix(), reader.batchMessage(i));
        assertThat(ReaderTestValues.rows(GoldenFilesTest.readStream(single).batches().get(0)))
            .isEqualTo(ReaderTestValues.rows(fromFile.batches().get(i)));
      }
    }
  }

  private void roundTrip(Schema schema, List<RecordBatch> batches, boolean arrowJavaToo) {
    for (BodyCompression c : List.of(BodyCompression.NONE, BodyCompression.LZ4_FRAME)) {
      byte[] stream = CompressionTest.writeStream(schema, batches, c);
      byte[] file = CompressionTest.writeFile(schema, batches, c);
      for (GoldenFilesTest.Read read : List.of(GoldenFilesTest.readStream(stream), GoldenFilesTest.readFile(file))) {
        assertThat(read.schema()).isEqualTo(schema);
        assertThat(read.batches()).hasSize(batches.size());
        for (int i = 0; i < batches.size(); i++) {
          assertThat(read.batches().get(i).length()).isEqualTo(batches.get(i).length());
          assertThat(ReaderTestValues.rows(read.batches().get(i))).isEqualTo(ReaderTestValues.rows(batches.get(i)));
        }
      }
      if (arrowJavaToo) {
        try (ArrowJavaData fromStream = ArrowJavaData.read(stream, false, allocator);
            ArrowJavaData fromFile = ArrowJavaData.read(file, true, allocator)) {
          for (ArrowJavaData theirs : List.of(fromStream, fromFile)) {
            assertThat(ArrowJavaBridge.toQuiverSchema(theirs.schema())).isEqualTo(schema);
            assertThat(theirs.batches()).extracting(ArrowJavaData.Batch::rowCount)
                .containsExactlyElementsOf(batches.stream().map(RecordBatch::length).toList());
          }
        }
      }
    }
  }

  @Test
  void zeroColumnsZeroRowsNoBatches() {
    Schema empty = new Schema(List.of(), Map.of("k", "v"));
    roundTrip(empty, List.of(new RecordBatch(empty, 5, List.of()), new RecordBatch(empty, 0, List.of())), true);
    roundTrip(empty, List.of(), true);
    Field i = new Field("i", true, ArrowType.INT32, null, List.of(), Map.of());
    Schema one = new Schema(List.of(i), Map.of());
    roundTrip(one, List.of(), true);
    roundTrip(one, List.of(new RecordBatch(one, 0, List.of(WriterTestArrays.int32(i)))), true);
  }

  @Test
  void duplicateNamesAndExtensionMetadataPassThrough() {
    Map<String, String> ext = new LinkedHashMap<>();
    ext.put("ARROW:extension:name", "arrow.uuid");
    ext.put("ARROW:extension:metadata", "");
    ext.put("other", "kept");
    Field uuid = new Field("x", true, new ArrowType.FixedSizeBinary(16), null, List.of(), ext);
    Field a = new Field("x", true, ArrowType.INT32, null, List.of(), Map.of());
    Field unknown = new Field("", false, ArrowType.INT32, null, List.of(),
        Map.of("ARROW:extension:name", "!nonexistent", "ARROW:extension:metadata", "{\"p\": 1}"));
    Schema schema = new Schema(List.of(uuid, a, unknown), Map.of());
    byte[] bytes = new byte[32];
    for (int k = 0; k < 32; k++) {
      bytes[k] = (byte) (k * 7);
    }
    ArrayData u = new ArrayData(uuid, 2, 0, List.of(ArrayData.emptyBuffer(), ByteBuffer.wrap(bytes)), List.of(), null);
    RecordBatch batch = new RecordBatch(schema, 2,
        List.of(u, WriterTestArrays.int32(a, 1, null), WriterTestArrays.int32(unknown, 3, 4)));
    roundTrip(schema, List.of(batch, batch), false);
    byte[] stream = CompressionTest.writeStream(schema, List.of(batch), BodyCompression.NONE);
    try (ArrowJavaData theirs = ArrowJavaData.read(stream, false, allocator)) {
      assertThat(theirs.schema().getFields().get(0).getMetadata()).isEqualTo(ext);
      assertThat(theirs.schema().getFields().get(2).getMetadata())
          .containsEntry("ARROW:extension:metadata", "{\"p\": 1}");
      assertThat(theirs.schema().getFields()).extracting(f -> f.getName()).containsExactly("x", "x", "");
    }
  }
}
