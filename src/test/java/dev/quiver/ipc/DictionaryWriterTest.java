package dev.quiver.ipc;

import static dev.quiver.ipc.FileWriterTest.readFile;
import static dev.quiver.ipc.StreamWriterTest.readStream;
import static dev.quiver.ipc.StreamWriterTest.row;
import static dev.quiver.ipc.WriterTestArrays.dictionaryEncoded;
import static dev.quiver.ipc.WriterTestArrays.int32;
import static dev.quiver.ipc.WriterTestArrays.list;
import static dev.quiver.ipc.WriterTestArrays.struct;
import static dev.quiver.ipc.WriterTestArrays.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dictionaries nested in structs, lists and other dictionaries; shared ids; deltas of nested values. */
class DictionaryWriterTest {
  private static final Field A = dict("a", 1, ArrowType.UTF8);
  private static final Field B = Field.of("b", ArrowType.INT32, true);
  private static final Field ST = Field.of("st", ArrowType.STRUCT, true, A, B);
  private static final Field ITEM = dict("item", 2, ArrowType.UTF8);
  private static final Field L = Field.of("l", ArrowType.LIST, true, ITEM);

  static Field dict(String name, long id, ArrowType type, Field... children) {
    return new Field(name, true, type, new DictionaryEncoding(id, ArrowType.INT32, false),
        List.of(children), Map.of());
  }

  @Test
  void dictionariesInsideStructAndList() throws IOException {
    Schema schema = new Schema(List.of(ST, L));
    ArrayData aDict = utf8(A.valueField(), "red", "green");
    ArrayData itemDict = utf8(ITEM.valueField(), "p", "q", "r");
    ArrayData st = struct(ST, new boolean[] {true, false, true},
        dictionaryEncoded(A, aDict, 1, 0, null), int32(B, 5, 6, 7));
    ArrayData l = list(L, dictionaryEncoded(ITEM, itemDict, 2, 0, null, 1), 2, -1, 2);
    RecordBatch batch = new RecordBatch(schema, 3, List.of(st, l));

    List<List<Object>> expected = List.of(
        List.of(Map.of("a", "green", "b", 5), List.of("r", "p")),
        row(null, null),
        List.of(Map.of("b", 7), List.of("null", "q")));
    byte[] stream = StreamWriterTest.stream(schema, batch);
    WriterFraming.checkStream(stream, 0, stream.length);
    List<List<List<Object>>> read = readStream(stream);
    assertThat(read).containsExactly(expected);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(out, schema, WriteOptions.defaults())) {
      writer.write(batch);
      writer.write(batch);
    }
    WriterFraming.checkFile(out.toByteArray());
    assertThat(readFile(out.toByteArray())).isEqualTo(List.of(read.get(0), read.get(0)));
  }

  @Test
  void innerDictionariesAreWrittenBeforeOuterOnes() throws IOException {
    Field inner = dict("item", 5, ArrowType.UTF8);
    Field outer = dict("outer", 4, ArrowType.LIST, inner);
    Schema schema = new Schema(List.of(outer));
    ArrayData innerDict = utf8(inner.valueField(), "a", "b");
    ArrayData outerDict = list(outer.valueField(), dictionaryEncoded(inner, innerDict, 0, 1, 1), 1, 2);
    ArrayData column = dictionaryEncoded(outer, outerDict, 1, 0, null);
    byte[] bytes = StreamWriterTest.stream(schema, new RecordBatch(schema, 3, List.of(column)));
    List<WriterFraming.Parsed> messages = WriterFraming.checkStream(bytes, 0, bytes.length);
    assertThat(messages).extracting(WriterFraming.Parsed::dictionaryId).containsExactly(-1L, 5L, 4L, -1L);
    // the outer dictionary batch holds nodes [list, int32 indices] and no value subtree of the inner one
    var data = ((org.apache.arrow.flatbuf.DictionaryBatch) messages.get(2).message()
        .header(new org.apache.arrow.flatbuf.DictionaryBatch())).data();
    assertThat(data.nodesLength()).isEqualTo(2);
    assertThat(data.buffersLength()).isEqualTo(4);
    assertThat(readStream(bytes)).containsExactly(
        List.of(List.of(List.of("b", "b")), List.of(List.of("a")), row((Object) null)));
  }

  @Test
  void nestedDeltaAndOuterReplacementWhenInnerIsReplaced() {
    Field inner = dict("item", 5, ArrowType.UTF8);
    Field outer = dict("outer", 4, ArrowType.LIST, inner);
    Schema schema = new Schema(List.of(outer));
    ArrayData inner1 = utf8(inner.valueField(), "a", "b");
    ArrayData outer1 = list(outer.valueField(), dictionaryEncoded(inner, inner1, 0, 1), 1, 1);
    ArrayData inner2 = utf8(inner.valueField(), "a", "b", "c");
    ArrayData outer2 = list(outer.valueField(), dictionaryEncoded(inner, inner2, 0, 1, 2), 1, 1, 1);
    ArrayData inner3 = utf8(inner.valueField(), "c", "a", "b");
    ArrayData outer3 = list(outer.valueField(), dictionaryEncoded(inner, inner3, 1, 2, 0), 1, 1, 1);
    byte[] bytes = StreamWriterTest.stream(schema,
        new RecordBatch(schema, 1, List.of(dictionaryEncoded(outer, outer1, 0))),
        new RecordBatch(schema, 1, List.of(dictionaryEncoded(outer, outer2, 2))),
        new RecordBatch(schema, 1, List.of(dictionaryEncoded(outer, outer3, 2))));
    List<WriterFraming.Parsed> dictionaries = WriterFraming.checkStream(bytes, 0, bytes.length).stream()
        .filter(m -> m.dictionaryId() >= 0).toList();
    assertThat(dictionaries).extracting(WriterFraming.Parsed::dictionaryId)
        .containsExactly(5L, 4L, 5L, 4L, 5L, 4L);
    // batch 2: both grow (deltas); batch 3: inner replaced, so the outer (logically equal) is replaced too
    assertThat(dictionaries).extracting(WriterFraming.Parsed::delta)
        .containsExactly(false, false, true, true, false, false);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FileWriter file = new FileWriter(out, schema, WriteOptions.defaults());
    file.write(new RecordBatch(schema, 1, List.of(dictionaryEncoded(outer, outer1, 0))));
    file.write(new RecordBatch(schema, 1, List.of(dictionaryEncoded(outer, outer2, 2))));
    assertThatThrownBy(() -> file.write(new RecordBatch(schema, 1, List.of(dictionaryEncoded(outer, outer3, 2)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column outer.item");
  }

  @Test
  void sharedIdWritesOneDictionaryAndRejectsConflicts() throws IOException {
    Field c1 = dict("c1", 0, ArrowType.UTF8);
    Field c2 = dict("c2", 0, ArrowType.UTF8);
    Schema schema = new Schema(List.of(c1, c2));
    ArrayData shared = utf8(c1.valueField(), "x", "y");
    byte[] bytes = StreamWriterTest.stream(schema, new RecordBatch(schema, 2,
        List.of(dictionaryEncoded(c1, shared, 0, 1), dictionaryEncoded(c2, shared, 1, 1))));
    assertThat(WriterFraming.checkStream(bytes, 0, bytes.length)).hasSize(3);
    assertThat(readStream(bytes)).containsExactly(List.of(List.of("x", "y"), List.of("y", "y")));

    RecordBatch conflict = new RecordBatch(schema, 1, List.of(
        dictionaryEncoded(c1, shared, 0), dictionaryEncoded(c2, utf8(c2.valueField(), "z"), 0)));
    assertThatThrownBy(() -> StreamWriterTest.stream(schema, conflict))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column c2")
        .hasMessageContaining("c1");
  }

  @Test
  void equalButDistinctDictionaryWritesNothingNew() {
    Field d = dict("d", 3, ArrowType.UTF8);
    Schema schema = new Schema(List.of(d));
    byte[] bytes = StreamWriterTest.stream(schema,
        new RecordBatch(schema, 1, List.of(dictionaryEncoded(d, utf8(d.valueField(), "x", null), 1))),
        new RecordBatch(schema, 1, List.of(dictionaryEncoded(d, utf8(d.valueField(), "x", null), 0))));
    assertThat(WriterFraming.checkStream(bytes, 0, bytes.length))
        .filteredOn(m -> m.dictionaryId() >= 0).hasSize(1);
  }
}
