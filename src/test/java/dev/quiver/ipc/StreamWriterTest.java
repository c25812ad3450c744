package dev.quiver.ipc;

import static dev.quiver.ipc.WriterTestArrays.dictField;
import static dev.quiver.ipc.WriterTestArrays.dictionaryEncoded;
import static dev.quiver.ipc.WriterTestArrays.int32;
import static dev.quiver.ipc.WriterTestArrays.int64;
import static dev.quiver.ipc.WriterTestArrays.list;
import static dev.quiver.ipc.WriterTestArrays.struct;
import static dev.quiver.ipc.WriterTestArrays.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;

/** Streams written by hand-built batches, read back with arrow-java's ArrowStreamReader. */
class StreamWriterTest {
  private static final Field I = Field.of("i", ArrowType.INT32, true);
  private static final Field S = Field.of("s", ArrowType.UTF8, true);
  private static final Field ITEM = Field.of("item", ArrowType.INT64, true);
  private static final Field L = Field.of("l", ArrowType.LIST, true, ITEM);
  private static final Field D = dictField("d", 0, ArrowType.UTF8);

  @Test
  void writesPlainColumnsArrowJavaReadsTheSameValues() throws IOException {
    Schema schema = new Schema(List.of(I, S, L), Map.of("k", "v"));
    RecordBatch batch = new RecordBatch(schema, 3, List.of(
        int32(I, 1, null, 3),
        utf8(S, "a", null, "ccc"),
        list(L, int64(ITEM, 10L, null, 30L), 2, -1, 1)));
    byte[] bytes = stream(schema, batch, batch);

    List<List<List<Object>>> batches = readStream(bytes);
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0)).containsExactly(
        List.of(1, "a", List.of(10L, "null")),
        row(null, null, null),
        List.of(3, "ccc", List.of(30L)));
  }

  @Test
  void zeroBatchesIsSchemaAndEndOfStream() throws IOException {
    Schema schema = new Schema(List.of(I, S));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(out, schema, WriteOptions.defaults())) {
      writer.end();
      assertThat(writer.bytesWritten()).isEqualTo(out.size());
    }
    assertThat(readStream(out.toByteArray())).isEmpty();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(out.toByteArray()), allocator)) {
      assertThat(reader.getVectorSchemaRoot().getSchema().getFields()).hasSize(2);
    }
  }

  @Test
  void dictionaryDeltaAndReplacement() throws IOException {
    Schema schema = new Schema(List.of(D));
    Field values = D.valueField();
    ArrayData dict1 = utf8(values, "x", "y");
    ArrayData dict2 = utf8(values, "x", "y", "z");       // extends dict1 -> delta
    ArrayData dict3 = utf8(values, "q", "r");            // replacement
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(out, schema, WriteOptions.defaults())) {
      writer.write(new RecordBatch(schema, 3, List.of(dictionaryEncoded(D, dict1, 0, 1, null))));
      writer.write(new RecordBatch(schema, 2, List.of(dictionaryEncoded(D, dict1, 1, 1))));
      writer.write(new RecordBatch(schema, 3, List.of(dictionaryEncoded(D, dict2, 2, 0, 1))));
      writer.write(new RecordBatch(schema, 2, List.of(dictionaryEncoded(D, dict3, 1, 0))));
    }
    List<List<List<Object>>> batches = readStream(out.toByteArray());
    assertThat(batches).containsExactly(
        List.of(List.of("x"), List.of("y"), row((Object) null)),
        List.of(List.of("y"), List.of("y")),
        List.of(List.of("z"), List.of("x"), List.of("y")),
        List.of(List.of("r"), List.of("q")));
  }

  @Test
  void badBatchIsRejectedBeforeAnyByte() {
    Schema schema = new Schema(List.of(I));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamWriter writer = new StreamWriter(out, schema, WriteOptions.defaults());
    writer.start();
    int afterSchema = out.size();
    ArrayData wrong = utf8(Field.of("i", ArrowType.UTF8, true), "a");
    assertThatThrownBy(() -> writer.write(new RecordBatch(new Schema(List.of(wrong.field())), 1, List.of(wrong))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column i");
    assertThat(out.size()).isEqualTo(afterSchema);
    writer.close();
  }

  static byte[] stream(Schema schema, RecordBatch... batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(out, schema, WriteOptions.defaults())) {
      for (RecordBatch batch : batches) {
        writer.write(batch);
      }
    }
    return out.toByteArray();
  }

  static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>();
    for (Object v : values) {
      row.add(v);
    }
    return row;
  }

  /** Every batch as rows of values (dictionaries decoded, Text as String, lists as lists). */
  static List<List<List<Object>>> readStream(byte[] bytes) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
      return readAll(reader);
    }
  }

  static List<List<List<Object>>> readAll(ArrowReader reader) throws IOException {
    List<List<List<Object>>> batches = new ArrayList<>();
    VectorSchemaRoot root = reader.getVectorSchemaRoot();
    while (reader.loadNextBatch()) {
      List<List<Object>> rows = new ArrayList<>();
      for (int r = 0; r < root.getRowCount(); r++) {
        List<Object> row = new ArrayList<>();
        for (FieldVector vector : root.getFieldVectors()) {
          row.add(value(reader, vector, r));
        }
        rows.add(row);
      }
      batches.add(rows);
    }
    return batches;
  }

  private static Object value(ArrowReader reader, ValueVector vector, int r) throws IOException {
    if (vector.isNull(r)) {
      return null;
    }
    var encoding = vector.getField().getDictionary();
    if (encoding != null) {
      Dictionary dictionary = reader.getDictionaryVectors().get(encoding.getId());
      int index = ((Number) vector.getObject(r)).intValue();
      return value(reader, dictionary.getVector(), index);
    }
    if (vector instanceof org.apache.arrow.vector.complex.BaseRepeatedValueVector list) {
      int start = list.getOffsetBuffer().getInt((long) r * 4);
      int end = list.getOffsetBuffer().getInt((long) (r + 1) * 4);
      List<Object> out = new ArrayList<>();
      for (int k = start; k < end; k++) {
        Object v = value(reader, list.getDataVector(), k);
        out.add(v == null ? "null" : v);
      }
      return out;
    }
    if (vector instanceof org.apache.arrow.vector.complex.StructVector struct) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (FieldVector child : struct.getChildrenFromFields()) {
        Object v = value(reader, child, r);
        if (v != null) {
          out.put(child.getName(), v);
        }
      }
      return out;
    }
    return normalize(vector.getObject(r));
  }

  private static Object normalize(Object o) {
    if (o instanceof org.apache.arrow.vector.util.Text t) {
      return t.toString();
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object e : l) {
        out.add(e == null ? "null" : normalize(e));
      }
      return out;
    }
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, normalize(v)));
      return out;
    }
    return o;
  }
}
