package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.column;
import static dev.quiver.json.JsonTestSupport.read;
import static dev.quiver.json.JsonTestSupport.schemaOf;
import static dev.quiver.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** rows -> RecordBatch -> rows gives back identical JSON text, for every type of the mapping. */
class RoundTripTest {

  static List<Arguments> cases() {
    return List.of(
        Arguments.of("null", new String[] {"null", "null"}),
        Arguments.of("bool", new String[] {"true", "false", "null", "true"}),
        Arguments.of("int8", new String[] {"-128", "127", "0", "null"}),
        Arguments.of("int16", new String[] {"-32768", "32767", "null"}),
        Arguments.of("int32", new String[] {"-2147483648", "2147483647", "null", "7"}),
        Arguments.of("int64", new String[] {"-9223372036854775808", "9223372036854775807", "null"}),
        Arguments.of("uint8", new String[] {"0", "255", "null"}),
        Arguments.of("uint16", new String[] {"0", "65535"}),
        Arguments.of("uint32", new String[] {"0", "4294967295", "null"}),
        Arguments.of("uint64", new String[] {"0", "18446744073709551615", "9223372036854775808", "null"}),
        Arguments.of("halffloat", new String[] {"0.0", "-0.0", "1.0", "0.1", "65500.0", "6.0E-8", "\"NaN\"",
            "\"Infinity\"", "\"-Infinity\"", "null", "0.3333", "1.0E-7"}),
        Arguments.of("float", new String[] {"0.1", "-0.0", "1.0E-10", "3.4028235E38", "1.0E-45", "\"NaN\"",
            "\"-Infinity\"", "16777216.0", "1.1754944E-38", "123.456", "null"}),
        Arguments.of("double", new String[] {"0.1", "-0.0", "0.30000000000000004", "1.7976931348623157E308",
            "5.0E-324", "0.000001", "\"NaN\"", "\"Infinity\"", "1.0E16", "123456789012345.6", "1.0E-7", "null", "2.0E23"}),
        Arguments.of("string", new String[] {"\"\"", "\"héllo \\\"world\\\"\"", "\"\\u0000\\n\"", "null",
            "\"😀\""}),
        Arguments.of("large_string", new String[] {"\"a\"", "null", "\"\""}),
        Arguments.of("binary", new String[] {"\"AAEC/w==\"", "\"\"", "null", "\"aGk=\""}),
        Arguments.of("large_binary", new String[] {"\"AAEC/w==\"", "null"}),
        Arguments.of("fixed_size_binary[3]", new String[] {"\"AAEC\"", "null", "\"////\""}),
        Arguments.of("date32[day]", new String[] {"\"1970-01-01\"", "\"1969-12-31\"", "\"0001-01-01\"",
            "\"9999-12-31\"", "\"1900-02-28\"", "null"}),
        Arguments.of("date64[ms]", new String[] {"\"1970-01-01\"", "\"1969-12-31\"", "\"2024-01-31T12:34:56.789Z\"",
            "\"1969-12-31T23:59:59.999Z\"", "null"}),
        Arguments.of("time32[s]", new String[] {"\"00:00:00\"", "\"23:59:59\"", "null"}),
        Arguments.of("time32[ms]", new String[] {"\"00:00:00.000\"", "\"12:34:56.789\"", "null"}),
        Arguments.of("time64[us]", new String[] {"\"00:00:00.000001\"", "\"23:59:59.999999\""}),
        Arguments.of("time64[ns]", new String[] {"\"00:00:00.000000001\"", "\"23:59:59.999999999\"", "null"}),
        Arguments.of("timestamp[s]", new String[] {"\"2024-01-31T12:34:56\"", "\"1969-12-31T23:59:59\"",
            "\"1900-01-01T00:00:00\"", "null"}),
        Arguments.of("timestamp[ms]", new String[] {"\"2024-01-31T12:34:56.789\"", "\"1969-12-31T23:59:59.999\""}),
        Arguments.of("timestamp[us]", new String[] {"\"2024-01-31T12:34:56.789012\"", "\"1960-06-15T01:02:03.000004\""}),
        Arguments.of("timestamp[ns]", new String[] {"\"2024-01-31T12:34:56.789012345\"",
            "\"1969-12-31T23:59:59.999999999\"", "\"1677-09-21T00:12:43.145224192\"", "\"2262-04-11T23:47:16.854775807\""}),
        Arguments.of("timestamp[ms, tz=UTC]", new String[] {"\"2024-01-31T12:34:56.789Z\"", "\"1950-01-01T00:00:00.000Z\"",
            "null"}),
        Arguments.of("timestamp[ms, tz=Europe/Paris]", new String[] {"\"2024-01-31T13:34:56.789+01:00\"",
            "\"2024-07-01T02:00:00.000+02:00\"", "\"1900-01-01T00:00:00.000+00:09:21\""}),
        Arguments.of("timestamp[s, tz=America/New_York]", new String[] {"\"1969-07-20T16:17:40-04:00\""}),
        Arguments.of("timestamp[ns, tz=Asia/Kolkata]", new String[] {"\"1960-01-01T05:30:00.000000001+05:30\""}),
        Arguments.of("timestamp[us, tz=+07:00]", new String[] {"\"2024-01-31T19:34:56.000001+07:00\""}),
        Arguments.of("duration[s]", new String[] {"0", "-9223372036854775808", "9223372036854775807", "null"}),
        Arguments.of("duration[ns]", new String[] {"1", "-1"}),
        Arguments.of("decimal128(10, 2)", new String[] {"\"1234567890.12\"".substring(0, 0) + "\"12345678.12\"",
            "\"-0.50\"", "\"0.00\"", "\"-99999999.99\"", "null"}),
        Arguments.of("decimal128(38, 0)", new String[] {"\"99999999999999999999999999999999999999\"",
            "\"-99999999999999999999999999999999999999\""}),
        Arguments.of("decimal128(38, 38)", new String[] {"\"0.99999999999999999999999999999999999999\"",
            "\"-0.00000000000000000000000000000000000001\""}),
        Arguments.of("decimal256(76, 10)", new String[] {
            "\"999999999999999999999999999999999999999999999999999999999999999999.9999999999\"",
            "\"-999999999999999999999999999999999999999999999999999999999999999999.9999999999\"", "\"1.0000000000\""}),
        Arguments.of("list<item: int64>", new String[] {"[1,2,3]", "[]", "null", "[null,4]"}),
        Arguments.of("large_list<item: string not null>", new String[] {"[\"a\",\"b\"]", "[]", "null"}),
        Arguments.of("fixed_size_list<item: int32>[2]", new String[] {"[1,2]", "null", "[null,3]"}),
        Arguments.of("struct<a: int32, b: string not null>", new String[] {"{\"a\":1,\"b\":\"x\"}",
            "{\"a\":null,\"b\":\"\"}", "null"}),
        Arguments.of("map<string, int64>", new String[] {"[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":null}]",
            "[]", "null"}),
        Arguments.of("map<int32, list<item: double>>", new String[] {"[{\"key\":1,\"value\":[1.5]}]"}),
        Arguments.of("list<item: struct<m: map<string, struct<x: int8>>, t: timestamp[us, tz=UTC]>>",
            new String[] {"[{\"m\":[{\"key\":\"k\",\"value\":{\"x\":1}}],\"t\":\"2024-01-01T00:00:00.000000Z\"},null]",
                "null", "[]", "[{\"m\":null,\"t\":null}]"}),
        Arguments.of("dictionary<values=string, indices=int8, ordered=0>",
            new String[] {"\"a\"", "\"b\"", "\"a\"", "null", "\"c\""}),
        Arguments.of("dictionary<values=int64, indices=uint16, ordered=1>", new String[] {"5", "5", "-1"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void roundTripsExactly(String type, String[] values) {
    String json = column(values);
    for (int batchSize : new int[] {1, 2, 1000}) {
      List<RecordBatch> batches = read(json, false, schemaOf(type, true), batchSize);
      assertThat(batches).hasSize((values.length + batchSize - 1) / batchSize);
      assertThat(write(batches, false)).isEqualTo(json);
      String ndjson = json.substring(1, json.length() - 1).replace("},{\"v\"", "}\n{\"v\"") + "\n";
      assertThat(write(read(ndjson, true, schemaOf(type, true), batchSize), true)).isEqualTo(ndjson);
    }
  }
}
