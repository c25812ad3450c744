package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import dev.quiver.interop.GoldenFiles;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.ViewVarBinaryVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * arrow-java writes, we read: the data of every golden case (from its JSON ground truth, so the bytes come
 * from arrow-java's writers, not Arrow C++), every sample of issue #2's types, plus binary/utf8 views.
 */
class ReaderInteropTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<GoldenFiles.Case> cases() {
    return Stream.of(GoldenFiles.LITTLE_ENDIAN, GoldenFiles.SHARED_DICT)
        .flatMap(f -> GoldenFiles.cases(f).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsWhatArrowJavaWrites(GoldenFiles.Case c) {
    ArrowJavaData json;
    try {
      json = GoldenFiles.readJson(c, allocator);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("arrow-java cannot read the JSON of " + c + ": " + e.getMessage());
      return;
    }
    try (json) {
      byte[] stream;
      byte[] file;
      try {
        stream = json.writeStream();
        file = json.writeFile();
      } catch (RuntimeException e) {
        Assumptions.abort("arrow-java cannot write " + c + ": " + e);
        return;
      }
      GoldenFilesTest.Read fromStream = GoldenFilesTest.readStream(stream);
      GoldenFilesTest.Read fromFile = GoldenFilesTest.readFile(file);
      try (ArrowJavaData theirs = ArrowJavaData.read(stream, false, allocator)) {
        ArrowJavaBridge.assertSameData(theirs, fromStream.schema(), fromStream.batches());
      }
      try (ArrowJavaData theirs = ArrowJavaData.read(file, true, allocator)) {
        ArrowJavaBridge.assertSameData(theirs, fromFile.schema(), fromFile.batches());
      }
    }
  }

  static Stream<String> samples() {
    return ArrowJavaSamples.names().stream();
  }

  /** Every sample type of issue #2: arrow-java writes stream and file, we read equal values and schemas. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void readsEverySampleArrowJavaWrites(String name) {
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator)) {
      byte[] stream = sample.writeStream();
      byte[] file = sample.writeFile();
      GoldenFilesTest.Read fromStream = GoldenFilesTest.readStream(stream);
      GoldenFilesTest.Read fromFile = GoldenFilesTest.readFile(file);
      assertThat(fromStream.batches()).extracting(RecordBatch::length)
          .containsExactlyElementsOf(ArrowJavaSamples.BATCH_LENGTHS);
      assertThat(fromStream.schema().metadata()).containsEntry("quiver.sample", name);
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

  @ParameterizedTest(name = "file {0}")
  @ValueSource(booleans = {false, true})
  void readsFloat16AndViews(boolean file) throws Exception {
    String longText = "a value longer than twelve bytes \u00e9";
    try (Float2Vector halves = new Float2Vector("half", allocator);
        ViewVarCharVector texts = new ViewVarCharVector("text", allocator);
        ViewVarBinaryVector blobs = new ViewVarBinaryVector("blob", allocator)) {
      halves.allocateNew(3);
      halves.setSafeWithPossibleTruncate(0, 1.5f);
      halves.setNull(1);
      halves.setSafeWithPossibleTruncate(2, -2.0f);
      texts.allocateNew();
      texts.setSafe(0, "short".getBytes(StandardCharsets.UTF_8));
      texts.setSafe(1, longText.getBytes(StandardCharsets.UTF_8));
      texts.setNull(2);
      blobs.allocateNew();
      blobs.setNull(0);
      blobs.setSafe(1, new byte[] {1, 2, 3});
      blobs.setSafe(2, new byte[40]);
      List<FieldVector> vectors = List.of(halves, texts, blobs);
      VectorSchemaRoot root = new VectorSchemaRoot(vectors);
      root.setRowCount(3);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (var writer = file ? new ArrowFileWriter(root, null, Channels.newChannel(out))
          : new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
      RecordBatch batch = (file ? GoldenFilesTest.readFile(out.toByteArray())
          : GoldenFilesTest.readStream(out.toByteArray())).batches().get(0);
      assertThat(batch.schema().field(0).type()).isEqualTo(ArrowType.FLOAT16);
      assertThat(batch.schema().field(1).type()).isEqualTo(ArrowType.UTF8_VIEW);
      assertThat(batch.schema().field(2).type()).isEqualTo(ArrowType.BINARY_VIEW);
      ArrayData h = batch.column(0);
      assertThat(h.buffer(1).getShort(0)).isEqualTo(halves.get(0));
      assertThat(h.isNull(1)).isTrue();
      assertThat(h.buffer(1).getShort(4)).isEqualTo(halves.get(2));
      assertThat(ReaderTestValues.render(batch.column(1), 0)).isEqualTo(hex("short"));
      assertThat(ReaderTestValues.render(batch.column(1), 1)).isEqualTo(hex(longText));
      assertThat(batch.column(1).isNull(2)).isTrue();
      assertThat(batch.column(2).isNull(0)).isTrue();
      assertThat(ReaderTestValues.render(batch.column(2), 1)).isEqualTo("010203");
      assertThat(ReaderTestValues.render(batch.column(2), 2)).isEqualTo("00".repeat(40));
    }
  }

  private static String hex(String s) {
    return java.util.HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }
}
