package dev.quiver.json;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.ArrowType.TimeUnit;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser of pyarrow type strings (see {@link TypeStrings}). */
public final class TypeStringParser {
  /** A parsed type; {@code bare} when a nested type was given without its children ("list", "struct"). */
  public record Parsed(Field field, boolean bare) {}

  private static final Map<String, ArrowType> SIMPLE = Map.ofEntries(
      Map.entry("null", ArrowType.NULL), Map.entry("na", ArrowType.NULL),
      Map.entry("bool", ArrowType.BOOL), Map.entry("boolean", ArrowType.BOOL),
      Map.entry("int8", ArrowType.INT8), Map.entry("int16", ArrowType.INT16),
      Map.entry("int32", ArrowType.INT32), Map.entry("int64", ArrowType.INT64),
      Map.entry("uint8", ArrowType.UINT8), Map.entry("uint16", ArrowType.UINT16),
      Map.entry("uint32", ArrowType.UINT32), Map.entry("uint64", ArrowType.UINT64),
      Map.entry("halffloat", ArrowType.FLOAT16), Map.entry("float16", ArrowType.FLOAT16),
      Map.entry("float", ArrowType.FLOAT32), Map.entry("float32", ArrowType.FLOAT32),
      Map.entry("double", ArrowType.FLOAT64), Map.entry("float64", ArrowType.FLOAT64),
      Map.entry("string", ArrowType.UTF8), Map.entry("utf8", ArrowType.UTF8),
      Map.entry("large_string", ArrowType.LARGE_UTF8), Map.entry("large_utf8", ArrowType.LARGE_UTF8),
      Map.entry("string_view", ArrowType.UTF8_VIEW), Map.entry("utf8_view", ArrowType.UTF8_VIEW),
      Map.entry("binary", ArrowType.BINARY), Map.entry("large_binary", ArrowType.LARGE_BINARY),
      Map.entry("binary_view", ArrowType.BINARY_VIEW),
      Map.entry("month_interval", new ArrowType.Interval(ArrowType.IntervalUnit.YEAR_MONTH)),
      Map.entry("day_time_interval", new ArrowType.Interval(ArrowType.IntervalUnit.DAY_TIME)),
      Map.entry("month_day_nano_interval", new ArrowType.Interval(ArrowType.IntervalUnit.MONTH_DAY_NANO)));

  private static final int MAX_DEPTH = 64;

  private final String s;
  private final boolean allowBare;
  private int pos;
  private int depth;
  private boolean bare;

  private TypeStringParser(String s, boolean allowBare) {
    this.s = s;
    this.allowBare = allowBare;
  }

  static Parsed parse(String typeString, boolean allowBare) {
    if (typeString == null) {
      throw new JsonInputException("type string is missing");
    }
    TypeStringParser p = new TypeStringParser(typeString, allowBare);
    Field f = p.type();
    p.skipSpaces();
    if (p.pos != typeString.length()) {
      throw p.error("unexpected '" + typeString.charAt(p.pos) + "' after the type");
    }
    return new Parsed(f, p.bare);
  }

  private Field type() {
    skipSpaces();
    int start = pos;
    String word = word();
    if (word.isEmpty()) {
      throw error(pos < s.length() ? "expected a type name, found '" + s.charAt(pos) + "'" : "expected a type name");
    }
    ArrowType simple = SIMPLE.get(word);
    if (simple != null) {
      return leaf(simple);
    }
    switch (word) {
      case "fixed_size_binary":
        return leaf(new ArrowType.FixedSizeBinary(bracketInt(1)));
      case "date32":
        optionalUnit("day");
        return leaf(ArrowType.DATE32);
      case "date64":
        optionalUnit("ms");
        return leaf(ArrowType.DATE64);
      case "time32":
      case "time64":
        return leaf(time(word, start));
      case "timestamp":
        return leaf(timestamp());
      case "duration":
        expect('[');
        TimeUnit du = unit();
        expect(']');
        return leaf(new ArrowType.Duration(du));
      case "decimal":
      case "decimal32":
      case "decimal64":
      case "decimal128":
      case "decimal256":
        return leaf(decimal(word));
      default:
        return nested(word, start);
    }
  }

  private Field nested(String word, int start) {
    if (++depth > MAX_DEPTH) {
      throw error("nested more than " + MAX_DEPTH + " levels");
    }
    try {
      return NestedTypes.parse(this, word, start);
    } finally {
      depth--;
    }
  }

  // ---- used by NestedTypes

  boolean bareAllowed() {
    return allowBare;
  }

  void markBare() {
    bare = true;
  }

  int position() {
    skipSpaces();
    return pos;
  }

  Field typeField() {
    return type();
  }

  /** [name ':'] type [not null] */
  Field child(String defaultName) {
    skipSpaces();
    String name = defaultName;
    if (peek() == '"') {
      name = quoted();
      expect(':');
    } else {
      for (int i = pos; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == ':') {
          name = s.substring(pos, i).strip();
          pos = i + 1;
          break;
        }
        if ("<>,[]()=".indexOf(c) >= 0) {
          break;
        }
      }
    }
    Field f = type();
    boolean nullable = !notNull();
    return new Field(name, nullable, f.type(), f.dictionary(), f.children(), null);
  }

  private boolean notNull() {
    int save = pos;
    skipSpaces();
    if (s.startsWith("not null", pos)) {
      pos += "not null".length();
      return true;
    }
    pos = save;
    return false;
  }

  private String quoted() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < s.length() && s.charAt(pos) != '"') {
      char c = s.charAt(pos++);
      if (c == '\\' && pos < s.length()) {
        c = s.charAt(pos++);
      }
      sb.append(c);
    }
    expect('"');
    return sb.toString();
  }

  // ---- leaves

  private static Field leaf(ArrowType t) {
    return new Field("", true, t, null, List.of(), null);
  }

  private ArrowType time(String word, int start) {
    expect('[');
    int unitPos = pos;
    TimeUnit u = unit();
    expect(']');
    boolean is32 = word.equals("time32");
    if (is32 != (u == TimeUnit.SECOND || u == TimeUnit.MILLISECOND)) {
      pos = unitPos;
      throw error(word + " takes " + (is32 ? "s or ms" : "us or ns"));
    }
    return new ArrowType.Time(u, is32 ? 32 : 64);
  }

  private ArrowType timestamp() {
    expect('[');
    TimeUnit u = unit();
    String tz = null;
    skipSpaces();
    if (peek() == ',') {
      pos++;
      skipSpaces();
      if (!s.startsWith("tz=", pos)) {
        throw error("expected tz=ZONE");
      }
      pos += 3;
      int end = s.indexOf(']', pos);
      if (end < 0) {
        throw error("expected ']' after the time zone");
      }
      tz = s.substring(pos, end).strip();
      if (tz.isEmpty()) {
        throw error("empty time zone");
      }
      pos = end;
    }
    expect(']');
    return new ArrowType.Timestamp(u, tz);
  }

  private ArrowType decimal(String word) {
    expect('(');
    skipSpaces();
    int precisionAt = pos;
    int p = integer();
    expect(',');
    skipSpaces();
    int sign = 1;
    if (peek() == '-') {
      pos++;
      sign = -1;
    }
    int scale = sign * integer();
    expect(')');
    int bits = word.equals("decimal") ? 128 : Integer.parseInt(word.substring("decimal".length()));
    int maxPrecision = bits == 32 ? 9 : bits == 64 ? 18 : bits == 128 ? 38 : 76;
    if (p < 1 || p > maxPrecision) {
      throw errorAt(precisionAt, "decimal" + bits + " precision must be in [1, " + maxPrecision + "], got " + p);
    }
    if (scale > p) {
      throw errorAt(precisionAt, "decimal scale " + scale + " is larger than the precision " + p);
    }
    return new ArrowType.Decimal(p, scale, bits);
  }

  private void optionalUnit(String unit) {
    skipSpaces();
    if (peek() == '[') {
      pos++;
      skipSpaces();
      int at = pos;
      String w = word();
      if (!w.equals(unit)) {
        pos = at;
        throw error("expected unit " + unit);
      }
      expect(']');
    }
  }

  TimeUnit unit() {
    skipSpaces();
    int at = pos;
    switch (word()) {
      case "s":
        return TimeUnit.SECOND;
      case "ms":
        return TimeUnit.MILLISECOND;
      case "us":
        return TimeUnit.MICROSECOND;
      case "ns":
        return TimeUnit.NANOSECOND;
      default:
        pos = at;
        throw error("expected a time unit s, ms, us or ns");
    }
  }

  int bracketInt(int min) {
    expect('[');
    int n = integer();
    if (n < min) {
      throw error("expected a number >= " + min + ", got " + n);
    }
    expect(']');
    return n;
  }

  int integer() {
    skipSpaces();
    int start = pos;
    while (pos < s.length() && Character.isDigit(s.charAt(pos)) && pos - start < 10) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a number");
    }
    long v = Long.parseLong(s.substring(start, pos));
    if (v > Integer.MAX_VALUE) {
      pos = start;
      throw error("number too large");
    }
    return (int) v;
  }

  // ---- tokens

  String word() {
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
      pos++;
    }
    return s.substring(start, pos);
  }

  void skipSpaces() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }

  char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  boolean tryConsume(char c) {
    skipSpaces();
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  boolean tryConsume(String word) {
    skipSpaces();
    if (s.startsWith(word, pos)) {
      pos += word.length();
      return true;
    }
    return false;
  }

  void expect(char c) {
    skipSpaces();
    if (peek() != c) {
      throw error("expected '" + c + "'" + (pos < s.length() ? ", found '" + s.charAt(pos) + "'" : ", found the end"));
    }
    pos++;
  }

  void expectWord(String w) {
    if (!tryConsume(w)) {
      throw error("expected '" + w + "'");
    }
  }

  JsonInputException errorAt(int at, String message) {
    pos = at;
    return error(message);
  }

  JsonInputException error(String message) {
    return new JsonInputException("type string \"" + s + "\" at position " + pos + ": " + message);
  }

  static Field withDictionary(Field values, ArrowType.Int indexType, boolean ordered) {
    return new Field(values.name(), values.nullable(), values.type(),
        new DictionaryEncoding(0, indexType, ordered), values.children(), values.metadata());
  }

  static List<Field> list(Field... fields) {
    return new ArrayList<>(List.of(fields));
  }
}
