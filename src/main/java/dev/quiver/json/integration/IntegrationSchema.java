package dev.quiver.json.integration;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import dev.quiver.json.IntegrationTypes;
import dev.quiver.json.JsonInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The "schema" member of Arrow integration JSON: {"fields": [Field...], "metadata": [{"key", "value"}...]}
 * where a Field is {"name", "nullable", "type": {type object}, "children": [...], "dictionary"?: {"id",
 * "indexType", "isOrdered"}, "metadata"?}. Dictionary ids are kept as written (fields may share one).
 */
public final class IntegrationSchema {
  private static final Set<String> SCHEMA_KEYS = Set.of("fields", "metadata");
  private static final Set<String> FIELD_KEYS =
      Set.of("name", "nullable", "type", "children", "dictionary", "metadata");

  private IntegrationSchema() {}

  /** @throws JsonInputException naming the field path when the schema is invalid */
  public static Schema parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new JsonInputException("\"schema\" must be an object {\"fields\": [...]}");
    }
    for (String key : node.propertyNames()) {
      if (!SCHEMA_KEYS.contains(key)) {
        throw new JsonInputException("schema: unknown key \"" + key + "\" (expected fields, metadata)");
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
    Schema schema = new Schema(out, metadata(node.get("metadata"), "schema"));
    checkSharedDictionaries(schema);
    return schema;
  }

  private static Field field(JsonNode node, String parent) {
    if (!node.isObject()) {
      throw new JsonInputException("schema field under \"" + parent + "\": expected an object");
    }
    JsonNode nameNode = node.get("name");
    if (nameNode != null && !nameNode.isNull() && !nameNode.isString()) {
      throw new JsonInputException("schema field under \"" + parent + "\": \"name\" must be a string");
    }
    String name = nameNode == null || nameNode.isNull() ? "" : nameNode.stringValue();
    String path = parent.isEmpty() ? name : parent + "." + name;
    for (String key : node.propertyNames()) {
      if (!FIELD_KEYS.contains(key)) {
        throw new JsonInputException("schema field \"" + path + "\": unknown key \"" + key + "\"");
      }
    }
    JsonNode nullable = node.get("nullable");
    if (nullable != null && !nullable.isBoolean()) {
      throw new JsonInputException("schema field \"" + path + "\": \"nullable\" must be true or false");
    }
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isObject()) {
      throw new JsonInputException("schema field \"" + path + "\": \"type\" must be a type object");
    }
    ArrowType type = IntegrationTypes.type(typeNode, path);
    List<Field> children = new ArrayList<>();
    JsonNode childrenNode = node.get("children");
    if (childrenNode != null && !childrenNode.isNull()) {
      if (!childrenNode.isArray()) {
        throw new JsonInputException("schema field \"" + path + "\": \"children\" must be an array");
      }
      for (JsonNode c : childrenNode) {
        children.add(field(c, path));
      }
    }
    Field f = new Field(name, nullable == null || nullable.booleanValue(), type,
        dictionary(node.get("dictionary"), path), children,
        metadata(node.get("metadata"), "schema field \"" + path + "\""));
    Layouts.checkField(f, path);
    return f;
  }

  private static DictionaryEncoding dictionary(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject() || !node.path("id").canConvertToLong() || !node.path("id").isIntegralNumber()) {
      throw new JsonInputException("schema field \"" + path
          + "\": \"dictionary\" must be {\"id\": integer, \"indexType\": {...}, \"isOrdered\": bool}");
    }
    JsonNode indexNode = node.get("indexType");
    ArrowType index = indexNode == null || indexNode.isNull() ? ArrowType.INT32
        : IntegrationTypes.type(indexNode, path + " (indexType)");
    if (!(index instanceof ArrowType.Int)) {
      throw new JsonInputException("schema field \"" + path + "\": dictionary indexType must be an int type");
    }
    JsonNode ordered = node.get("isOrdered");
    if (ordered != null && !ordered.isNull() && !ordered.isBoolean()) {
      throw new JsonInputException("schema field \"" + path + "\": \"isOrdered\" must be true or false");
    }
    return new DictionaryEncoding(node.get("id").longValue(), (ArrowType.Int) index,
        ordered != null && ordered.asBoolean(false));
  }

  private static Map<String, String> metadata(JsonNode node, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      for (JsonNode kv : node) {
        if (!kv.path("key").isString() || !kv.path("value").isString()) {
          throw new JsonInputException(where + ": metadata entries must be {\"key\": string, \"value\": string}");
        }
        out.put(kv.get("key").stringValue(), kv.get("value").stringValue());
      }
      return out;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getValue().isString()) {
          throw new JsonInputException(where + ": metadata value of \"" + e.getKey() + "\" must be a string");
        }
        out.put(e.getKey(), e.getValue().stringValue());
      }
      return out;
    }
    throw new JsonInputException(where + ": \"metadata\" must be an array of {\"key\", \"value\"} objects");
  }

  /** Fields sharing a dictionary id must have the same value type. */
  private static void checkSharedDictionaries(Schema schema) {
    Map<Long, Field> byId = new HashMap<>();
    for (Field f : schema.fields()) {
      checkShared(f, f.name(), byId);
    }
  }

  private static void checkShared(Field f, String path, Map<Long, Field> byId) {
    if (f.isDictionaryEncoded()) {
      Field seen = byId.putIfAbsent(f.dictionary().id(), f);
      if (seen != null && !sameShape(seen, f)) {
        throw new JsonInputException("schema field \"" + path + "\": dictionary id " + f.dictionary().id()
            + " is shared with field \"" + seen.name() + "\" of another value type");
      }
    }
    for (Field c : f.children()) {
      checkShared(c, path + "." + c.name(), byId);
    }
  }

  private static boolean sameShape(Field a, Field b) {
    if (!a.type().equals(b.type()) || a.children().size() != b.children().size()
        || (a.dictionary() == null) != (b.dictionary() == null)) {
      return false;
    }
    for (int i = 0; i < a.children().size(); i++) {
      if (!sameShape(a.child(i), b.child(i))) {
        return false;
      }
    }
    return true;
  }

  /** Every dictionary-encoded field (nested ones too), by id, first occurrence depth-first. */
  static Map<Long, Field> dictionaryFields(Schema schema) {
    Map<Long, Field> out = new LinkedHashMap<>();
    for (Field f : schema.fields()) {
      collect(f, out);
    }
    return out;
  }

  private static void collect(Field f, Map<Long, Field> out) {
    if (f.isDictionaryEncoded()) {
      out.putIfAbsent(f.dictionary().id(), f);
    }
    for (Field c : f.children()) {
      collect(c, out);
    }
  }

  /** Writes the schema object. */
  public static void write(JsonGenerator g, Schema schema) {
    g.writeStartObject();
    g.writeName("fields");
    g.writeStartArray();
    for (Field f : schema.fields()) {
      writeField(g, f);
    }
    g.writeEndArray();
    writeMetadata(g, schema.metadata());
    g.writeEndObject();
  }

  private static void writeField(JsonGenerator g, Field f) {
    g.writeStartObject();
    g.writeStringProperty("name", f.name());
    g.writeBooleanProperty("nullable", f.nullable());
    g.writeName("type");
    TypeJson.write(g, f.type());
    g.writeName("children");
    g.writeStartArray();
    for (Field c : f.children()) {
      writeField(g, c);
    }
    g.writeEndArray();
    if (f.isDictionaryEncoded()) {
      g.writeName("dictionary");
      g.writeStartObject();
      g.writeNumberProperty("id", f.dictionary().id());
      g.writeName("indexType");
      TypeJson.write(g, f.dictionary().indexType());
      g.writeBooleanProperty("isOrdered", f.dictionary().ordered());
      g.writeEndObject();
    }
    writeMetadata(g, f.metadata());
    g.writeEndObject();
  }

  private static void writeMetadata(JsonGenerator g, Map<String, String> metadata) {
    if (metadata.isEmpty()) {
      return;
    }
    g.writeName("metadata");
    g.writeStartArray();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      g.writeStartObject();
      g.writeStringProperty("key", e.getKey());
      g.writeStringProperty("value", e.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
