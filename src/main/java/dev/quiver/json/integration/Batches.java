package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.json.JsonInputException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** A record batch object {"count": n, "columns": [FieldData per schema field]}, keys in any order. */
final class Batches {
  private Batches() {}

  /** Handles one member other than "count"; returns false for an unknown key. */
  interface Member {
    boolean read(String key, JsonToken value);
  }

  static RecordBatch read(JsonParser p, JsonToken t, Schema schema, String where) {
    List<ArrayData> columns = new ArrayList<>();
    boolean[] seen = {false};
    int count = object(p, t, where, (key, v) -> {
      if (!key.equals("columns") || seen[0]) {
        return false;
      }
      seen[0] = true;
      if (v != JsonToken.START_ARRAY) {
        throw new JsonInputException(where + ": \"columns\" must be an array");
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (columns.size() >= schema.size()) {
          throw new JsonInputException(where + ": \"columns\" has more than the " + schema.size()
              + " fields of the schema");
        }
        var field = schema.field(columns.size());
        String path = field.name();
        ArrayData column = new FieldDataReader(p, where).read(field, path);
        columns.add(column);
      }
      return true;
    });
    if (columns.size() != schema.size()) {
      throw new JsonInputException(where + ": \"columns\" has " + columns.size() + " FieldData, the schema has "
          + schema.size() + " fields");
    }
    if (count < 0) {
      throw new JsonInputException(where + ": \"count\" is missing");
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).length() != count) {
        throw new JsonInputException(where + ", column " + i + " (\"" + schema.field(i).name() + "\"): "
            + columns.get(i).length() + " values but the batch \"count\" is " + count);
      }
    }
    return new RecordBatch(schema, count, columns);
  }

  /** Reads an object with a "count" and other members; returns the count, or -1 when absent. */
  static int object(JsonParser p, JsonToken t, String where, Member member) {
    if (t != JsonToken.START_OBJECT) {
      throw new JsonInputException(where + " (" + Parsing.at(p).replace(": ", "") + "): expected an object"
          + " {\"count\", \"columns\"}, found " + DataValues.describe(t));
    }
    int count = -1;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (key.equals("count") && count < 0) {
        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
            || p.getIntValue() < 0) {
          throw new JsonInputException(where + ": \"count\" must be a non-negative 32-bit integer");
        }
        count = p.getIntValue();
      } else if (!member.read(key, v)) {
        throw new JsonInputException(where + " (" + Parsing.at(p).replace(": ", "") + "): unexpected key \""
            + DataValues.clip(key) + "\" (expected count, columns)");
      }
    }
    return count;
  }
}
