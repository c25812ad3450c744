package dev.quiver.json.read;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A parsed JSON value of one row. Numbers keep their exact text (so decimals, float32 and -0.0 stay exact);
 * objects keep key order. Rows are parsed one at a time into these and then appended to column builders.
 */
public sealed interface JsonValue {
  JsonValue NULL = new Null();

  /** A short description for error messages: the kind and (truncated) text. */
  String describe();

  /** JSON null. */
  record Null() implements JsonValue {
    @Override
    public String describe() {
      return "null";
    }
  }

  /** true or false. */
  record Bool(boolean value) implements JsonValue {
    @Override
    public String describe() {
      return "boolean " + value;
    }
  }

  /** A number with its text as written; integral when it has no fraction or exponent. */
  record Num(String text, boolean integral) implements JsonValue {
    @Override
    public String describe() {
      return "number " + clip(text);
    }
  }

  /** A string. */
  record Str(String value) implements JsonValue {
    @Override
    public String describe() {
      return "string \"" + clip(value) + "\"";
    }
  }

  /** An array. */
  record Arr(List<JsonValue> items) implements JsonValue {
    @Override
    public String describe() {
      return "array of " + items.size();
    }
  }

  /** An object, keys in input order (duplicates are rejected when parsing). */
  record Obj(LinkedHashMap<String, JsonValue> members) implements JsonValue {
    @Override
    public String describe() {
      return "object";
    }
  }

  static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
