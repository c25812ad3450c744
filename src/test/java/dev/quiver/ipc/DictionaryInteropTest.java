package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dictionaries against arrow-java: every integer index type (signed and unsigned, 8 to 64 bits), the
 * ordered flag, two fields sharing one dictionary, replacement in streams both directions, deltas we write
 * (arrow-java 19 cannot write deltas: its writers only replace), compressed dictionary batches, and batches
 * served alone from a file whose dictionaries grew by deltas.
 */
class DictionaryInteropTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  private static final int[][] INDEX_TYPES = {{8, 1}, {16, 1}, {32, 1}, {64, 1}, {8, 0}, {16, 0}, {32, 0}, {64, 0}};

  private static Field dictField(String name, long id, int bits, boolean signed, boolean ordered) {
    return new Field(name, true, ArrowType.UTF8,
        new DictionaryEncoding(id, new ArrowType.Int(bits, signed), ordered), List.of(), Map.of());
  }

  /** Indices (null = null slot) in the field's index width. */
  private static ArrayData encoded(Field f, ArrayData dictionary, Integer... indices) {
    int width = f.dictionary().indexType().bitWidth() / 8;
    ByteBuffer data = ByteBuffer.allocate(width * indices.length).order(ByteOrder.LITTLE_ENDIAN);
    byte[] validity = new byte[(indices.length + 7) / 8];
    int nulls = 0;
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] == null) {
        nulls++;
        continue;
      }
      validity[i >> 3] |= (byte) (1 << (i & 7));
      switch (width) {
        case 1 -> data.put(i, indices[i].byteValue());
        case 2 -> data.putShort(i * 2, indices[i].shortValue());
        case 4 -> data.putInt(i * 4, indices[i]);
        default -> data.putLong(i * 8, indices[i]);
      }
    }
    return new ArrayData(f, indices.length, nulls,
        List.of(nulls == 0 ? ArrayData.emptyBuffer() : ByteBuffer.wrap(validity), data), List.of(), dictionary);
  }

  private static byte[] write(Schema schema, List<RecordBatch> batches, boolean file, BodyCompression c) {
    return file ? CompressionTest.writeFile(schema, batches, c) : CompressionTest.writeStream(schema, batches, c);
  }

  @ParameterizedTest
  @EnumSource(value = BodyCompression.class, names = {"NONE", "LZ4_FRAME"})
  void everyIndexTypeOrderedAndShared(BodyCompression c) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < INDEX_TYPES.length; i++) {
      fields.add(dictField("d" + i, i, INDEX_TYPES[i][0], INDEX_TYPES[i][1] == 1, i % 2 == 0));
    }
    fields.add(dictField("shared", 2, 16, false, true)); // same id as d2, other index type
    Schema schema = new Schema(fields, Map.of());
    List<RecordBatch> batches = new ArrayList<>();
    List<ArrayData> dictionaries = new ArrayList<>();
    for (int i = 0; i < INDEX_TYPES.length; i++) {
      String[] values = new String[128];
      for (int k = 0; k < values.length; k++) {
        values[k] = k == 7 ? null : "v" + i + "." + k;
      }
      dictionaries.add(WriterTestArrays.utf8(fields.get(i).valueField(), values));
    }
    for (int b = 0; b < 2; b++) {
      List<ArrayData> columns = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        ArrayData dictionary = dictionaries.get(i < INDEX_TYPES.length ? i : 2);
        columns.add(encoded(fields.get(i), dictionary, 0, 127, null, 7, 100 + b, 120 - 56 * b));
      }
      batches.add(new RecordBatch(schema, 6, columns));
    }
    for (boolean file : new boolean[] {false, true}) {
      byte[] ours = write(schema, batches, file, c);
      GoldenFilesTest.Read read = file ? GoldenFilesTest.readFile(ours) : GoldenFilesTest.readStream(ours);
      assertThat(read.schema()).isEqualTo(schema);
      assertThat(ReaderTestValues.rows(read.batches().get(1)).get(1).get(3)).isEqualTo(
          ReaderTestValues.render(dictionaries.get(3), 127));
      try (ArrowJavaData expected = ArrowJavaBridge.toArrowJava(schema, batches, allocator);
          ArrowJavaData theirs = ArrowJavaData.read(ours, file, allocator)) {
        ArrowJavaBridge.assertSameData(expected, theirs);
        assertThat(theirs.schema().getFields().get(0).getDictionary().isOrdered()).isTrue();
        assertThat(theirs.schema().getFields().get(7).getDictionary().getIndexType().getBitWidth()).isEqualTo(64);
        assertThat(theirs.schema().getFields().get(7).getDictionary().getIndexType().getIsSigned()).isFalse();
        byte[] arrowJavaBytes = file ? expected.writeFile() : expected.writeStream();
        GoldenFilesTest.Read back = file ? GoldenFilesTest.readFile(arrowJavaBytes)
            : GoldenFilesTest.readStream(arrowJavaBytes);
        ArrowJavaBridge.assertSameData(expected, back.schema(), back.batches());
      }
    }
  }

  /** A stream whose dictionary is replaced by an unrelated one: both ways with arrow-java. */
  @ParameterizedTest
  @EnumSource(value = BodyCompression.class, names = {"NONE", "ZSTD"})
  void replacementInStreamsBothWays(BodyCompression c) {
    Field f = dictField("d", 0, 8, false, false);
    Schema schema = new Schema(List.of(f), Map.of());
    ArrayData first = WriterTestArrays.utf8(f.valueField(), "a", "b", "c");
    ArrayData second = WriterTestArrays.utf8(f.valueField(), "x", null, "z", "w");
    List<RecordBatch> batches = List.of(
        new RecordBatch(schema, 3, List.of(encoded(f, first, 2, null, 0))),
        new RecordBatch(schema, 4, List.of(encoded(f, second, 3, 1, 0, null))),
        new RecordBatch(schema, 1, List.of(encoded(f, second, 2))));
    byte[] ours = write(schema, batches, false, c);
    List<WriterFraming.Parsed> messages = WriterFraming.checkStream(ours, 0, ours.length);
    assertThat(messages.stream().filter(m -> m.dictionaryId() == 0).map(WriterFraming.Parsed::delta))
        .containsExactly(false, false);
    try (ArrowJavaData expected = ArrowJavaBridge.toArrowJava(schema, batches, allocator);
        ArrowJavaData theirs = ArrowJavaData.read(ours, false, allocator)) {
      ArrowJavaBridge.assertSameData(expected, theirs);
      GoldenFilesTest.Read back = GoldenFilesTest.readStream(expected.writeStream());
      ArrowJavaBridge.assertSameData(expected, back.schema(), back.batches());
      assertThat(ReaderTestValues.rows(back.batches().get(1))).containsExactly(
          List.of(hex("w")), List.of("null"), List.of(hex("x")), List.of("null"));
    }
  }

  /**
   * Dictionaries growing by deltas in a file, compressed: each batch fetched alone (streamPrefix with every
   * dictionary message, deltas included, + batchMessage) decodes exactly like readBatch, with us and with
   * arrow-java.
   */
  @Test
  void batchesServedAloneFromAFileWithDeltas() {
    Field f = dictField("d", 0, 16, true, false);
    Field g = dictField("g", 1, 32, true, false);
    Schema schema = new Schema(List.of(f, g), Map.of());
    List<RecordBatch> batches = new ArrayList<>();
    ArrayData fDict = WriterTestArrays.utf8(f.valueField(), "f0");
    ArrayData gDict = WriterTestArrays.utf8(g.valueField(), "g0", "g1");
    for (int b = 0; b < 4; b++) {
      if (b > 0) {
        fDict = ArrayConcat.concat(fDict, WriterTestArrays.utf8(f.valueField(), "f" + b), "test");
      }
      batches.add(new RecordBatch(schema, 2, List.of(encoded(f, fDict, b, 0), encoded(g, gDict, 1, null))));
    }
    byte[] file = write(schema, batches, true, BodyCompression.ZSTD);
    FileReader reader = ReaderTestSupport.fileReader(file);
    List<WriterFraming.Parsed> prefix = WriterFraming.checkStream(
        concat(reader.streamPrefix(), ByteBuffer.wrap(IpcFormat.END_OF_STREAM)), 0,
        reader.streamPrefix().remaining() + 8);
    assertThat(prefix.stream().filter(m -> m.dictionaryId() >= 0).map(m -> m.dictionaryId() + ":" + m.delta()))
        .containsExactly("0:false", "1:false", "0:true", "0:true", "0:true");
    for (int i = 0; i < reader.batchCount(); i++) {
      byte[] single = FileReaderTest.stream(reader.streamPrefix(), reader.batchMessage(i));
      assertThat(ReaderTestValues.rows(GoldenFilesTest.readStream(single).batches().get(0)))
          .isEqualTo(ReaderTestValues.rows(reader.readBatch(i)))
          .isEqualTo(ReaderTestValues.rows(batches.get(i)));
      try (ArrowJavaData expected = ArrowJavaBridge.toArrowJava(schema, List.of(batches.get(i)), allocator);
          ArrowJavaData theirs = ArrowJavaData.read(single, false, allocator)) {
        ArrowJavaBridge.assertSameData(expected, theirs);
      }
    }
  }

  private static byte[] concat(ByteBuffer a, ByteBuffer b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer part : List.of(a, b)) {
      byte[] bytes = new byte[part.remaining()];
      part.duplicate().get(bytes);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  private static String hex(String s) {
    return java.util.HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
