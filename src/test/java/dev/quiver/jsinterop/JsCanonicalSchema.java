package dev.quiver.jsinterop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The canonical JSON of a schema as {@code interop-js/canonical.mjs} prints it, computed from our
 * {@link Schema}: type strings as Arrow JS's {@code DataType.toString()} spells them ("Int32",
 * "Timestamp&lt;MICROSECOND, UTC&gt;", "Dictionary&lt;Int8, Utf8&gt;", "Decimal[38e+2]", ...).
 */
final class JsCanonicalSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private JsCanonicalSchema() {}

  static ObjectNode of(Schema schema) {
    ObjectNode out = JSON.objectNode();
    ArrayNode fields = out.putArray("fields");
    schema.fields().forEach(f -> fields.add(field(f)));
    out.set("metadata", metadata(schema.metadata()));
    return out;
  }

  static ObjectNode field(Field f) {
    ObjectNode out = JSON.objectNode();
    out.put("name", f.name());
    out.put("type", typeString(f));
    out.put("nullable", f.nullable());
    out.set("metadata", metadata(f.metadata()));
    ArrayNode children = out.putArray("children");
    f.children().forEach(c -> children.add(field(c)));
    if (f.isDictionaryEncoded()) {
      ObjectNode d = out.putObject("dictionary");
      d.put("id", f.dictionary().id());
      d.put("indexType", typeString(f.dictionary().indexType(), f));
      d.put("ordered", f.dictionary().ordered());
    }
    if (f.type() instanceof ArrowType.Decimal d) {
      out.put("bitWidth", d.bitWidth());
    }
    if (f.type() instanceof ArrowType.Union u) {
      out.put("mode", u.mode() == ArrowType.UnionMode.DENSE ? "Dense" : "Sparse");
      ArrayNode ids = out.putArray("typeIds");
      u.typeIds().forEach(ids::add);
    }
    return out;
  }

  private static ObjectNode metadata(Map<String, String> metadata) {
    ObjectNode out = JSON.objectNode();
    metadata.forEach(out::put);
    return out;
  }

  /** The Arrow JS type string of a field (a dictionary-encoded field: {@code Dictionary<index, values>}). */
  static String typeString(Field f) {
    String values = typeString(f.type(), f);
    if (f.isDictionaryEncoded()) {
      return "Dictionary<" + typeString(f.dictionary().indexType(), f) + ", " + values + ">";
    }
    return values;
  }

  private static String typeString(ArrowType type, Field f) {
    if (type instanceof ArrowType.Null) {
      return "Null";
    } else if (type instanceof ArrowType.Bool) {
      return "Bool";
    } else if (type instanceof ArrowType.Int t) {
      return (t.signed() ? "Int" : "Uint") + t.bitWidth();
    } else if (type instanceof ArrowType.FloatingPoint t) {
      return switch (t.precision()) {
        case HALF -> "Float16";
        case SINGLE -> "Float32";
        case DOUBLE -> "Float64";
      };
    } else if (type instanceof ArrowType.Utf8) {
      return "Utf8";
    } else if (type instanceof ArrowType.LargeUtf8) {
      return "LargeUtf8";
    } else if (type instanceof ArrowType.Utf8View) {
      return "Utf8View";
    } else if (type instanceof ArrowType.Binary) {
      return "Binary";
    } else if (type instanceof ArrowType.LargeBinary) {
      return "LargeBinary";
    } else if (type instanceof ArrowType.BinaryView) {
      return "BinaryView";
    } else if (type instanceof ArrowType.FixedSizeBinary t) {
      return "FixedSizeBinary[" + t.byteWidth() + "]";
    } else if (type instanceof ArrowType.Decimal t) {
      return "Decimal[" + t.precision() + "e" + (t.scale() > 0 ? "+" : "") + t.scale() + "]";
    } else if (type instanceof ArrowType.Date t) {
      return t.unit() == ArrowType.DateUnit.DAY ? "Date32<DAY>" : "Date64<MILLISECOND>";
    } else if (type instanceof ArrowType.Time t) {
      return "Time" + t.bitWidth() + "<" + t.unit() + ">";
    } else if (type instanceof ArrowType.Timestamp t) {
      boolean zoned = t.timezone() != null && !t.timezone().isEmpty();
      return "Timestamp<" + t.unit() + (zoned ? ", " + t.timezone() : "") + ">";
    } else if (type instanceof ArrowType.Duration t) {
      return "Duration<" + t.unit() + ">";
    } else if (type instanceof ArrowType.Interval t) {
      return "Interval<" + t.unit() + ">";
    } else if (type instanceof ArrowType.List_) {
      return "List<" + typeString(f.child(0)) + ">";
    } else if (type instanceof ArrowType.LargeList) {
      return "LargeList<" + typeString(f.child(0)) + ">";
    } else if (type instanceof ArrowType.FixedSizeList t) {
      return "FixedSizeList[" + t.listSize() + "]<" + typeString(f.child(0)) + ">";
    } else if (type instanceof ArrowType.Struct) {
      return "Struct<{" + members(f) + "}>";
    } else if (type instanceof ArrowType.Map) {
      return "Map<{" + members(f.child(0)) + "}>";
    } else if (type instanceof ArrowType.Union) {
      return "Union<" + f.children().stream().map(JsCanonicalSchema::typeString)
          .collect(Collectors.joining(" | ")) + ">";
    }
    throw new IllegalArgumentException("no Arrow JS type for " + type + " (field " + f.name() + ")");
  }

  private static String members(Field f) {
    return f.children().stream().map(c -> c.name() + ":" + typeString(c)).collect(Collectors.joining(", "));
  }
}
