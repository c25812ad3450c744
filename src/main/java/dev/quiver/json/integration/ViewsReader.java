package dev.quiver.json.integration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The "VIEWS" and "VARIADIC_DATA_BUFFERS" of binary/utf8 views: {"SIZE": n, "INLINED": v} for n <= 12 (v
 * hex for binaryview, a plain string for utf8view), else {"SIZE", "PREFIX_HEX", "BUFFER_INDEX", "OFFSET"};
 * the variadic buffers are hex strings.
 */
final class ViewsReader {
  private ViewsReader() {}

  /** One view: inline bytes (size <= 12), or prefix + buffer index + offset. */
  record View(int size, byte[] inline, byte[] prefix, int bufferIndex, int offset) {}

  static List<View> views(JsonParser p, boolean utf8) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("expected an array, found " + DataValues.describe(p.currentToken()));
    }
    List<View> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      try {
        out.add(view(p, t, utf8));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("entry " + out.size() + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static View view(JsonParser p, JsonToken t, boolean utf8) {
    if (t != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("expected a view object {\"SIZE\", ...}, found " + DataValues.describe(t));
    }
    long size = -1;
    byte[] inline = null;
    byte[] prefix = null;
    long bufferIndex = -1;
    long offset = -1;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      switch (key) {
        case "SIZE" -> size = int32(p, v, key);
        case "INLINED" -> inline = v == JsonToken.VALUE_NULL ? new byte[0]
            : utf8 ? DataValues.string(p, v).getBytes(StandardCharsets.UTF_8) : DataValues.hex(p, v);
        case "PREFIX_HEX" -> prefix = DataValues.hex(p, v);
        case "BUFFER_INDEX" -> bufferIndex = int32(p, v, key);
        case "OFFSET" -> offset = int32(p, v, key);
        default -> throw new IllegalArgumentException("unknown view key \"" + DataValues.clip(key) + "\"");
      }
    }
    if (size < 0) {
      throw new IllegalArgumentException("view without \"SIZE\"");
    }
    if (size <= 12) {
      if (inline == null) {
        throw new IllegalArgumentException("a view of " + size + " bytes needs \"INLINED\"");
      }
      if (inline.length != size) {
        throw new IllegalArgumentException("\"SIZE\" is " + size + " but \"INLINED\" has " + inline.length
            + " bytes");
      }
      return new View((int) size, inline, null, 0, 0);
    }
    if (prefix == null || bufferIndex < 0 || offset < 0) {
      throw new IllegalArgumentException("a view of " + size
          + " bytes needs \"PREFIX_HEX\", \"BUFFER_INDEX\" and \"OFFSET\"");
    }
    if (prefix.length != 4) {
      throw new IllegalArgumentException("\"PREFIX_HEX\" must be 4 bytes, found " + prefix.length);
    }
    return new View((int) size, null, prefix, (int) bufferIndex, (int) offset);
  }

  private static long int32(JsonParser p, JsonToken v, String key) {
    long x;
    try {
      x = DataValues.bigInteger(p, v).longValueExact();
    } catch (ArithmeticException e) {
      x = -1;
    }
    if (x < 0 || x > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("\"" + key + "\" must be an integer in [0, 2^31)");
    }
    return x;
  }

  static List<byte[]> buffers(JsonParser p) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("expected an array of hex strings, found "
          + DataValues.describe(p.currentToken()));
    }
    List<byte[]> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      out.add(t == JsonToken.VALUE_NULL ? new byte[0] : DataValues.hex(p, t));
    }
    return out;
  }
}
