package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.read;
import static dev.quiver.json.JsonTestSupport.readSchema;
import static dev.quiver.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema inference from rows (no schema given). */
class InferenceTest {
  private static final String ROWS = "[\n"
      + "{\"id\": 1, \"name\": \"alpha\", \"score\": 9.5, \"ok\": true, \"tags\": [\"a\", \"b\"],"
      + " \"pos\": {\"x\": 1, \"y\": 2.5}, \"none\": null},\n"
      + "{\"id\": 2, \"name\": null, \"score\": 7, \"ok\": false, \"tags\": [], \"pos\": {\"x\": 3, \"z\": \"q\"},"
      + " \"extra\": [[1], [2, 3]]},\n"
      + "{\"id\": 3, \"name\": \"gamma\", \"score\": null, \"ok\": null, \"tags\": null, \"pos\": null}\n"
      + "]";

  @Test
  void infersRowsJsonLikeInput() {
    Schema s = readSchema(ROWS, false, null);
    assertThat(SchemaJson.toJson(s)).isEqualTo("{\"fields\":["
        + "{\"name\":\"id\",\"type\":\"int64\",\"nullable\":true},"
        + "{\"name\":\"name\",\"type\":\"string\",\"nullable\":true},"
        + "{\"name\":\"score\",\"type\":\"double\",\"nullable\":true},"
        + "{\"name\":\"ok\",\"type\":\"bool\",\"nullable\":true},"
        + "{\"name\":\"tags\",\"type\":\"list<item: string>\",\"nullable\":true,\"children\":["
        + "{\"name\":\"item\",\"type\":\"string\",\"nullable\":true}]},"
        + "{\"name\":\"pos\",\"type\":\"struct<x: int64, y: double, z: string>\",\"nullable\":true,\"children\":["
        + "{\"name\":\"x\",\"type\":\"int64\",\"nullable\":true},{\"name\":\"y\",\"type\":\"double\",\"nullable\":true},"
        + "{\"name\":\"z\",\"type\":\"string\",\"nullable\":true}]},"
        + "{\"name\":\"none\",\"type\":\"null\",\"nullable\":true},"
        + "{\"name\":\"extra\",\"type\":\"list<item: list<item: int64>>\",\"nullable\":true,\"children\":["
        + "{\"name\":\"item\",\"type\":\"list<item: int64>\",\"nullable\":true,\"children\":["
        + "{\"name\":\"item\",\"type\":\"int64\",\"nullable\":true}]}]}]}");
    List<RecordBatch> batches = read(ROWS, false, null, 2);
    assertThat(batches).hasSize(2);
    assertThat(write(batches, true)).isEqualTo(
        "{\"id\":1,\"name\":\"alpha\",\"score\":9.5,\"ok\":true,\"tags\":[\"a\",\"b\"],\"pos\":{\"x\":1,\"y\":2.5,\"z\":null},\"none\":null,\"extra\":null}\n"
        + "{\"id\":2,\"name\":null,\"score\":7.0,\"ok\":false,\"tags\":[],\"pos\":{\"x\":3,\"y\":null,\"z\":\"q\"},\"none\":null,\"extra\":[[1],[2,3]]}\n"
        + "{\"id\":3,\"name\":\"gamma\",\"score\":null,\"ok\":null,\"tags\":null,\"pos\":null,\"none\":null,\"extra\":null}\n");
  }

  @Test
  void emptyInputGivesZeroFieldsAndNoBatch() {
    assertThat(readSchema("[]", false, null).fields()).isEmpty();
    assertThat(read("[]", false, null, 10)).isEmpty();
    assertThat(read("\n\n", true, null, 10)).isEmpty();
    assertThat(read("[{}, {}]", false, null, 10).get(0).length()).isEqualTo(2);
  }

  @Test
  void conflictNamesRowAndFieldAndSuggestsSchema() {
    assertThatThrownBy(() -> read("[{\"a\": {\"b\": 1}}, {\"a\": {\"b\": \"x\"}}]", false, null, 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("row 1")
        .hasMessageContaining("field \"a.b\"")
        .hasMessageContaining("found a string (string) but earlier rows have an integer (int64)")
        .hasMessageContaining("{\"schema\": {\"fields\":[{\"name\":\"a\",\"type\":\"struct<b: int64>\"");
    assertThatThrownBy(() -> read("[{\"a\": [1]}, {\"a\": 1}]", false, null, 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("field \"a\"");
  }

  @Test
  void schemaFromBodyInEitherOrderAndExplicitWins() {
    String schemaFirst = "{\"schema\": {\"fields\": [{\"name\": \"v\", \"type\": \"int8\"}]}, \"rows\": [{\"v\": 1}]}";
    String rowsFirst = "{\"rows\": [{\"v\": 1}], \"schema\": {\"fields\": [{\"name\": \"v\", \"type\": \"int8\"}]}}";
    assertThat(TypeStrings.format(readSchema(schemaFirst, false, null).field(0))).isEqualTo("int8");
    assertThat(TypeStrings.format(readSchema(rowsFirst, false, null).field(0))).isEqualTo("int8");
    assertThat(write(read(rowsFirst, false, null, 10), false)).isEqualTo("[{\"v\":1}]");
    Schema explicit = JsonTestSupport.schemaOf("uint64", true);
    assertThat(readSchema(schemaFirst, false, explicit)).isEqualTo(explicit);
    assertThat(readSchema("[{\"v\": 1}]", false, explicit)).isEqualTo(explicit);
    assertThat(readSchema("{\"v\": 1.5}\n\n{\"v\": 2}\n", true, null).field(0).type())
        .isEqualTo(dev.quiver.columnar.ArrowType.FLOAT64);
  }
}
