package dev.quiver.json;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a schema (see the HTTP contract):
 * {"fields": [{"name", "type", "nullable", "metadata"?, "children"?}], "metadata"?} where "type" is a
 * pyarrow type string ({@link TypeStrings}) or an Arrow integration-JSON type object. Output prints the full
 * type string and also "children" for nested fields. Input takes the full type string, or a bare nested type
 * ("list", "struct", "map", ...) plus "children". Dictionary ids are assigned 0, 1, 2... depth-first.
 */
public final class SchemaJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Set<String> FIELD_KEYS = Set.of("name", "type", "nullable", "metadata", "children",
      "dictionary");

  private SchemaJson() {}

  /** @throws JsonInputException for malformed JSON or an invalid schema, naming the field */
  public static Schema parse(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new JsonInputException("schema is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return parse(node);
  }

  public static Schema parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new JsonInputException("schema must be a JSON object {\"fields\": [...]}");
    }
    for (String key : node.propertyNames()) {
      if (!key.equals("fields") && !key.equals("metadata")) {
        throw new JsonInputException("schema: unknown key \"" + key + "\" (expected \"fields\", \"metadata\")");
      }
    }
    JsonNode fields = node.get("fields");
    if (fields == null || !fields.isArray()) {
      throw new JsonInputException("schema: \"fields\" must be an array");
    }
    List<Field> out = new ArrayList<>();
    for (JsonNode f : fields) {
      out.add(field(f, ""));
    }
    long[] nextId = {0};
    return new Schema(assignIds(out, nextId), metadata(node.get("metadata"), "schema"));
  }

  private static Field field(JsonNode node, String parentPath) {
    if (!node.isObject()) {
      throw new JsonInputException("schema field under \"" + parentPath + "\": expected an object");
    }
    JsonNode nameNode = node.get("name");
    String name = nameNode == null || nameNode.isNull() ? "" : text(nameNode, "name", parentPath);
    String path = parentPath.isEmpty() ? name : parentPath + "." + name;
    for (String key : node.propertyNames()) {
      if (!FIELD_KEYS.contains(key)) {
        throw new JsonInputException("schema field \"" + path + "\": unknown key \"" + key
            + "\" (expected name, type, nullable, metadata, children)");
      }
    }
    JsonNode nullableNode = node.get("nullable");
    if (nullableNode != null && !nullableNode.isBoolean()) {
      throw new JsonInputException("schema field \"" + path + "\": \"nullable\" must be true or false");
    }
    boolean nullable = nullableNode == null || nullableNode.booleanValue();
    JsonNode childrenNode = node.get("children");
    List<Field> children = null;
    if (childrenNode != null && !childrenNode.isNull()) {
      if (!childrenNode.isArray()) {
        throw new JsonInputException("schema field \"" + path + "\": \"children\" must be an array");
      }
      children = new ArrayList<>();
      for (JsonNode c : childrenNode) {
        children.add(field(c, path));
      }
    }
    Field typed = typed(node.get("type"), node.get("dictionary"), children, path);
    return new Field(name, nullable, typed.type(), typed.dictionary(), typed.children(),
        metadata(node.get("metadata"), "schema field \"" + path + "\""));
  }

  private static Field typed(JsonNode typeNode, JsonNode dictionaryNode, List<Field> children, String path) {
    if (typeNode == null) {
      throw new JsonInputException("schema field \"" + path + "\": \"type\" is missing");
    }
    Field parsed;
    boolean bare;
    if (typeNode.isObject()) {
      parsed = IntegrationTypes.field(typeNode, dictionaryNode, path);
      bare = true;
    } else {
      TypeStringParser.Parsed p;
      try {
        p = TypeStrings.parseAllowingBare(text(typeNode, "type", path));
      } catch (JsonInputException e) {
        throw new JsonInputException("schema field \"" + path + "\": " + e.getMessage());
      }
      parsed = p.field();
      bare = p.bare();
    }
    if (children == null) {
      if (bare && parsed.type().isNested() && !(parsed.type() instanceof ArrowType.Struct)) {
        throw new JsonInputException("schema field \"" + path + "\": type " + TypeStrings.format(parsed)
            + " needs \"children\" (or a full type string such as list<item: int64>)");
      }
      return parsed;
    }
    if (!parsed.type().isNested()) {
      if (!children.isEmpty()) {
        throw new JsonInputException("schema field \"" + path + "\": \"children\" given for the non-nested type "
            + TypeStrings.format(parsed));
      }
      return parsed;
    }
    if (parsed.type() instanceof ArrowType.Map && children.size() == 2) {
      Field k = children.get(0);
      Field v = children.get(1);
      children = List.of(new Field("entries", false, ArrowType.STRUCT, null,
          List.of(new Field(k.name(), false, k.type(), k.dictionary(), k.children(), k.metadata()), v), null));
    }
    if (!bare && children.size() != parsed.children().size()) {
      throw new JsonInputException("schema field \"" + path + "\": the type string has "
          + parsed.children().size() + " children but \"children\" has " + children.size());
    }
    return new Field("", true, parsed.type(), parsed.dictionary(), children, null);
  }

  private static String text(JsonNode node, String key, String path) {
    if (!node.isString()) {
      throw new JsonInputException("schema field \"" + path + "\": \"" + key + "\" must be a string");
    }
    return node.stringValue();
  }

  private static Map<String, String> metadata(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getValue().isString()) {
          throw new JsonInputException(where + ": metadata value of \"" + e.getKey() + "\" must be a string");
        }
        out.put(e.getKey(), e.getValue().stringValue());
      }
      return out;
    }
    if (node.isArray()) { // integration-JSON form [{"key": k, "value": v}]
      for (JsonNode kv : node) {
        if (!kv.path("key").isString() || !kv.path("value").isString()) {
          throw new JsonInputException(where + ": metadata entries must be {\"key\": string, \"value\": string}");
        }
        out.put(kv.get("key").stringValue(), kv.get("value").stringValue());
      }
      return out;
    }
    throw new JsonInputException(where + ": \"metadata\" must be an object of strings");
  }

  private static List<Field> assignIds(List<Field> fields, long[] nextId) {
    List<Field> out = new ArrayList<>(fields.size());
    for (Field f : fields) {
      DictionaryEncoding d = f.dictionary();
      if (d != null) {
        d = new DictionaryEncoding(nextId[0]++, d.indexType(), d.ordered());
      }
      out.add(new Field(f.name(), f.nullable(), f.type(), d, assignIds(f.children(), nextId), f.metadata()));
    }
    return out;
  }

  /** The schema as compact JSON text. */
  public static String toJson(Schema schema) {
    return toJsonNode(schema).toString();
  }

  public static ObjectNode toJsonNode(Schema schema) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode fields = root.putArray("fields");
    for (Field f : schema.fields()) {
      fields.add(fieldNode(f));
    }
    if (!schema.metadata().isEmpty()) {
      putMetadata(root, schema.metadata());
    }
    return root;
  }

  private static ObjectNode fieldNode(Field f) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("name", f.name());
    n.put("type", TypeStrings.format(f));
    n.put("nullable", f.nullable());
    if (!f.metadata().isEmpty()) {
      putMetadata(n, f.metadata());
    }
    if (f.type().isNested()) {
      ArrayNode children = n.putArray("children");
      for (Field c : f.children()) {
        children.add(fieldNode(c));
      }
    }
    return n;
  }

  private static void putMetadata(ObjectNode n, Map<String, String> metadata) {
    ObjectNode m = n.putObject("metadata");
    metadata.forEach(m::put);
  }
}
