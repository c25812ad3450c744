package dev.quiver.jsinterop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Parsing and comparing canonical JSON (see {@link JsCanonical}). Numbers compare by value (JS prints
 * {@code 5} where Java has {@code 5.0}; every float number is the shortest text of its double, which parses
 * back to the same double), objects by key set, arrays in order. A difference fails with its JSON path,
 * e.g. {@code /batches/2/rows/7/1/scores/0}.
 */
final class CanonicalJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private CanonicalJson() {}

  static JsonNode parse(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError(what + " is not JSON: " + e.getOriginalMessage() + "\n" + head(text), e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  /** Fails with the first difference (path, expected, actual) unless both are the same canonical JSON. */
  static void assertSame(JsonNode expected, JsonNode actual, String what) {
    String difference = firstDifference(expected, actual, "");
    if (difference != null) {
      throw new AssertionError(what + ": " + difference);
    }
  }

  /** The first difference as "at PATH: expected E, got A", or null when there is none. */
  static String firstDifference(JsonNode expected, JsonNode actual, String path) {
    if (expected.isNumber() && actual.isNumber()) {
      boolean same = expected.isIntegralNumber() && actual.isIntegralNumber()
          ? expected.bigIntegerValue().equals(actual.bigIntegerValue())
          : Double.compare(expected.doubleValue(), actual.doubleValue()) == 0;
      return same ? null : mismatch(path, expected, actual);
    }
    if (expected.getNodeType() != actual.getNodeType()) {
      return mismatch(path, expected, actual);
    }
    if (expected.isArray()) {
      for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
        String d = firstDifference(expected.get(i), actual.get(i), path + "/" + i);
        if (d != null) {
          return d;
        }
      }
      return expected.size() == actual.size() ? null
          : "at " + path + ": expected " + expected.size() + " elements, got " + actual.size()
              + "\n  expected: " + head(expected.toString()) + "\n  actual:   " + head(actual.toString());
    }
    if (expected.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
      for (String key : keys) {
        if (!expected.has(key) || !actual.has(key)) {
          return "at " + path + ": key \"" + key + "\" " + (expected.has(key) ? "missing" : "unexpected")
              + "\n  expected: " + head(expected.toString()) + "\n  actual:   " + head(actual.toString());
        }
        String d = firstDifference(expected.get(key), actual.get(key), path + "/" + key);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return expected.equals(actual) ? null : mismatch(path, expected, actual);
  }

  private static String mismatch(String path, JsonNode expected, JsonNode actual) {
    return "at " + path + ": expected " + head(expected.toString()) + ", got " + head(actual.toString());
  }

  private static String head(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + "...";
  }
}
