package dev.quiver.json;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.json.value.Temporal;
import java.util.List;

/**
 * Arrow types as pyarrow prints them ("int64", "timestamp[ms, tz=UTC]", "list<item: int64 not null>",
 * "map<string, int64>", "dictionary<values=string, indices=int32, ordered=0>", ...): printing here, parsing
 * in {@link #parse(String)}. A type string describes a field's type, its children and dictionary encoding;
 * names that pyarrow would print ambiguously (containing ":&lt;&gt;,[]()=\"" or edge spaces) are quoted.
 */
public final class TypeStrings {
  private TypeStrings() {}

  /**
   * Parses a full type string into a field named "" (nullable) with its children and, for dictionary
   * types, a dictionary encoding with id 0 (callers assign ids).
   *
   * @throws JsonInputException naming the position in the string
   */
  public static Field parse(String typeString) {
    TypeStringParser.Parsed p = TypeStringParser.parse(typeString, false);
    return p.field();
  }

  /** Like {@link #parse}, but also accepts a bare nested type ("list", "struct", "map", ...). */
  public static TypeStringParser.Parsed parseAllowingBare(String typeString) {
    return TypeStringParser.parse(typeString, true);
  }

  /** The type string of a field: its type with children, or its dictionary type. */
  public static String format(Field field) {
    DictionaryEncoding d = field.dictionary();
    if (d != null) {
      return "dictionary<values=" + format(field.valueField()) + ", indices=" + formatType(d.indexType())
          + ", ordered=" + (d.ordered() ? 1 : 0) + ">";
    }
    ArrowType t = field.type();
    List<Field> c = field.children();
    if (t instanceof ArrowType.List_) {
      return "list<" + child(c, 0) + ">";
    } else if (t instanceof ArrowType.LargeList) {
      return "large_list<" + child(c, 0) + ">";
    } else if (t instanceof ArrowType.ListView) {
      return "list_view<" + child(c, 0) + ">";
    } else if (t instanceof ArrowType.LargeListView) {
      return "large_list_view<" + child(c, 0) + ">";
    } else if (t instanceof ArrowType.FixedSizeList) {
      return "fixed_size_list<" + child(c, 0) + ">[" + ((ArrowType.FixedSizeList) t).listSize() + "]";
    } else if (t instanceof ArrowType.Struct) {
      StringBuilder sb = new StringBuilder("struct<");
      for (int i = 0; i < c.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(child(c, i));
      }
      return sb.append('>').toString();
    } else if (t instanceof ArrowType.Map) {
      if (c.size() != 1 || c.get(0).children().size() != 2) {
        return "map<?>";
      }
      Field key = c.get(0).child(0);
      Field value = c.get(0).child(1);
      return "map<" + format(key) + ", " + format(value) + (value.nullable() ? "" : " not null")
          + (((ArrowType.Map) t).keysSorted() ? ", keys_sorted" : "") + ">";
    } else if (t instanceof ArrowType.Union) {
      ArrowType.Union u = (ArrowType.Union) t;
      StringBuilder sb = new StringBuilder(u.mode() == ArrowType.UnionMode.DENSE ? "dense_union<" : "sparse_union<");
      for (int i = 0; i < c.size(); i++) {
        int code = i < u.typeIds().size() ? u.typeIds().get(i) : i;
        sb.append(i == 0 ? "" : ", ").append(child(c, i)).append('=').append(code);
      }
      return sb.append('>').toString();
    } else if (t instanceof ArrowType.RunEndEncoded) {
      if (c.size() != 2) {
        return "run_end_encoded<?>";
      }
      return "run_end_encoded<run_ends: " + format(c.get(0)) + ", values: " + format(c.get(1))
          + (c.get(1).nullable() ? "" : " not null") + ">";
    }
    return formatType(t);
  }

  private static String child(List<Field> children, int i) {
    if (i >= children.size()) {
      return "?";
    }
    Field f = children.get(i);
    return formatName(f.name()) + ": " + format(f) + (f.nullable() ? "" : " not null");
  }

  static String formatName(String name) {
    boolean plain = !name.isEmpty() && name.equals(name.strip());
    for (int i = 0; plain && i < name.length(); i++) {
      plain = ":<>,[]()=\"".indexOf(name.charAt(i)) < 0;
    }
    if (plain || name.isEmpty()) {
      return name;
    }
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The type string of a type without children (nested types print with "?" for their children). */
  public static String formatType(ArrowType t) {
    if (t instanceof ArrowType.Null) {
      return "null";
    } else if (t instanceof ArrowType.Bool) {
      return "bool";
    } else if (t instanceof ArrowType.Int) {
      ArrowType.Int i = (ArrowType.Int) t;
      return (i.signed() ? "int" : "uint") + i.bitWidth();
    } else if (t instanceof ArrowType.FloatingPoint) {
      switch (((ArrowType.FloatingPoint) t).precision()) {
        case HALF:
          return "halffloat";
        case SINGLE:
          return "float";
        default:
          return "double";
      }
    } else if (t instanceof ArrowType.Utf8) {
      return "string";
    } else if (t instanceof ArrowType.LargeUtf8) {
      return "large_string";
    } else if (t instanceof ArrowType.Utf8View) {
      return "string_view";
    } else if (t instanceof ArrowType.Binary) {
      return "binary";
    } else if (t instanceof ArrowType.LargeBinary) {
      return "large_binary";
    } else if (t instanceof ArrowType.BinaryView) {
      return "binary_view";
    } else if (t instanceof ArrowType.FixedSizeBinary) {
      return "fixed_size_binary[" + ((ArrowType.FixedSizeBinary) t).byteWidth() + "]";
    } else if (t instanceof ArrowType.Decimal) {
      ArrowType.Decimal d = (ArrowType.Decimal) t;
      return "decimal" + d.bitWidth() + "(" + d.precision() + ", " + d.scale() + ")";
    } else if (t instanceof ArrowType.Date) {
      return ((ArrowType.Date) t).unit() == ArrowType.DateUnit.DAY ? "date32[day]" : "date64[ms]";
    } else if (t instanceof ArrowType.Time) {
      ArrowType.Time tt = (ArrowType.Time) t;
      return "time" + tt.bitWidth() + "[" + Temporal.unitName(tt.unit()) + "]";
    } else if (t instanceof ArrowType.Timestamp) {
      ArrowType.Timestamp ts = (ArrowType.Timestamp) t;
      return "timestamp[" + Temporal.unitName(ts.unit())
          + (ts.timezone() == null ? "" : ", tz=" + ts.timezone()) + "]";
    } else if (t instanceof ArrowType.Duration) {
      return "duration[" + Temporal.unitName(((ArrowType.Duration) t).unit()) + "]";
    } else if (t instanceof ArrowType.Interval) {
      switch (((ArrowType.Interval) t).unit()) {
        case YEAR_MONTH:
          return "month_interval";
        case DAY_TIME:
          return "day_time_interval";
        default:
          return "month_day_nano_interval";
      }
    }
    return format(new Field("", true, t, null, List.of(), null));
  }
}
