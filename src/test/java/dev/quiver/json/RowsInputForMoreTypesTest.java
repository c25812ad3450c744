package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.read;
import static dev.quiver.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

/**
 * JSON rows in for views, list views, intervals, unions, run-end encoded, decimal32/64 and extension types:
 * rows -> Arrow -> rows gives back the same text, and arrow-java loads the arrays (its layout checks).
 */
class RowsInputForMoreTypesTest {

  private static Schema schema(String fieldsJson) {
    return SchemaJson.parse("{\"fields\": [" + fieldsJson + "]}");
  }

  private static Schema one(String type) {
    return schema("{\"name\": \"v\", \"type\": \"" + type + "\", \"nullable\": true}");
  }

  /** Reads the rows with the schema in batches of {@code batchSize}, writes them back, checks the text. */
  private static List<RecordBatch> roundTrip(Schema schema, String rows, int batchSize) {
    return roundTrip(schema, rows, batchSize, true);
  }

  /** @param arrowJava also load the arrays into arrow-java (the bridge cannot load views) */
  private static List<RecordBatch> roundTrip(Schema schema, String rows, int batchSize, boolean arrowJava) {
    List<RecordBatch> batches = read(rows, true, schema, batchSize);
    assertThat(write(batches, true)).isEqualTo(rows);
    if (!arrowJava) {
      return batches;
    }
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator();
        ArrowJavaData loaded = ArrowJavaBridge.toArrowJava(schema, batches, allocator)) {
      assertThat(loaded.batches()).hasSize(batches.size());
    }
    return batches;
  }

  private static String lines(String... rows) {
    StringBuilder sb = new StringBuilder();
    for (String r : rows) {
      sb.append(r).append('\n');
    }
    return sb.toString();
  }

  @Test
  void views() {
    String rows = lines("{\"v\":\"hi\"}", "{\"v\":null}", "{\"v\":\"a string longer than twelve bytes\"}",
        "{\"v\":\"\"}");
    List<RecordBatch> b = roundTrip(one("string_view"), rows, 10, false);
    ArrayData v = b.get(0).column(0);
    assertThat(v.buffers()).hasSize(3); // validity, views, one variadic buffer
    assertThat(v.buffer(1).getInt(32)).isEqualTo(33);
    roundTrip(one("binary_view"), lines("{\"v\":\"AAEC/w==\"}", "{\"v\":\"" + "QUJD".repeat(5) + "\"}",
        "{\"v\":null}"), 2, false);
    roundTrip(one("string_view"), lines("{\"v\":\"short\"}"), 1, false);
  }

  @Test
  void listViews() {
    roundTrip(one("list_view<item: int32>"), lines("{\"v\":[1,2,3]}", "{\"v\":null}", "{\"v\":[]}",
        "{\"v\":[null,4]}"), 3);
    roundTrip(one("large_list_view<item: string>"), lines("{\"v\":[\"a\"]}", "{\"v\":[\"b\",\"c\"]}"), 5);
  }

  @Test
  void intervals() {
    roundTrip(one("month_interval"), lines("{\"v\":{\"months\":-13}}", "{\"v\":null}"), 5);
    roundTrip(one("day_time_interval"), lines("{\"v\":{\"days\":2,\"milliseconds\":-5}}"), 5);
    roundTrip(one("month_day_nano_interval"),
        lines("{\"v\":{\"months\":1,\"days\":-2,\"nanoseconds\":9223372036854775807}}", "{\"v\":null}"), 5);
    assertThatThrownBy(() -> read(lines("{\"v\":{\"days\":1}}"), true, one("day_time_interval"), 5))
        .isInstanceOf(JsonInputException.class).hasMessageContaining("milliseconds").hasMessageContaining("\"v\"");
  }

  @Test
  void unionsOfDistinctKindsArePlainValues() {
    for (String mode : new String[] {"dense_union", "sparse_union"}) {
      Schema s = one(mode + "<i: int32=5, s: string=7, l: list<item: bool>=9>");
      String rows = lines("{\"v\":1}", "{\"v\":\"x\"}", "{\"v\":null}", "{\"v\":[true,null]}", "{\"v\":-4}");
      List<RecordBatch> b = roundTrip(s, rows, 10);
      ByteBuffer typeIds = b.get(0).column(0).buffer(0);
      assertThat(new int[] {typeIds.get(0), typeIds.get(1), typeIds.get(2), typeIds.get(3), typeIds.get(4)})
          .containsExactly(5, 7, 5, 9, 5);
    }
  }

  @Test
  void ambiguousUnionMembersAreTaggedAndRoundTripExactly() {
    Schema s = one("dense_union<small: int8=0, big: int64=1, text: string=2, when: timestamp[s]=3>");
    // "big" and "when" are tagged (an earlier member writes numbers / strings too); "text" is plain
    String rows = lines("{\"v\":1}", "{\"v\":{\"type_id\":1,\"value\":1000}}", "{\"v\":{\"type_id\":1,\"value\":2}}",
        "{\"v\":\"t\"}", "{\"v\":{\"type_id\":3,\"value\":\"2024-01-31T12:34:56\"}}",
        "{\"v\":{\"type_id\":1,\"value\":null}}", "{\"v\":null}");
    List<RecordBatch> b = roundTrip(s, rows, 10);
    ByteBuffer typeIds = b.get(0).column(0).buffer(0);
    assertThat(new int[] {typeIds.get(0), typeIds.get(1), typeIds.get(2), typeIds.get(3), typeIds.get(4),
        typeIds.get(5), typeIds.get(6)}).containsExactly(0, 1, 1, 2, 3, 1, 0);
    // a plain value goes to the first member that accepts it
    List<RecordBatch> plain = read(lines("{\"v\":1000}"), true, s, 10);
    assertThat(plain.get(0).column(0).buffer(0).get(0)).isEqualTo((byte) 1);
    assertThat(write(plain, true)).isEqualTo(lines("{\"v\":{\"type_id\":1,\"value\":1000}}"));
    assertThatThrownBy(() -> read(lines("{\"v\":true}"), true, s, 10))
        .isInstanceOf(JsonInputException.class).hasMessageContaining("no member of the union accepts");
    assertThatThrownBy(() -> read(lines("{\"v\":{\"type_id\":9,\"value\":1}}"), true, s, 10))
        .isInstanceOf(JsonInputException.class).hasMessageContaining("type_id");
  }

  @Test
  void runEndEncodedMergesEqualNeighbours() {
    Schema s = one("run_end_encoded<run_ends: int32, values: string>");
    String rows = lines("{\"v\":\"a\"}", "{\"v\":\"a\"}", "{\"v\":null}", "{\"v\":null}", "{\"v\":\"b\"}",
        "{\"v\":\"a\"}");
    List<RecordBatch> b = roundTrip(s, rows, 4);
    ArrayData first = b.get(0).column(0);
    assertThat(first.length()).isEqualTo(4);
    assertThat(first.child(0).length()).isEqualTo(2);
    assertThat(first.child(0).buffer(1).getInt(0)).isEqualTo(2);
    assertThat(first.child(0).buffer(1).getInt(4)).isEqualTo(4);
    assertThat(b.get(1).column(0).child(0).length()).isEqualTo(2);
    roundTrip(one("run_end_encoded<run_ends: int16, values: list<item: int64>>"),
        lines("{\"v\":[1]}", "{\"v\":[1]}", "{\"v\":[2,3]}"), 10);
  }

  @Test
  void smallDecimals() {
    roundTrip(one("decimal32(7, 2)"), lines("{\"v\":\"12345.67\"}", "{\"v\":\"-0.50\"}", "{\"v\":null}"), 5);
    roundTrip(one("decimal64(18, 3)"), lines("{\"v\":\"123456789012345.678\"}"), 5);
    assertThatThrownBy(() -> read(lines("{\"v\":\"123456.78\"}"), true, one("decimal32(7, 2)"), 5))
        .isInstanceOf(JsonInputException.class);
  }

  @Test
  void extensionTypesPassThroughAsStorageWithTheirMetadata() {
    Schema s = schema("{\"name\": \"id\", \"type\": \"fixed_size_binary[16]\", \"nullable\": true,"
        + " \"metadata\": {\"ARROW:extension:name\": \"arrow.uuid\", \"ARROW:extension:metadata\": \"\"}}");
    String rows = lines("{\"id\":\"AAECAwQFBgcICQoLDA0ODw==\"}", "{\"id\":null}");
    List<RecordBatch> b = roundTrip(s, rows, 5);
    assertThat(b.get(0).schema().field(0).metadata()).containsEntry("ARROW:extension:name", "arrow.uuid");
    assertThat(SchemaJson.toJson(b.get(0).schema())).contains("\"ARROW:extension:name\":\"arrow.uuid\"");
    assertThat(SchemaJson.parse(SchemaJson.toJson(s))).isEqualTo(s);
  }

  @Test
  void schemaJsonOfTheNewTypesReadsBack() {
    for (String t : new String[] {"string_view", "binary_view", "list_view<item: int32>",
        "large_list_view<item: string not null>", "month_interval", "day_time_interval",
        "month_day_nano_interval", "dense_union<a: int32=3, b: string=4>", "sparse_union<a: int8=0, b: bool=1>",
        "run_end_encoded<run_ends: int64, values: double>", "decimal32(5, 1)", "decimal64(12, 0)"}) {
      Schema s = one(t);
      assertThat(SchemaJson.parse(SchemaJson.toJson(s))).as(t).isEqualTo(s);
    }
  }
}
