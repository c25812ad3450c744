package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.column;
import static dev.quiver.json.JsonTestSupport.read;
import static dev.quiver.json.JsonTestSupport.schemaOf;
import static dev.quiver.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.RecordBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dictionaries grow across batches: same object when unchanged, a prefix-extending one when values are new. */
class DictionaryBatchesTest {
  private static final String TYPE = "dictionary<values=string, indices=int32, ordered=0>";

  @Test
  void reusedWhenUnchangedExtendedWhenNew() {
    String json = column("\"a\"", "\"b\"", "\"a\"", "\"b\"", "\"c\"", "null", "\"a\"", "\"a\"");
    List<RecordBatch> batches = read(json, false, schemaOf(TYPE, true), 2);
    assertThat(batches).hasSize(4);
    ArrayData d0 = batches.get(0).column(0).dictionary();
    ArrayData d1 = batches.get(1).column(0).dictionary();
    ArrayData d2 = batches.get(2).column(0).dictionary();
    ArrayData d3 = batches.get(3).column(0).dictionary();
    assertThat(d1).isSameAs(d0);
    assertThat(d2).isNotSameAs(d1);
    assertThat(d2.length()).isEqualTo(3);
    assertThat(d3).isSameAs(d2);
    // the first entries of the grown dictionary are the previous ones
    assertThat(d2.buffer(1).getInt(4)).isEqualTo(1);
    assertThat(d2.buffer(1).getInt(8)).isEqualTo(2);
    assertThat(d0.length()).isEqualTo(2); // the earlier dictionary is unchanged
    assertThat(write(batches, false)).isEqualTo(json);
  }

  @Test
  void dictionaryOfInts() {
    String json = column("10", "20", "10", "30");
    List<RecordBatch> batches = read(json, false, schemaOf("dictionary<values=int16, indices=uint8, ordered=0>", true), 3);
    assertThat(batches.get(1).column(0).dictionary().length()).isEqualTo(3);
    assertThat(write(batches, false)).isEqualTo(json);
  }

  @Test
  void indexOverflowNamesField() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 129; i++) {
      values.add("\"v" + i + "\"");
    }
    String json = column(values.toArray(new String[0]));
    assertThatThrownBy(() -> read(json, false, schemaOf("dictionary<values=string, indices=int8, ordered=0>", true), 1000))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("row 128")
        .hasMessageContaining("field \"v\"")
        .hasMessageContaining("more than 128 distinct values")
        .hasMessageContaining("int8");
    // 128 distinct values fit int8, 256 fit uint8
    assertThat(read(column(values.subList(0, 128).toArray(new String[0])), false,
        schemaOf("dictionary<values=string, indices=int8, ordered=0>", true), 1000)).hasSize(1);
  }

  @Test
  void nestedDictionaryInStruct() {
    String json = column("{\"d\":\"x\"}", "{\"d\":\"y\"}", "{\"d\":\"x\"}");
    var schema = schemaOf("struct<d: dictionary<values=string, indices=int16, ordered=0>>", true);
    assertThat(schema.field(0).child(0).dictionary().id()).isZero();
    assertThat(write(read(json, false, schema, 2), false)).isEqualTo(json);
  }
}
