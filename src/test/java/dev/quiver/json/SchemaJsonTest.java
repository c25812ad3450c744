package dev.quiver.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Schema;
import org.junit.jupiter.api.Test;

/** The JSON form of a schema. */
class SchemaJsonTest {

  @Test
  void printsTypeStringsChildrenAndMetadata() {
    String json = "{\"fields\":[{\"name\":\"id\",\"type\":\"int64\",\"nullable\":false,\"metadata\":{\"k\":\"v\"}},"
        + "{\"name\":\"tags\",\"type\":\"list<item: string not null>\",\"nullable\":true,\"children\":["
        + "{\"name\":\"item\",\"type\":\"string\",\"nullable\":false}]},"
        + "{\"name\":\"m\",\"type\":\"map<string, int64>\",\"nullable\":true,\"children\":["
        + "{\"name\":\"entries\",\"type\":\"struct<key: string not null, value: int64>\",\"nullable\":false,\"children\":["
        + "{\"name\":\"key\",\"type\":\"string\",\"nullable\":false},{\"name\":\"value\",\"type\":\"int64\",\"nullable\":true}]}]},"
        + "{\"name\":\"d\",\"type\":\"dictionary<values=string, indices=int32, ordered=0>\",\"nullable\":true}],"
        + "\"metadata\":{\"origin\":\"test\"}}";
    Schema s = SchemaJson.parse(json);
    assertThat(SchemaJson.toJson(s)).isEqualTo(json);
    assertThat(SchemaJson.toJsonNode(s).get("fields").size()).isEqualTo(4);
    assertThat(s.metadata()).containsEntry("origin", "test");
    assertThat(s.field(0).metadata()).containsEntry("k", "v");
  }

  @Test
  void acceptsBareNestedTypesWithChildren() {
    Schema s = SchemaJson.parse("{\"fields\":[{\"name\":\"l\",\"type\":\"list\",\"children\":["
        + "{\"name\":\"item\",\"type\":\"int32\",\"nullable\":false}]},"
        + "{\"name\":\"s\",\"type\":\"struct\",\"children\":[{\"name\":\"a\",\"type\":\"bool\"}]},"
        + "{\"name\":\"m\",\"type\":\"map\",\"children\":[{\"name\":\"key\",\"type\":\"string\"},"
        + "{\"name\":\"value\",\"type\":\"double\"}]},"
        + "{\"name\":\"f\",\"type\":\"fixed_size_list[2]\",\"children\":[{\"name\":\"item\",\"type\":\"int8\"}]}]}");
    assertThat(TypeStrings.format(s.field(0))).isEqualTo("list<item: int32 not null>");
    assertThat(TypeStrings.format(s.field(1))).isEqualTo("struct<a: bool>");
    assertThat(TypeStrings.format(s.field(2))).isEqualTo("map<string, double>");
    assertThat(TypeStrings.format(s.field(3))).isEqualTo("fixed_size_list<item: int8>[2]");
  }

  @Test
  void acceptsIntegrationTypeObjects() {
    Schema s = SchemaJson.parse("{\"fields\":[{\"name\":\"a\",\"type\":{\"name\":\"int\",\"bitWidth\":16,\"isSigned\":false},"
        + "\"nullable\":true},{\"name\":\"t\",\"type\":{\"name\":\"timestamp\",\"unit\":\"MICROSECOND\",\"timezone\":\"UTC\"}},"
        + "{\"name\":\"d\",\"type\":{\"name\":\"utf8\"},\"dictionary\":{\"id\":7,\"indexType\":{\"name\":\"int\",\"bitWidth\":8,"
        + "\"isSigned\":true},\"isOrdered\":false}}]}");
    assertThat(s.field(0).type()).isEqualTo(ArrowType.UINT16);
    assertThat(TypeStrings.format(s.field(1))).isEqualTo("timestamp[us, tz=UTC]");
    assertThat(TypeStrings.format(s.field(2))).isEqualTo("dictionary<values=string, indices=int8, ordered=0>");
  }

  @Test
  void dictionaryIdsDepthFirst() {
    Schema s = SchemaJson.parse("{\"fields\":["
        + "{\"name\":\"a\",\"type\":\"dictionary<values=string, indices=int8, ordered=0>\"},"
        + "{\"name\":\"b\",\"type\":\"struct<x: dictionary<values=string, indices=int8, ordered=0>,"
        + " y: list<item: dictionary<values=int32, indices=int16, ordered=0>>>\"},"
        + "{\"name\":\"c\",\"type\":\"dictionary<values=string, indices=int32, ordered=0>\"}]}");
    assertThat(s.field(0).dictionary().id()).isEqualTo(0);
    assertThat(s.field(1).child(0).dictionary().id()).isEqualTo(1);
    assertThat(s.field(1).child(1).child(0).dictionary().id()).isEqualTo(2);
    assertThat(s.field(2).dictionary().id()).isEqualTo(3);
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> SchemaJson.parse("{\"fields\":[{\"name\":\"s\",\"type\":\"struct<a: int8>\",\"children\":"
        + "[{\"name\":\"a\",\"type\":\"int9\"}]}]}"))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("schema field \"s.a\": type string \"int9\" at position 0: unknown type \"int9\"");
    assertThatThrownBy(() -> SchemaJson.parse("{\"fields\":[{\"name\":\"a\",\"typ\":\"int8\"}]}"))
        .hasMessageContaining("schema field \"a\": unknown key \"typ\"");
    assertThatThrownBy(() -> SchemaJson.parse("{\"fields\":[{\"name\":\"a\",\"type\":\"list\"}]}"))
        .hasMessageContaining("needs \"children\"");
    assertThatThrownBy(() -> SchemaJson.parse("{\"fields\":[{\"name\":\"a\",\"type\":\"int8\",\"nullable\":\"yes\"}]}"))
        .hasMessageContaining("\"nullable\" must be true or false");
    assertThatThrownBy(() -> SchemaJson.parse("{\"fields\":"))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> SchemaJson.parse("[]")).hasMessageContaining("must be a JSON object");
  }
}
