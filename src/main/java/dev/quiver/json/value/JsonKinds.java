package dev.quiver.json.value;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of JSON value each Arrow type writes (and accepts) in JSON rows. Unions use them to decide
 * which member a plain value belongs to and when a member's value must be tagged {"type_id": id, "value": v}
 * (see {@link #plainChildren}).
 */
public final class JsonKinds {
  /** JSON value kinds. */
  public enum Kind { NULL, BOOL, NUMBER, STRING, ARRAY, OBJECT }

  private JsonKinds() {}

  /** Kinds a non-null value of {@code f} is written as. */
  public static Set<Kind> written(Field f) {
    ArrowType t = f.type();
    if (t instanceof ArrowType.Null) {
      return EnumSet.of(Kind.NULL);
    } else if (t instanceof ArrowType.Bool) {
      return EnumSet.of(Kind.BOOL);
    } else if (t instanceof ArrowType.Int || t instanceof ArrowType.Duration) {
      return EnumSet.of(Kind.NUMBER);
    } else if (t instanceof ArrowType.FloatingPoint) {
      return EnumSet.of(Kind.NUMBER, Kind.STRING); // NaN and the infinities are strings
    } else if (t instanceof ArrowType.Interval || t instanceof ArrowType.Struct) {
      return EnumSet.of(Kind.OBJECT);
    } else if (t instanceof ArrowType.List_ || t instanceof ArrowType.LargeList || t instanceof ArrowType.ListView
        || t instanceof ArrowType.LargeListView || t instanceof ArrowType.FixedSizeList
        || t instanceof ArrowType.Map) {
      return EnumSet.of(Kind.ARRAY);
    } else if (t instanceof ArrowType.Union) {
      EnumSet<Kind> all = EnumSet.allOf(Kind.class);
      return all;
    } else if (t instanceof ArrowType.RunEndEncoded) {
      return f.children().size() == 2 ? written(f.child(1)) : EnumSet.allOf(Kind.class);
    }
    return EnumSet.of(Kind.STRING); // strings, binaries, decimals, dates, times, timestamps
  }

  /** Kinds a non-null value of {@code f} may be read from. */
  public static Set<Kind> accepted(Field f) {
    ArrowType t = f.type();
    if (t instanceof ArrowType.Null) {
      return EnumSet.noneOf(Kind.class);
    } else if (t instanceof ArrowType.Bool) {
      return EnumSet.of(Kind.BOOL);
    } else if (t instanceof ArrowType.Int || t instanceof ArrowType.FloatingPoint || t instanceof ArrowType.Decimal
        || t instanceof ArrowType.Date || t instanceof ArrowType.Time || t instanceof ArrowType.Timestamp
        || t instanceof ArrowType.Duration) {
      return EnumSet.of(Kind.NUMBER, Kind.STRING);
    } else if (t instanceof ArrowType.Interval || t instanceof ArrowType.Struct) {
      return EnumSet.of(Kind.OBJECT);
    } else if (t instanceof ArrowType.Map) {
      return EnumSet.of(Kind.ARRAY, Kind.OBJECT);
    } else if (t instanceof ArrowType.List_ || t instanceof ArrowType.LargeList || t instanceof ArrowType.ListView
        || t instanceof ArrowType.LargeListView || t instanceof ArrowType.FixedSizeList) {
      return EnumSet.of(Kind.ARRAY);
    } else if (t instanceof ArrowType.Union) {
      EnumSet<Kind> all = EnumSet.of(Kind.OBJECT);
      f.children().forEach(c -> all.addAll(accepted(c)));
      return all;
    } else if (t instanceof ArrowType.RunEndEncoded) {
      return f.children().size() == 2 ? accepted(f.child(1)) : EnumSet.allOf(Kind.class);
    }
    return EnumSet.of(Kind.STRING);
  }

  /** Whether a JSON null is a value of {@code f}. */
  public static boolean acceptsNull(Field f) {
    return f.nullable() || f.type() instanceof ArrowType.Null;
  }

  /** The kind of a JSON value's text form: what a union member must write to be tried for it. */
  public static boolean writes(Field member, Kind kind) {
    return written(member).contains(kind);
  }

  /**
   * For each child of a union: whether its non-null values can be written plainly. Reading a plain value
   * tries, in order, only the members that write that kind of JSON value, and takes the first that accepts
   * it; so a member's values are plain when no earlier member writes any kind it writes (and it is not a
   * struct of exactly the fields "type_id" and "value", which would read as a tag).
   */
  public static boolean[] plainChildren(Field union) {
    int n = union.children().size();
    boolean[] plain = new boolean[n];
    EnumSet<Kind> earlier = EnumSet.noneOf(Kind.class);
    for (int c = 0; c < n; c++) {
      Field child = union.child(c);
      Set<Kind> out = written(child);
      plain[c] = out.stream().noneMatch(earlier::contains) && !looksTagged(child);
      earlier.addAll(out);
    }
    return plain;
  }

  /** The first child that accepts a JSON null, or -1. */
  public static int firstNullChild(Field union) {
    for (int c = 0; c < union.children().size(); c++) {
      if (acceptsNull(union.child(c))) {
        return c;
      }
    }
    return -1;
  }

  private static boolean looksTagged(Field f) {
    return f.type() instanceof ArrowType.Struct && f.children().size() == 2
        && f.child(0).name().equals("type_id") && f.child(1).name().equals("value")
        || f.type() instanceof ArrowType.Struct && f.children().size() == 2
        && f.child(1).name().equals("type_id") && f.child(0).name().equals("value");
  }
}
