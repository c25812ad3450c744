package dev.quiver.ipc;

import static dev.quiver.ipc.StreamWriterTest.readStream;
import static dev.quiver.ipc.StreamWriterTest.row;
import static dev.quiver.ipc.WriterTestArrays.int32;
import static dev.quiver.ipc.WriterTestArrays.int64;
import static dev.quiver.ipc.WriterTestArrays.list;
import static dev.quiver.ipc.WriterTestArrays.struct;
import static dev.quiver.ipc.WriterTestArrays.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ArraySlicer (used for dictionary deltas) and deltas of nested and nullable dictionary values. */
class WriterSlicingTest {
  private static final Field ITEM = Field.of("item", ArrowType.INT64, true);
  private static final Field LIST = Field.of("l", ArrowType.LIST, true, ITEM);
  private static final Field X = Field.of("x", ArrowType.INT32, true);
  private static final Field Y = Field.of("y", ArrowType.UTF8, true);
  private static final Field STRUCT = Field.of("st", ArrowType.STRUCT, true, X, Y);

  @Test
  void slicesEqualTheOriginalSlots() {
    ArrayData ints = int32(X, 1, null, 3, 4, null, 6, 7, 8, null, 10, 11);
    ArrayData strings = utf8(Y, "a", null, "", "dddd", "é", null, "g", "h", "i", "j", "k");
    ArrayData lists = list(LIST, int64(ITEM, 1L, 2L, null, 4L, 5L, 6L, 7L), 2, -1, 0, 3, 1, 1);
    ArrayData structs = struct(STRUCT, new boolean[] {true, false, true, true, true, true, true, true,
        false, true, true}, ints, strings);
    for (ArrayData array : List.of(ints, strings, lists, structs)) {
      for (int offset = 0; offset <= array.length(); offset++) {
        for (int length = 0; offset + length <= array.length(); length++) {
          ArrayData slice = ArraySlicer.slice(array, offset, length);
          int nulls = 0;
          for (int i = 0; i < length; i++) {
            if (slice.length() != length || !ArrayEquality.valueEquals(slice, i, array, offset + i)) {
              fail(array.field().name() + " [" + offset + ", +" + length + ") slot " + i);
            }
            nulls += array.isNull(offset + i) ? 1 : 0;
          }
          if (slice.nullCount() != nulls) {
            fail(array.field().name() + " [" + offset + ", +" + length + ") null count " + slice.nullCount());
          }
        }
      }
    }
  }

  @Test
  void deltasOfNullableListAndStructDictionaries() throws IOException {
    Field dl = new Field("dl", true, ArrowType.LIST, new DictionaryEncoding(0, ArrowType.INT8, false),
        List.of(ITEM), Map.of());
    Field ds = new Field("ds", true, ArrowType.STRUCT, new DictionaryEncoding(1, ArrowType.INT16, false),
        List.of(X, Y), Map.of());
    Schema schema = new Schema(List.of(dl, ds));
    ArrayData lists1 = list(dl.valueField(), int64(ITEM, 1L, null, 3L), 2, -1, 1);
    ArrayData lists2 = list(dl.valueField(), int64(ITEM, 1L, null, 3L, 4L, 5L), 2, -1, 1, 0, 2);
    ArrayData structs1 = struct(ds.valueField(), new boolean[] {true, false, true},
        int32(X, 1, 2, null), utf8(Y, "a", "b", "c"));
    ArrayData structs2 = struct(ds.valueField(), new boolean[] {true, false, true, true, false},
        int32(X, 1, 2, null, 4, 5), utf8(Y, "a", "b", "c", null, "e"));
    byte[] bytes = StreamWriterTest.stream(schema,
        new RecordBatch(schema, 3, List.of(idx8(dl, lists1, 0, 1, 2), idx16(ds, structs1, 2, 1, 0))),
        new RecordBatch(schema, 3, List.of(idx8(dl, lists2, 3, 4, 0), idx16(ds, structs2, 3, 4, 2))));
    List<WriterFraming.Parsed> dictionaries = WriterFraming.checkStream(bytes, 0, bytes.length).stream()
        .filter(m -> m.dictionaryId() >= 0).toList();
    assertThat(dictionaries).extracting(WriterFraming.Parsed::delta).containsExactly(false, false, true, true);

    assertThat(readStream(bytes)).containsExactly(
        List.of(
            List.of(List.of(1L, "null"), Map.of("y", "c")),
            row(null, null),
            List.of(List.of(3L), Map.of("x", 1, "y", "a"))),
        List.of(
            List.of(List.of(), Map.of("x", 4)),
            row(List.of(4L, 5L), null),
            List.of(List.of(1L, "null"), Map.of("y", "c"))));
  }

  private static ArrayData idx8(Field field, ArrayData dictionary, int... indices) {
    dev.quiver.columnar.BufferBuilder b = new dev.quiver.columnar.BufferBuilder();
    for (int i : indices) {
      b.putByte(i);
    }
    return new ArrayData(field, indices.length, 0, List.of(ArrayData.emptyBuffer(), b.toByteBuffer()),
        List.of(), dictionary);
  }

  private static ArrayData idx16(Field field, ArrayData dictionary, int... indices) {
    dev.quiver.columnar.BufferBuilder b = new dev.quiver.columnar.BufferBuilder();
    for (int i : indices) {
      b.putShort(i);
    }
    return new ArrayData(field, indices.length, 0, List.of(ArrayData.emptyBuffer(), b.toByteBuffer()),
        List.of(), dictionary);
  }
}
