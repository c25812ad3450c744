package dev.quiver.ipc;

import static dev.quiver.ipc.ReaderTestMessages.Spec;
import static dev.quiver.ipc.ReaderTestMessages.batch;
import static dev.quiver.ipc.ReaderTestMessages.dictionary;
import static dev.quiver.ipc.ReaderTestMessages.int32s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a delta dictionary extends the dictionary in force (ArrayConcat) when data buffers are padded (Arrow JS
 * pads every buffer to 8 bytes and declares the padded length) and when the delta's offsets do not start at 0:
 * only the used ranges are appended and the delta's offsets continue from the old dictionary's last offset.
 */
class DeltaConcatReaderTest {
  private static final ArrowType.Int INT32 = new ArrowType.Int(32, true);

  static Stream<ArrowType> binaryTypes() {
    return Stream.of(new ArrowType.Utf8(), new ArrowType.Binary(), new ArrowType.LargeUtf8(),
        new ArrowType.LargeBinary());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryTypes")
  void paddedDataBufferIsNotCopiedIntoTheValues(ArrowType type) {
    Field field = Field.of("v", type, true);
    ArrayData old = binary(field, offsets(type, 0, 3), padded("abc"));
    ArrayData delta = binary(field, offsets(type, 0, 1), padded("d"));
    ArrayData joined = concat(old, delta);
    assertThat(strings(joined)).containsExactly("abc", "d");
    assertThat(joined.buffer(2).capacity()).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryTypes")
  void deltaOffsetsNeedNotStartAtZero(ArrowType type) {
    Field field = Field.of("v", type, true);
    ArrayData old = binary(field, offsets(type, 2, 5), padded("xxabc"));
    ArrayData delta = binary(field, offsets(type, 3, 4, 4, 6), padded("zzzdef"), 0b101);
    ArrayData joined = concat(old, delta);
    assertThat(strings(joined)).containsExactly("abc", "d", null, "ef");
    assertThat(joined.nullCount()).isEqualTo(1);
    // and a second delta on the result
    ArrayData again = concat(joined, binary(field, offsets(type, 1, 2), padded("_g")));
    assertThat(strings(again)).containsExactly("abc", "d", null, "ef", "g");
  }

  @Test
  void listChildrenAreCutToTheUsedRange() {
    for (ArrowType type : List.of(new ArrowType.List_(), new ArrowType.LargeList())) {
      Field field = Field.of("l", type, true, Field.of("item", INT32, true));
      // old: [[1, 2], [3]] over a child with two unused trailing values
      ArrayData old = list(field, offsets(type, 0, 2, 3), int32(field.child(0), 1, 2, 3, 99, 98));
      // delta: [[4], [5, 6]] starting at child index 1, one unused value on each side
      ArrayData delta = list(field, offsets(type, 1, 2, 4), int32(field.child(0), 77, 4, 5, 6, 66));
      ArrayData joined = concat(old, delta);
      assertThat(rows(joined)).as("%s", type).containsExactly("[1, 2]", "[3]", "[4]", "[5, 6]");
      assertThat(joined.child(0).length()).isEqualTo(6);
    }
  }

  @Test
  void listOfPaddedStrings() {
    Field item = Field.of("item", new ArrowType.Utf8(), true);
    Field field = Field.of("l", new ArrowType.List_(), true, item);
    ArrayData old = list(field, offsets(field.type(), 0, 1), binary(item, offsets(item.type(), 0, 3), padded("abc")));
    ArrayData delta = list(field, offsets(field.type(), 1, 3),
        binary(item, offsets(item.type(), 0, 2, 3, 5), padded("zzdef")));
    ArrayData joined = concat(old, delta);
    assertThat(rows(joined)).containsExactly("[abc]", "[d, ef]");
  }

  @Test
  void mapEntriesAreCutToTheUsedRange() {
    Field key = Field.of("key", new ArrowType.Utf8(), false);
    Field value = Field.of("value", INT32, true);
    Field entries = Field.of("entries", new ArrowType.Struct(), false, key, value);
    Field field = Field.of("m", new ArrowType.Map(false), true, entries);
    ArrayData old = list(field, offsets(field.type(), 0, 1),
        struct(entries, binary(key, offsets(key.type(), 0, 1, 2), padded("ab")), int32(value, 1, 2)));
    ArrayData delta = list(field, offsets(field.type(), 1, 2),
        struct(entries, binary(key, offsets(key.type(), 0, 1, 3), padded("xcd")), int32(value, 9, 3)));
    ArrayData joined = concat(old, delta);
    assertThat(rows(joined)).containsExactly("[{a: 1}]", "[{cd: 3}]");
  }

  @Test
  void listViewDeltaKeepsAbsoluteOffsets() {
    Field field = Field.of("lv", new ArrowType.ListView(), true, Field.of("item", INT32, true));
    ArrayData old = listView(field, new int[] {1}, new int[] {2}, int32(field.child(0), 0, 1, 2));
    ArrayData delta = listView(field, new int[] {2, 0}, new int[] {1, 1}, int32(field.child(0), 3, 9, 4));
    ArrayData joined = concat(old, delta);
    List<String> out = new ArrayList<>();
    for (int r = 0; r < joined.length(); r++) {
      int from = joined.buffer(1).getInt(r * 4);
      int to = from + joined.buffer(2).getInt(r * 4);
      List<Integer> values = new ArrayList<>();
      for (int k = from; k < to; k++) {
        values.add(joined.child(0).buffer(1).getInt(k * 4));
      }
      out.add(values.toString());
    }
    assertThat(out).containsExactly("[1, 2]", "[4]", "[3]");
  }

  /** Through the stream and file readers: dictionary batches whose buffers declare their padded length. */
  @Test
  void readersApplyPaddedDeltas() {
    ReaderTestMessages.Msg schema = ReaderTestMessages.schema(Spec.dict("d", 3));
    ReaderTestMessages.Msg first = dictionary(3, false, 1, new long[][] {{1, 0}}, new byte[0], int32s(0, 3),
        padded("abc").array());
    ReaderTestMessages.Msg delta = dictionary(3, true, 2, new long[][] {{2, 0}}, new byte[0], int32s(2, 3, 5),
        padded("xxdef").array());
    ReaderTestMessages.Msg indices = batch(3, new long[][] {{3, 0}}, new byte[0], int32s(2, 1, 0));
    byte[] stream = ReaderTestMessages.stream(schema, first, delta, indices);
    try (StreamReader reader = ReaderTestSupport.streamReader(stream)) {
      assertThat(dictionaryRows(reader.next())).containsExactly("ef", "d", "abc");
    }
    byte[] file = ReaderTestMessages.file(schema, List.of(first, delta), List.of(indices));
    assertThat(dictionaryRows(ReaderTestSupport.fileReader(file).readBatch(0))).containsExactly("ef", "d", "abc");
  }

  private static List<String> dictionaryRows(RecordBatch batch) {
    ArrayData column = batch.column(0);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < column.length(); i++) {
      out.add(ReaderTestSupport.utf8(column.dictionary(), column.buffer(1).getInt(i * 4)));
    }
    return out;
  }

  private static ArrayData concat(ArrayData a, ArrayData b) {
    ArrayValidator.validate(a, "test", "a");
    ArrayValidator.validate(b, "test", "b");
    ArrayData joined = ArrayConcat.concat(a, b, "test");
    ArrayValidator.validate(joined, "test", "joined");
    assertThat(joined.length()).isEqualTo(a.length() + b.length());
    return joined;
  }

  private static ArrayData binary(Field field, ByteBuffer offsets, ByteBuffer data) {
    return new ArrayData(field, length(field.type(), offsets), 0,
        List.of(ArrayData.emptyBuffer(), offsets, data), List.of(), null);
  }

  private static ArrayData binary(Field field, ByteBuffer offsets, ByteBuffer data, int validBits) {
    int length = length(field.type(), offsets);
    ByteBuffer validity = ByteBuffer.allocate(8).put(0, (byte) validBits);
    return new ArrayData(field, length, length - Integer.bitCount(validBits),
        List.of(validity, offsets, data), List.of(), null);
  }

  private static ArrayData list(Field field, ByteBuffer offsets, ArrayData child) {
    return new ArrayData(field, length(field.type(), offsets), 0, List.of(ArrayData.emptyBuffer(), offsets),
        List.of(child), null);
  }

  private static ArrayData listView(Field field, int[] offsets, int[] sizes, ArrayData child) {
    return new ArrayData(field, offsets.length, 0,
        List.of(ArrayData.emptyBuffer(), le(int32s(offsets)), le(int32s(sizes))), List.of(child), null);
  }

  private static ArrayData struct(Field field, ArrayData... children) {
    return new ArrayData(field, children[0].length(), 0, List.of(ArrayData.emptyBuffer()), List.of(children),
        null);
  }

  private static ArrayData int32(Field field, int... values) {
    return new ArrayData(field, values.length, 0, List.of(ArrayData.emptyBuffer(), le(int32s(values))), List.of(),
        null);
  }

  private static boolean large(ArrowType type) {
    return type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.LargeBinary
        || type instanceof ArrowType.LargeList;
  }

  private static ByteBuffer offsets(ArrowType type, long... values) {
    int w = large(type) ? 8 : 4;
    ByteBuffer out = ByteBuffer.allocate(values.length * w).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < values.length; i++) {
      if (w == 4) {
        out.putInt(i * 4, (int) values[i]);
      } else {
        out.putLong(i * 8, values[i]);
      }
    }
    return out;
  }

  private static int length(ArrowType type, ByteBuffer offsets) {
    return offsets.capacity() / (large(type) ? 8 : 4) - 1;
  }

  private static long offset(ArrayData a, int j) {
    return large(a.type()) ? a.buffer(1).getLong(j * 8) : a.buffer(1).getInt(j * 4);
  }

  /** The text, padded with zeros to a multiple of 8 bytes as Arrow JS writes data buffers. */
  private static ByteBuffer padded(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return le(Arrays.copyOf(bytes, (int) IpcFormat.padded(bytes.length)));
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static List<String> strings(ArrayData a) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < a.length(); r++) {
      out.add(a.isNull(r) ? null : string(a, r));
    }
    return out;
  }

  private static String string(ArrayData a, int r) {
    int from = (int) offset(a, r);
    byte[] bytes = new byte[(int) offset(a, r + 1) - from];
    a.buffer(2).get(from, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Rows of a list or map array: "[v, ...]" with strings as text and struct entries as "{k: v}". */
  private static List<String> rows(ArrayData a) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < a.length(); r++) {
      List<String> values = new ArrayList<>();
      for (int k = (int) offset(a, r); k < offset(a, r + 1); k++) {
        values.add(value(a.child(0), k));
      }
      out.add(values.toString());
    }
    return out;
  }

  private static String value(ArrayData a, int k) {
    if (a.type() instanceof ArrowType.Struct) {
      return "{" + value(a.child(0), k) + ": " + value(a.child(1), k) + "}";
    }
    if (a.type() instanceof ArrowType.Int) {
      return Integer.toString(a.buffer(1).getInt(k * 4));
    }
    return string(a, k);
  }
}
