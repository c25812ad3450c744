package dev.quiver.json.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.JsonLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key order, buffering limits and every kind of invalid input of the integration-JSON reader. */
class IntegrationJsonReaderTest {
  private static final String SCHEMA = "{\"fields\": [{\"name\": \"s\", \"nullable\": true, \"children\": [],"
      + " \"type\": {\"name\": \"utf8\"}, \"dictionary\": {\"id\": 3, \"isOrdered\": false,"
      + " \"indexType\": {\"name\": \"int\", \"bitWidth\": 8, \"isSigned\": true}}}]}";
  private static final String DICTS = "[{\"data\": {\"columns\": [{\"name\": \"DICT3\", \"count\": 2,"
      + " \"VALIDITY\": [1, 1], \"OFFSET\": [0, 1, 3], \"DATA\": [\"a\", \"bc\"]}], \"count\": 2}, \"id\": 3}]";
  private static final String BATCHES = "[{\"columns\": [{\"DATA\": [1, 0, 1], \"name\": \"s\","
      + " \"VALIDITY\": [1, 0, 1], \"count\": 3}], \"count\": 3}, {\"count\": 0, \"columns\": [{\"name\": \"s\","
      + " \"count\": 0, \"VALIDITY\": [], \"DATA\": []}]}]";

  static List<RecordBatch> read(String json, JsonLimits limits) {
    try (IntegrationJsonReader r = new IntegrationJsonReader(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), limits)) {
      List<RecordBatch> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(r.next());
      }
      return out;
    }
  }

  static List<RecordBatch> read(String json) {
    return read(json, JsonLimits.defaults());
  }

  private static String doc(String... members) {
    return "{" + String.join(", ", members) + "}";
  }

  @Test
  void keysInAnyOrder() {
    String schema = "\"schema\": " + SCHEMA;
    String dicts = "\"dictionaries\": " + DICTS;
    String batches = "\"batches\": " + BATCHES;
    String expected = null;
    for (String[] order : new String[][] {{schema, dicts, batches}, {batches, dicts, schema},
        {schema, batches, dicts}, {dicts, batches, schema}, {batches, schema, dicts}}) {
      List<RecordBatch> b = read(doc(order));
      assertThat(b).hasSize(2);
      assertThat(b.get(0).column(0).dictionary()).isSameAs(b.get(1).column(0).dictionary());
      assertThat(b.get(0).schema().field(0).dictionary().id()).isEqualTo(3);
      String rows = IntegrationJsonGoldenTest.rows(b.get(0));
      assertThat(rows).isEqualTo("{\"s\":\"bc\"}\n{\"s\":null}\n{\"s\":\"bc\"}\n");
      expected = expected == null ? rows : expected;
      assertThat(rows).isEqualTo(expected);
    }
  }

  @Test
  void batchesBeforeTheSchemaAreBufferedUpToTheLimit() {
    JsonLimits small = new JsonLimits(64, 1 << 20, 10_000, 100);
    String late = doc("\"batches\": " + BATCHES, "\"schema\": " + SCHEMA, "\"dictionaries\": " + DICTS);
    assertThatThrownBy(() -> read(late, small)).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("put \"schema\" and \"dictionaries\" first");
    // in the usual order the same limit is per batch only
    assertThat(read(doc("\"schema\": " + SCHEMA, "\"dictionaries\": " + DICTS, "\"batches\": " + BATCHES),
        new JsonLimits(64, 1 << 20, 10_000, 1000))).hasSize(2);
  }

  @Test
  void oneBatchOverTheLimitIs413() {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      data.append(i == 0 ? "" : ",").append(i % 100);
    }
    String big = doc("\"schema\": {\"fields\": [{\"name\": \"a\", \"nullable\": false, \"children\": [],"
        + " \"type\": {\"name\": \"int\", \"bitWidth\": 8, \"isSigned\": true}}]}",
        "\"batches\": [{\"count\": 20000, \"columns\": [{\"name\": \"a\", \"count\": 20000, \"DATA\": [" + data
        + "]}]}]");
    assertThat(read(big)).hasSize(1);
    assertThatThrownBy(() -> read(big, new JsonLimits(64, 1 << 20, 10_000, 20_000)))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("record batch 0");
  }

  private static String intDoc(String type, String column) {
    return doc("\"schema\": {\"fields\": [{\"name\": \"a\", \"nullable\": true, \"children\": [], \"type\": "
        + type + "}]}", "\"batches\": [{\"count\": 2, \"columns\": [" + column + "]}]");
  }

  @Test
  void invalidInputNamesBatchFieldAndRow() {
    String int8 = "{\"name\": \"int\", \"bitWidth\": 8, \"isSigned\": true}";
    assertError(intDoc(int8, "{\"name\": \"a\", \"count\": 2, \"VALIDITY\": [1, 1], \"DATA\": [1, 200]}"),
        "record batch 0", "\"a\"", "entry 1", "200");
    assertError(intDoc(int8, "{\"name\": \"a\", \"count\": 2, \"VALIDITY\": [1], \"DATA\": [1, 2]}"),
        "VALIDITY", "1 entries");
    assertError(intDoc(int8, "{\"name\": \"a\", \"count\": 2, \"VALIDITY\": [1, 2], \"DATA\": [1, 2]}"),
        "VALIDITY", "expected 1, 0");
    assertError(intDoc(int8, "{\"name\": \"a\", \"count\": 2, \"OFFSET\": [0, 1, 2], \"DATA\": [1, 2]}"),
        "OFFSET", "not part of this type's layout");
    assertError(intDoc(int8, "{\"name\": \"a\", \"count\": 2, \"DATA\": [1, 2], \"BOGUS\": 1}"), "BOGUS");
    assertError(intDoc(int8, "{\"name\": \"a\", \"count\": 3, \"DATA\": [1, 2, 3]}"), "\"count\" is 2");
    String utf8 = "{\"name\": \"utf8\"}";
    assertError(intDoc(utf8, "{\"name\": \"a\", \"count\": 2, \"OFFSET\": [0, 5, 6], \"DATA\": [\"ab\", \"c\"]}"),
        "row 0", "OFFSET");
    String list = "{\"name\": \"list\"}";
    String listDoc = doc("\"schema\": {\"fields\": [{\"name\": \"l\", \"nullable\": true, \"type\": " + list
        + ", \"children\": [{\"name\": \"item\", \"nullable\": true, \"children\": [], \"type\": " + int8 + "}]}]}",
        "\"batches\": [{\"count\": 1, \"columns\": [{\"name\": \"l\", \"count\": 1, \"OFFSET\": [0, 5],"
        + " \"children\": [{\"name\": \"item\", \"count\": 2, \"DATA\": [1, 2]}]}]}]");
    assertError(listDoc, "\"l\"", "OFFSET", "entry 1 = 5");
    String union = "{\"name\": \"union\", \"mode\": \"DENSE\", \"typeIds\": [4]}";
    String unionDoc = doc("\"schema\": {\"fields\": [{\"name\": \"u\", \"nullable\": true, \"type\": " + union
        + ", \"children\": [{\"name\": \"i\", \"nullable\": true, \"children\": [], \"type\": " + int8 + "}]}]}",
        "\"batches\": [{\"count\": 2, \"columns\": [{\"name\": \"u\", \"count\": 2, \"TYPE_ID\": [4, 5],"
        + " \"OFFSET\": [0, 0], \"children\": [{\"name\": \"i\", \"count\": 1, \"DATA\": [1]}]}]}]");
    assertError(unionDoc, "row 1", "TYPE_ID 5");
    assertError(unionDoc.replace("[4, 5]", "[4, 4]").replace("[0, 0]", "[0, 1]"), "row 1", "OFFSET 1");
  }

  @Test
  void dictionaryProblems() {
    assertError(doc("\"schema\": " + SCHEMA, "\"dictionaries\": []", "\"batches\": " + BATCHES),
        "record batch 0", "dictionary id 3", "not in \"dictionaries\"");
    assertError(doc("\"schema\": " + SCHEMA, "\"dictionaries\": " + DICTS, "\"batches\": " + BATCHES.replaceFirst(
        "\\[1, 0, 1\\]", "[1, 0, 2]")), "record batch 0", "row 2", "dictionary index 2");
    assertError(doc("\"schema\": " + SCHEMA, "\"dictionaries\": " + DICTS.replace("\"id\": 3", "\"id\": 4"),
        "\"batches\": " + BATCHES), "dictionary id 4", "not used");
  }

  @Test
  void documentProblems() {
    assertError("[1, 2]", "must be an object");
    assertError(doc("\"batches\": []"), "without \"schema\"");
    assertError(doc("\"schema\": " + SCHEMA, "\"rows\": []"), "unexpected key \"rows\"");
    assertError(doc("\"schema\": {\"fields\": [{\"name\": \"a\", \"type\": {\"name\": \"list\"}}]}"),
        "\"a\"", "exactly one child");
    assertError("{\"schema\": " + SCHEMA + ", \"batches\": [{\"count\": 1", "malformed JSON");
    assertError(doc("\"schema\": {\"fields\": [{\"name\": \"a\", \"type\": {\"name\": \"decimal\","
        + " \"precision\": 5, \"scale\": 0, \"bitWidth\": 100}}]}"), "bitWidth");
  }

  @Test
  void numbersStringsAndSpecialFloats() {
    String doc = doc("\"schema\": {\"fields\": ["
        + "{\"name\": \"u\", \"nullable\": false, \"type\": {\"name\": \"int\", \"bitWidth\": 64, \"isSigned\": false}},"
        + "{\"name\": \"f\", \"nullable\": false, \"type\": {\"name\": \"floatingpoint\", \"precision\": \"SINGLE\"}},"
        + "{\"name\": \"h\", \"nullable\": false, \"type\": {\"name\": \"floatingpoint\", \"precision\": \"HALF\"}},"
        + "{\"name\": \"d\", \"nullable\": false, \"type\": {\"name\": \"decimal\", \"precision\": 5, \"scale\": 2,"
        + " \"bitWidth\": 32}}]}",
        "\"batches\": [{\"count\": 3, \"columns\": ["
        + "{\"name\": \"u\", \"count\": 3, \"DATA\": [\"18446744073709551615\", 0, \"7\"]},"
        + "{\"name\": \"f\", \"count\": 3, \"DATA\": [NaN, \"-Infinity\", 0.1]},"
        + "{\"name\": \"h\", \"count\": 3, \"DATA\": [1.5, -0.0, 65504]},"
        + "{\"name\": \"d\", \"count\": 3, \"DATA\": [\"-992\", 12345, \"0\"]}]}]");
    List<RecordBatch> b = read(doc);
    assertThat(IntegrationJsonGoldenTest.rows(b.get(0))).isEqualTo(
        "{\"u\":18446744073709551615,\"f\":\"NaN\",\"h\":1.5,\"d\":\"-9.92\"}\n"
        + "{\"u\":0,\"f\":\"-Infinity\",\"h\":-0.0,\"d\":\"123.45\"}\n"
        + "{\"u\":7,\"f\":0.1,\"h\":65500.0,\"d\":\"0.00\"}\n"); // 65504, shortest half-float text
    String back = new String(IntegrationJsonGoldenTest.write(b.get(0).schema(), b), StandardCharsets.UTF_8);
    assertThat(back).contains("\"DATA\":[\"18446744073709551615\",\"0\",\"7\"]")
        .contains("\"DATA\":[NaN,-Infinity,0.1]").contains("\"DATA\":[1.5,-0.0,65500.0]")
        .contains("\"DATA\":[\"-992\",\"12345\",\"0\"]");
    assertThat(IntegrationJsonGoldenTest.rows(read(back).get(0))).isEqualTo(IntegrationJsonGoldenTest.rows(b.get(0)));
  }

  private static void assertError(String json, String... fragments) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(JsonInputException.class)
        .satisfies(e -> {
          for (String f : fragments) {
            assertThat(e.getMessage()).contains(f);
          }
        });
  }
}
