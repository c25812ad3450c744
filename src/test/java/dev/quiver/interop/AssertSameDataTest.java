package dev.quiver.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** assertSameData fails when the data differs, names where, and passes for logically equal data. */
class AssertSameDataTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void failsOnAChangedValue() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("int32", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      ours.get(2).column(0).buffer(1).putInt(4 * 42, 12345);
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, ours))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("batch 2, column value, row 42: expected <")
          .hasMessageContaining("but was <12345>");
    }
  }

  @Test
  void failsOnAChangedNull() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("utf8", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      ArrayData column = ours.get(0).column(0);
      ByteBuffer validity = column.buffer(0);
      validity.put(0, (byte) (validity.get(0) & ~(1 << 1)));
      List<RecordBatch> changed = replaceColumn(ours, 0, 0, new ArrayData(column.field(), column.length(),
          column.nullCount() + 1, column.buffers(), column.children(), column.dictionary()));
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, changed))
          .hasMessage("batch 0, column value, row 1: expected <a> but was <null>");
    }
  }

  @Test
  void failsOnNegativeZeroVersusZeroAndPassesOnNaN() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("float64", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      ByteBuffer values = ours.get(0).column(0).buffer(1);
      assertThat(Double.isNaN(values.getDouble(0))).isTrue();
      assertThat(Double.doubleToRawLongBits(values.getDouble(8 * 4))).isEqualTo(Long.MIN_VALUE);
      ArrowJavaBridge.assertSameData(sample, ours);
      values.putDouble(8 * 4, 0.0);
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, ours))
          .hasMessage("batch 0, column value, row 4: expected <-0.0 (bits 0x8000000000000000)> but was "
              + "<0.0 (bits 0x0)>");
    }
  }

  @Test
  void failsOnAChangedTypeOfTheSameLayout() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("int32", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      Field f = ours.get(0).schema().field(0);
      Field uint = new Field(f.name(), f.nullable(), ArrowType.UINT32, null, f.children(), f.metadata());
      List<RecordBatch> changed = replaceField(ours, 0, uint);
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, changed))
          .hasMessage("schema: field value: type expected <Int(32, true)> but was <Int(32, false)>");
    }
  }

  @Test
  void failsOnChangedFieldOrSchemaMetadata() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("bool", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      Field f = ours.get(0).schema().field(0);
      List<RecordBatch> changedField = replaceField(ours, 0, f.withMetadata(Map.of("quiver.column", "other")));
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, changedField))
          .hasMessageStartingWith("schema: field value: metadata expected <");
      Schema s = ours.get(0).schema();
      Schema other = new Schema(s.fields(), Map.of("quiver.sample", "other"));
      List<RecordBatch> changedSchema = new ArrayList<>();
      for (RecordBatch b : ours) {
        changedSchema.add(new RecordBatch(other, b.length(), b.columns()));
      }
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, changedSchema))
          .hasMessageStartingWith("schema metadata: expected <");
    }
  }

  @Test
  void failsOnRowAndBatchCounts() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("bool", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, ours.subList(0, 2)))
          .hasMessage("batch count: expected 3 but was 2 (rows expected [5, 0, 100], actual [5, 0])");
      List<RecordBatch> swapped = List.of(ours.get(0), ours.get(2), ours.get(1));
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, swapped))
          .hasMessage("batch 1: row count expected 0 but was 100");
    }
  }

  @Test
  void namesTheNestedPathOfAChangedValue() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("nested", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      // people: list<item: struct<name: utf8, ...>>; row 1 holds one person, whose name is string 0 ("").
      ArrayData people = ours.get(0).column(0);
      assertThat(people.buffer(1).getInt(4)).isEqualTo(0);
      assertThat(people.buffer(1).getInt(8)).isEqualTo(1);
      ArrayData names = people.child(0).child(0);
      ByteBuffer offsets = names.buffer(1);
      assertThat(offsets.getInt(4)).isZero();
      ByteBuffer data = ByteBuffer.allocate(names.buffer(2).capacity() + 1).order(ByteOrder.LITTLE_ENDIAN);
      data.put((byte) 'X').put(names.buffer(2).duplicate().clear());
      for (int i = 1; i <= names.length(); i++) {
        offsets.putInt(4 * i, offsets.getInt(4 * i) + 1);
      }
      ArrayData changedNames = new ArrayData(names.field(), names.length(), names.nullCount(),
          List.of(names.buffer(0), offsets, data), List.of(), null);
      ArrayData person = people.child(0);
      List<ArrayData> personChildren = new ArrayList<>(person.children());
      personChildren.set(0, changedNames);
      ArrayData changedPerson = new ArrayData(person.field(), person.length(), person.nullCount(),
          person.buffers(), personChildren, null);
      ArrayData changedPeople = new ArrayData(people.field(), people.length(), people.nullCount(),
          people.buffers(), List.of(changedPerson), null);
      List<RecordBatch> changed = replaceColumn(ours, 0, 0, changedPeople);
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, changed))
          .hasMessage("batch 0, column people[0].name, row 1: expected <> but was <X>");
    }
  }

  @Test
  void comparesDictionaryValuesNotIdsOrIndices() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("dictionary_utf8", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      // Same values through another dictionary: one extra entry in front, indices + 1, another id.
      List<RecordBatch> reencoded = new ArrayList<>();
      for (RecordBatch b : ours) {
        reencoded.add(withPrefixedDictionary(b, 0, "unused", 42));
      }
      assertThatCode(() -> ArrowJavaBridge.assertSameData(sample, reencoded)).doesNotThrowAnyException();
      // A changed dictionary entry is a changed value.
      List<RecordBatch> changed = new ArrayList<>();
      for (RecordBatch b : ours) {
        ArrayData c = b.column(0);
        ArrayData dictionary = c.dictionary();
        ByteBuffer offsets = dictionary.buffer(1);
        assertThat(offsets.getInt(8) - offsets.getInt(4)).isEqualTo(1);
        ByteBuffer data = ByteBuffer.allocate(dictionary.buffer(2).capacity()).order(ByteOrder.LITTLE_ENDIAN);
        data.put(dictionary.buffer(2).duplicate().clear()).put(offsets.getInt(4), (byte) 'b');
        ArrayData changedDictionary = new ArrayData(dictionary.field(), dictionary.length(),
            dictionary.nullCount(), List.of(dictionary.buffer(0), offsets, data), List.of(), null);
        changed.add(replaceColumn(List.of(b), 0, 0, c.withDictionary(changedDictionary)).get(0));
      }
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, changed))
          .hasMessage("batch 0, column value, row 1: expected <a> but was <b>");
    }
  }

  @Test
  void failsOnADifferentDictionaryIndexType() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("dictionary_utf8", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      Field f = ours.get(0).schema().field(0);
      Field ordered = new Field(f.name(), f.nullable(), f.type(),
          new DictionaryEncoding(f.dictionary().id(), f.dictionary().indexType(), true), f.children(),
          f.metadata());
      assertThatThrownBy(() -> ArrowJavaBridge.assertSameData(sample, replaceField(ours, 0, ordered)))
          .hasMessageStartingWith("schema: field value: dictionary ordered expected <");
    }
  }

  /** Column {@code col} re-encoded with a dictionary that has {@code extra} in front, under id {@code id}. */
  private static RecordBatch withPrefixedDictionary(RecordBatch b, int col, String extra, long id) {
    ArrayData c = b.column(col);
    ArrayData d = c.dictionary();
    byte[] extraBytes = extra.getBytes(StandardCharsets.UTF_8);
    BufferBuilder offsets = new BufferBuilder();
    offsets.putInt(0);
    for (int i = 0; i <= d.length(); i++) {
      offsets.putInt(d.buffer(1).getInt(4 * i) + extraBytes.length);
    }
    BufferBuilder data = new BufferBuilder();
    data.putBytes(extraBytes);
    ByteBuffer old = d.buffer(2).duplicate().clear();
    byte[] oldBytes = new byte[old.remaining()];
    old.get(oldBytes);
    data.putBytes(oldBytes);
    Field valueField = d.field();
    ArrayData dictionary = new ArrayData(valueField, d.length() + 1, 0,
        List.of(ArrayData.emptyBuffer(), offsets.toByteBuffer(), data.toByteBuffer()), List.of(), null);
    BufferBuilder indices = new BufferBuilder();
    for (int i = 0; i < c.length(); i++) {
      indices.putInt(c.buffer(1).getInt(4 * i) + 1);
    }
    Field f = c.field();
    Field encoded = new Field(f.name(), f.nullable(), f.type(),
        new DictionaryEncoding(id, f.dictionary().indexType(), f.dictionary().ordered()), f.children(),
        f.metadata());
    ArrayData column = new ArrayData(encoded, c.length(), c.nullCount(),
        List.of(c.buffer(0), indices.toByteBuffer()), List.of(), dictionary);
    return replaceColumn(List.of(b), 0, col, column).get(0);
  }

  private static List<RecordBatch> replaceField(List<RecordBatch> batches, int col, Field field) {
    List<RecordBatch> out = new ArrayList<>();
    for (RecordBatch b : batches) {
      out.add(replaceColumn(List.of(b), 0, col, b.column(col).withField(field)).get(0));
    }
    return out;
  }

  /** The batches with column {@code col} of batch {@code batch} replaced (schema from the new column). */
  private static List<RecordBatch> replaceColumn(List<RecordBatch> batches, int batch, int col, ArrayData column) {
    List<RecordBatch> out = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      RecordBatch b = batches.get(i);
      List<Field> fields = new ArrayList<>(b.schema().fields());
      fields.set(col, column.field());
      Schema schema = new Schema(fields, b.schema().metadata());
      List<ArrayData> columns = new ArrayList<>(b.columns());
      if (i == batch) {
        columns.set(col, column);
      } else {
        columns.set(col, b.column(col).withField(column.field()));
      }
      out.add(new RecordBatch(schema, b.length(), columns));
    }
    return out;
  }
}
