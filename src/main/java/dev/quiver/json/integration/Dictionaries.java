package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.JsonLimits;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;

/**
 * One entry of "dictionaries": {"id": n, "data": {"count": k, "columns": [FieldData of the value type]}}, keys
 * in any order ("data" before "id" is kept as text until the id is known).
 */
final class Dictionaries {
  private Dictionaries() {}

  record Entry(long id, ArrayData values) {}

  static Entry read(JsonParser p, JsonToken t, Map<Long, Field> fields, JsonLimits limits) {
    if (t != JsonToken.START_OBJECT) {
      throw new JsonInputException(Parsing.at(p) + "a dictionary must be an object {\"id\", \"data\"}");
    }
    Long id = null;
    ArrayData values = null;
    byte[] early = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (key.equals("id")) {
        if (v != JsonToken.VALUE_NUMBER_INT || id != null) {
          throw new JsonInputException(Parsing.at(p) + "a dictionary needs one integer \"id\"");
        }
        id = p.getLongValue();
        field(fields, id);
      } else if (key.equals("data") && values == null && early == null) {
        if (id != null) {
          values = data(p, v, field(fields, id), id);
        } else {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (JsonGenerator g = Parsing.factory(limits).createGenerator(ObjectWriteContext.empty(), out)) {
            g.copyCurrentStructureExact(p);
          }
          early = out.toByteArray();
        }
      } else {
        throw new JsonInputException(Parsing.at(p) + "unexpected key \"" + DataValues.clip(key)
            + "\" in a dictionary (expected one \"id\" and one \"data\")");
      }
    }
    if (id == null || (values == null && early == null)) {
      throw new JsonInputException("a dictionary needs \"id\" and \"data\"");
    }
    if (early != null) {
      try (JsonParser q = Parsing.factory(limits).createParser(ObjectReadContext.empty(), early)) {
        values = data(q, q.nextToken(), field(fields, id), id);
      }
    }
    return new Entry(id, values);
  }

  private static Field field(Map<Long, Field> fields, long id) {
    Field f = fields.get(id);
    if (f == null) {
      throw new JsonInputException("dictionary id " + id + " is not used by any field of the schema");
    }
    return f;
  }

  private static ArrayData data(JsonParser p, JsonToken t, Field encoded, long id) {
    String where = "dictionary " + id;
    Field valueField = encoded.valueField();
    ArrayData[] column = new ArrayData[1];
    int count = Batches.object(p, t, where, (key, v) -> {
      if (!key.equals("columns")) {
        return false;
      }
      if (v != JsonToken.START_ARRAY) {
        throw new JsonInputException(where + ": \"columns\" must be an array");
      }
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (n++ > 0) {
          throw new JsonInputException(where + ": \"columns\" must hold exactly one FieldData");
        }
        column[0] = new FieldDataReader(p, where).read(valueField, encoded.name());
      }
      return true;
    });
    if (column[0] == null) {
      throw new JsonInputException(where + ": \"columns\" must hold exactly one FieldData");
    }
    if (count >= 0 && count != column[0].length()) {
      throw new JsonInputException(where + ": \"count\" is " + count + " but the column has "
          + column[0].length() + " values");
    }
    return column[0];
  }
}
