package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.column;
import static dev.quiver.json.JsonTestSupport.read;
import static dev.quiver.json.JsonTestSupport.schemaOf;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.Schema;
import org.junit.jupiter.api.Test;

/** Bad input gives the right exception with a message naming where and what. */
class RowsReaderErrorsTest {

  private static void fails(String type, String value, String... parts) {
    assertThatThrownBy(() -> read(column("null", value), false, schemaOf(type, true), 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("row 1")
        .hasMessageContaining("field \"v\"")
        .hasMessageContainingAll(parts);
  }

  @Test
  void malformedJsonHasLineAndColumn() {
    assertThatThrownBy(() -> read("[{\"v\": 1},\n {\"v\": }]", false, schemaOf("int32", true), 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("malformed JSON at line 2, column");
    assertThatThrownBy(() -> read("[{\"v\": 1}", false, schemaOf("int32", true), 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> read("{\"v\": 1}\n{\"v\": 2", true, schemaOf("int32", true), 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> read("[] []", false, schemaOf("int32", true), 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("after the end");
    assertThatThrownBy(() -> read("", false, null, 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("empty body");
    assertThatThrownBy(() -> read("[1]", false, null, 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("row 0")
        .hasMessageContaining("expected a JSON object");
    assertThatThrownBy(() -> read("[{\"v\":1,\"v\":2}]", false, null, 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("duplicate key \"v\"");
  }

  @Test
  void wrongValueTypes() {
    fails("int32", "\"x\"", "expected an integer for int32", "string \"x\"");
    fails("int32", "1.5", "1.5 is not an integer");
    fails("bool", "1", "expected true or false for bool, found number 1");
    fails("string", "5", "expected a string for string");
    fails("double", "\"fast\"", "expected a number");
    fails("list<item: int64>", "{}", "expected an array");
    fails("struct<a: int8>", "[]", "expected an object");
    fails("date32[day]", "\"2024-13-01\"", "not an ISO date");
    fails("timestamp[ms]", "\"yesterday\"", "not an ISO date-time");
    fails("timestamp[s]", "\"2024-01-01T00:00:00.5\"", "more fraction digits than the unit s");
    fails("time32[s]", "86400", "out of range");
    fails("binary", "\"***\"", "base64");
    fails("fixed_size_binary[4]", "\"AAEC\"", "3 bytes, expected 4");
    fails("fixed_size_list<item: int8>[2]", "[1]", "exactly 2 items, found 1");
    fails("null", "1", "expected null");
  }

  @Test
  void outOfRangeIntegers() {
    fails("int8", "128", "128 is out of range [-128, 127]");
    fails("uint8", "-1", "out of range [0, 255]");
    fails("int64", "9223372036854775808", "out of range");
    fails("uint64", "18446744073709551616", "out of range");
    fails("int32", "1e400", "out of range");
  }

  @Test
  void decimalRoundingAndPrecision() {
    fails("decimal128(5, 2)", "\"1.234\"", "more than 2 fraction digits", "rounding");
    fails("decimal128(5, 2)", "1234.5", "does not fit decimal precision 5 with scale 2");
    fails("decimal128(5, 2)", "\"abc\"", "not a decimal number");
    fails("decimal128(5, 2)", "\"1e999999999\"", "does not fit");
  }

  @Test
  void unknownKeyAndMissingNonNullable() {
    Schema s = schemaOf("int32", false);
    assertThatThrownBy(() -> read("[{\"v\":1,\"w\":2}]", false, s, 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("row 0")
        .hasMessageContaining("unknown key \"w\"");
    assertThatThrownBy(() -> read("[{\"v\":1},{}]", false, s, 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("row 1")
        .hasMessageContaining("field \"v\"")
        .hasMessageContaining("non-nullable");
    assertThatThrownBy(() -> read(column("{\"a\":1,\"zz\":2}"), false, schemaOf("struct<a: int8>", true), 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("unknown key \"zz\" in field \"v\"");
    assertThatThrownBy(() -> read(column("[{\"key\":null,\"value\":1}]"), false, schemaOf("map<string, int8>", true), 10))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("v[].key");
  }

  @Test
  void limits() {
    String deep = "[{\"v\":" + "[".repeat(100) + "]".repeat(100) + "}]";
    assertThatThrownBy(() -> read(deep, false, null, 10))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("depth");
    String huge = "[{\"v\":\"" + "x".repeat(2000) + "\"}]";
    assertThatThrownBy(() -> read(huge, false, null, 10, new JsonLimits(64, 1000)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("1000");
    StringBuilder wide = new StringBuilder("[{");
    for (int i = 0; i < 20; i++) {
      wide.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
    }
    String wideRow = wide.append("}]").toString();
    assertThatThrownBy(() -> read(wideRow, false, null, 10, new JsonLimits(64, 1000, 10, 1 << 20)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("more than 10 keys");
    String bigRow = "[{\"v\":[" + "1,".repeat(100_000) + "1]}]";
    assertThatThrownBy(() -> read(bigRow, false, null, 10, new JsonLimits(64, 1000, 10, 10_000)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("row 0 is larger than 10000 bytes");
  }

  @Test
  void rowsBeforeSchemaAreBounded() {
    String body = "{\"rows\": [{\"v\":1},{\"v\":2},{\"v\":3}], \"schema\": {\"fields\":[{\"name\":\"v\",\"type\":\"int8\"}]}}";
    assertThatThrownBy(() -> read(body, false, null, 2))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("put \"schema\" first");
    assertThatThrownBy(() -> read("{\"batches\": []}", false, null, 2))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("integration JSON");
    assertThatThrownBy(() -> read("{\"schema\": {\"fields\": []}}", false, null, 2))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("no \"rows\"");
  }

  @Test
  void laterRowsThatDoNotFitTheInferredSchema() {
    assertThatThrownBy(() -> read("[{\"a\":1},{\"a\":2},{\"a\":\"x\"}]", false, null, 2))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("field \"a\"")
        .hasMessageContaining("inferred from the first 2 row(s)")
        .hasMessageContaining("explicit schema");
    assertThatThrownBy(() -> read("[{\"a\":1},{\"b\":2}]", false, null, 1))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("row 1")
        .hasMessageContaining("unknown key \"b\"")
        .hasMessageContaining("inferred");
  }
}
