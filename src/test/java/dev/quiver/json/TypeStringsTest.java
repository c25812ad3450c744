package dev.quiver.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** pyarrow-style type strings: canonical ones print back identically; aliases parse to the same type. */
class TypeStringsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "null", "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
      "halffloat", "float", "double", "string", "large_string", "binary", "large_binary", "string_view",
      "binary_view", "fixed_size_binary[16]", "date32[day]", "date64[ms]", "time32[s]", "time32[ms]",
      "time64[us]", "time64[ns]", "timestamp[s]", "timestamp[ms, tz=UTC]", "timestamp[us, tz=Europe/Paris]",
      "timestamp[ns, tz=+01:00]", "duration[s]", "duration[ns]", "decimal128(10, 2)", "decimal256(76, 0)",
      "decimal128(5, -2)", "decimal32(9, 2)", "decimal64(18, 3)",
      "month_interval", "day_time_interval", "month_day_nano_interval",
      "list<item: int64>", "list<item: int64 not null>", "list<element: string>", "large_list<item: double>",
      "list_view<item: int32>", "large_list_view<item: int32>",
      "fixed_size_list<item: int32>[3]", "fixed_size_list<item: float not null>[2]",
      "struct<a: int32, b: string not null>", "struct<>", "struct<first name: string>",
      "struct<\"a:b\": int8, \"x<y\": int8>",
      "map<string, int64>", "map<string, int64 not null>", "map<string, int64, keys_sorted>",
      "map<int32, list<item: struct<a: timestamp[ms, tz=UTC]>>>",
      "dictionary<values=string, indices=int32, ordered=0>", "dictionary<values=int64, indices=uint8, ordered=1>",
      "list<item: dictionary<values=string, indices=int8, ordered=0>>",
      "list<item: struct<m: map<string, struct<x: int8 not null>>>>",
      "dense_union<a: int32=0, b: string=5>", "sparse_union<a: int32=0>",
      "run_end_encoded<run_ends: int32, values: string>"})
  void canonicalStringsRoundTrip(String type) {
    Field f = TypeStrings.parse(type);
    assertThat(TypeStrings.format(f)).isEqualTo(type);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "float16|halffloat", "float32|float", "float64|double", "utf8|string", "large_utf8|large_string",
      "boolean|bool", "date32|date32[day]", "date64|date64[ms]", "decimal(10, 2)|decimal128(10, 2)",
      "list<int64>|list<item: int64>", "list< item :int64  not null >|list<item: int64 not null>",
      "dictionary<values=utf8, indices=int16>|dictionary<values=string, indices=int16, ordered=0>"})
  void aliases(String alias, String canonical) {
    assertThat(TypeStrings.format(TypeStrings.parse(alias))).isEqualTo(canonical);
  }

  @Test
  void structure() {
    Field map = TypeStrings.parse("map<string, int64 not null>");
    assertThat(map.type()).isEqualTo(new ArrowType.Map(false));
    Field entries = map.child(0);
    assertThat(entries.name()).isEqualTo("entries");
    assertThat(entries.nullable()).isFalse();
    assertThat(entries.child(0).name()).isEqualTo("key");
    assertThat(entries.child(0).nullable()).isFalse();
    assertThat(entries.child(1).name()).isEqualTo("value");
    assertThat(entries.child(1).nullable()).isFalse();
    Field ts = TypeStrings.parse("timestamp[us, tz=America/New_York]");
    assertThat(ts.type()).isEqualTo(new ArrowType.Timestamp(ArrowType.TimeUnit.MICROSECOND, "America/New_York"));
    Field d = TypeStrings.parse("dictionary<values=string, indices=int8, ordered=1>");
    assertThat(d.type()).isEqualTo(ArrowType.UTF8);
    assertThat(d.dictionary().indexType()).isEqualTo(ArrowType.INT8);
    assertThat(d.dictionary().ordered()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "int6|0|unknown type \"int6\"",
      "list<item: int6>|11|unknown type \"int6\"",
      "list<item: int64|16|expected '>'",
      "timestamp[xs]|10|expected a time unit",
      "time32[us]|7|time32 takes s or ms",
      "decimal128(40, 2)|11|decimal128 precision must be in [1, 38], got 40",
      "fixed_size_binary[]|18|expected a number",
      "struct<a: int8,>|15|expected a type name",
      "int32 extra|6|unexpected 'e'",
      "list|4|expected '<'",
      "dictionary<values=string, indices=string>|34|dictionary indices must be an integer type"})
  void errorsNameThePosition(String type, int position, String message) {
    assertThatThrownBy(() -> TypeStrings.parse(type))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("type string \"" + type + "\" at position " + position + ": " + message);
  }
}
