package dev.quiver.json;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Arrow integration-JSON type objects ({"name": "int", "bitWidth": 32, "isSigned": true}, ...) and the
 * field "dictionary" object ({"id", "indexType", "isOrdered"}), accepted in place of a type string. Also
 * used by the integration-JSON reader ({@code dev.quiver.json.integration}).
 */
public final class IntegrationTypes {
  private IntegrationTypes() {}

  static Field field(JsonNode type, JsonNode dictionary, String path) {
    ArrowType t = type(type, path);
    DictionaryEncoding d = null;
    if (dictionary != null && !dictionary.isNull()) {
      ArrowType index = type(dictionary.path("indexType"), path);
      if (!(index instanceof ArrowType.Int)) {
        throw error(path, "dictionary indexType must be an int type");
      }
      d = new DictionaryEncoding(0, (ArrowType.Int) index, dictionary.path("isOrdered").asBoolean(false));
    }
    return new Field("", true, t, d, List.of(), null);
  }

  /**
   * The type of an integration-JSON type object.
   *
   * @throws JsonInputException naming {@code path} for an unknown name or invalid parameter
   */
  public static ArrowType type(JsonNode n, String path) {
    String name = n.path("name").asString("");
    switch (name) {
      case "null":
        return ArrowType.NULL;
      case "bool":
        return ArrowType.BOOL;
      case "int": {
        int bits = n.path("bitWidth").asInt(0);
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
          throw error(path, "int bitWidth must be 8, 16, 32 or 64");
        }
        return new ArrowType.Int(bits, n.path("isSigned").asBoolean(true));
      }
      case "floatingpoint":
        return new ArrowType.FloatingPoint(ArrowType.Precision.valueOf(upper(n, "precision", path)));
      case "utf8":
        return ArrowType.UTF8;
      case "largeutf8":
        return ArrowType.LARGE_UTF8;
      case "utf8view":
        return ArrowType.UTF8_VIEW;
      case "binary":
        return ArrowType.BINARY;
      case "largebinary":
        return ArrowType.LARGE_BINARY;
      case "binaryview":
        return ArrowType.BINARY_VIEW;
      case "fixedsizebinary":
        return new ArrowType.FixedSizeBinary(positive(n, "byteWidth", path));
      case "decimal":
        return new ArrowType.Decimal(positive(n, "precision", path), n.path("scale").asInt(0),
            n.path("bitWidth").asInt(128));
      case "date":
        return new ArrowType.Date(ArrowType.DateUnit.valueOf(upper(n, "unit", path)));
      case "time": {
        ArrowType.TimeUnit u = ArrowType.TimeUnit.valueOf(upper(n, "unit", path));
        boolean small = u == ArrowType.TimeUnit.SECOND || u == ArrowType.TimeUnit.MILLISECOND;
        return new ArrowType.Time(u, n.path("bitWidth").asInt(small ? 32 : 64));
      }
      case "timestamp": {
        JsonNode tz = n.get("timezone");
        return new ArrowType.Timestamp(ArrowType.TimeUnit.valueOf(upper(n, "unit", path)),
            tz == null || tz.isNull() ? null : tz.asString());
      }
      case "duration":
        return new ArrowType.Duration(ArrowType.TimeUnit.valueOf(upper(n, "unit", path)));
      case "interval":
        return new ArrowType.Interval(ArrowType.IntervalUnit.valueOf(upper(n, "unit", path)));
      case "list":
        return ArrowType.LIST;
      case "largelist":
        return ArrowType.LARGE_LIST;
      case "listview":
        return ArrowType.LIST_VIEW;
      case "largelistview":
        return ArrowType.LARGE_LIST_VIEW;
      case "fixedsizelist":
        return new ArrowType.FixedSizeList(n.path("listSize").asInt(0));
      case "struct":
        return ArrowType.STRUCT;
      case "map":
        return new ArrowType.Map(n.path("keysSorted").asBoolean(false));
      case "runendencoded":
        return ArrowType.RUN_END_ENCODED;
      case "union": {
        List<Integer> ids = new ArrayList<>();
        for (JsonNode id : n.path("typeIds")) {
          ids.add(id.asInt());
        }
        return new ArrowType.Union(ArrowType.UnionMode.valueOf(upper(n, "mode", path)), ids);
      }
      default:
        throw error(path, "unknown integration-JSON type name \"" + name + "\"");
    }
  }

  private static String upper(JsonNode n, String key, String path) {
    String v = n.path(key).asString("");
    switch (v.toUpperCase(java.util.Locale.ROOT)) {
      case "HALF": case "SINGLE": case "DOUBLE": case "DAY": case "MILLISECOND": case "SECOND":
      case "MICROSECOND": case "NANOSECOND": case "YEAR_MONTH": case "DAY_TIME": case "MONTH_DAY_NANO":
      case "SPARSE": case "DENSE":
        return v.toUpperCase(java.util.Locale.ROOT);
      default:
        throw error(path, "invalid \"" + key + "\": \"" + v + "\"");
    }
  }

  private static int positive(JsonNode n, String key, String path) {
    int v = n.path(key).asInt(0);
    if (v < 1) {
      throw error(path, "\"" + key + "\" must be a positive integer");
    }
    return v;
  }

  private static JsonInputException error(String path, String message) {
    return new JsonInputException("schema field \"" + path + "\": " + message);
  }
}
