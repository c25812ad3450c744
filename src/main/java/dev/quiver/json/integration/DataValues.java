package dev.quiver.json.integration;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.json.value.DecimalCodec;
import dev.quiver.json.value.Float16;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Decoders of one "DATA" entry of integration JSON into the bytes of a fixed-width value (or a var-width
 * value's bytes): 64-bit integers, timestamps and decimals as decimal strings (numbers accepted too),
 * smaller integers as numbers, floats as numbers (NaN/Infinity tokens or strings accepted), binary as hex,
 * intervals as objects. Each throws {@link IllegalArgumentException} with what was wrong.
 */
final class DataValues {
  private DataValues() {}

  /** Reads the value at the parser's current token and appends its bytes. */
  interface Decoder {
    void decode(JsonParser p, JsonToken t, BufferBuilder out);
  }

  private static final BigInteger TWO = BigInteger.valueOf(2);

  /** The decoder of a fixed-width or var-width type (not bool, which is bit-packed). */
  static Decoder of(ArrowType t) {
    if (t instanceof ArrowType.Int i) {
      return integer(i.bitWidth(), i.signed());
    } else if (t instanceof ArrowType.FloatingPoint f) {
      return floating(f.precision());
    } else if (t instanceof ArrowType.Decimal d) {
      int bytes = d.bitWidth() / 8;
      return (p, tok, out) -> DecimalCodec.write(fitting(bigInteger(p, tok), bytes * 8, true), bytes, out);
    } else if (t instanceof ArrowType.Date d) {
      return integer(d.unit() == ArrowType.DateUnit.DAY ? 32 : 64, true);
    } else if (t instanceof ArrowType.Time tt) {
      return integer(tt.bitWidth(), true);
    } else if (t instanceof ArrowType.Timestamp || t instanceof ArrowType.Duration) {
      return integer(64, true);
    } else if (t instanceof ArrowType.Interval iv) {
      return interval(iv.unit());
    } else if (t instanceof ArrowType.FixedSizeBinary f) {
      int w = f.byteWidth();
      return (p, tok, out) -> {
        byte[] bytes = hex(p, tok);
        if (bytes.length != w) {
          throw new IllegalArgumentException("expected " + w + " bytes (" + 2 * w + " hex digits), found "
              + bytes.length);
        }
        out.putBytes(bytes);
      };
    } else if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8) {
      return (p, tok, out) -> out.putBytes(string(p, tok).getBytes(StandardCharsets.UTF_8));
    } else if (t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary) {
      return (p, tok, out) -> out.putBytes(hex(p, tok));
    }
    throw new IllegalArgumentException("no DATA values for " + t);
  }

  static Decoder integer(int bits, boolean signed) {
    BigInteger min = signed ? TWO.pow(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max = (signed ? TWO.pow(bits - 1) : TWO.pow(bits)).subtract(BigInteger.ONE);
    return (p, tok, out) -> {
      long v;
      if (tok == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
        v = p.getIntValue();
        if (v < min.longValue() || (bits < 64 || signed) && v > max.longValue()) {
          throw new IllegalArgumentException(v + " is out of range [" + min + ", " + max + "]");
        }
      } else {
        BigInteger x = bigInteger(p, tok);
        if (x.compareTo(min) < 0 || x.compareTo(max) > 0) {
          throw new IllegalArgumentException(x + " is out of range [" + min + ", " + max + "]");
        }
        v = x.longValue();
      }
      switch (bits) {
        case 8 -> out.putByte((int) v);
        case 16 -> out.putShort((int) v);
        case 32 -> out.putInt((int) v);
        default -> out.putLong(v);
      }
    };
  }

  /** An integer from a JSON integer or a string holding one. */
  static BigInteger bigInteger(JsonParser p, JsonToken tok) {
    if (tok == JsonToken.VALUE_NUMBER_INT) {
      return p.getBigIntegerValue();
    }
    if (tok == JsonToken.VALUE_STRING) {
      String s = p.getString().trim();
      if (s.length() <= 100 && s.matches("[+-]?[0-9]+")) {
        return new BigInteger(s);
      }
      throw new IllegalArgumentException("expected an integer string, found \"" + clip(s) + "\"");
    }
    throw new IllegalArgumentException("expected an integer (number or string), found " + describe(tok));
  }

  private static BigInteger fitting(BigInteger x, int bits, boolean signed) {
    if (x.bitLength() >= bits) {
      throw new IllegalArgumentException(x + " does not fit " + bits + " bits");
    }
    return x;
  }

  private static Decoder floating(ArrowType.Precision precision) {
    return (p, tok, out) -> {
      String text;
      if (tok == JsonToken.VALUE_NUMBER_INT || tok == JsonToken.VALUE_NUMBER_FLOAT) {
        text = p.getText();
      } else if (tok == JsonToken.VALUE_STRING) {
        text = p.getString();
        if (!text.equals("NaN") && !text.equals("Infinity") && !text.equals("-Infinity")
            && !text.equals("+Infinity")) {
          throw new IllegalArgumentException("expected a number, found \"" + clip(text) + "\"");
        }
      } else {
        throw new IllegalArgumentException("expected a number, found " + describe(tok));
      }
      switch (precision) {
        case HALF -> out.putShort(Float16.fromDouble(Double.parseDouble(text)));
        case SINGLE -> out.putFloat(Float.parseFloat(text));
        default -> out.putDouble(Double.parseDouble(text));
      }
    };
  }

  private static Decoder interval(ArrowType.IntervalUnit unit) {
    if (unit == ArrowType.IntervalUnit.YEAR_MONTH) {
      return integer(32, true);
    }
    boolean dayTime = unit == ArrowType.IntervalUnit.DAY_TIME;
    String[] keys = dayTime
        ? new String[] {"days", "milliseconds"} : new String[] {"months", "days", "nanoseconds"};
    Decoder int32 = integer(32, true);
    Decoder int64 = integer(64, true);
    return (p, tok, out) -> {
      if (tok != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("expected an object {" + String.join(", ", keys) + "}, found "
            + describe(tok));
      }
      BufferBuilder[] parts = new BufferBuilder[keys.length];
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        int k = java.util.Arrays.asList(keys).indexOf(key);
        if (k < 0 || parts[k] != null) {
          throw new IllegalArgumentException("unexpected key \"" + clip(key) + "\" in an interval object {"
              + String.join(", ", keys) + "}");
        }
        parts[k] = new BufferBuilder(8);
        (k == 2 ? int64 : int32).decode(p, p.nextToken(), parts[k]);
      }
      for (int k = 0; k < keys.length; k++) {
        if (parts[k] == null) {
          throw new IllegalArgumentException("interval object without \"" + keys[k] + "\"");
        }
        byte[] bytes = new byte[parts[k].size()];
        parts[k].toByteBuffer().get(bytes);
        out.putBytes(bytes);
      }
    };
  }

  static String string(JsonParser p, JsonToken tok) {
    if (tok != JsonToken.VALUE_STRING) {
      throw new IllegalArgumentException("expected a string, found " + describe(tok));
    }
    return p.getString();
  }

  static byte[] hex(JsonParser p, JsonToken tok) {
    String s = string(p, tok);
    try {
      if (s.length() % 2 != 0) {
        throw new IllegalArgumentException("odd length");
      }
      return HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected a hex string, found \"" + clip(s) + "\"");
    }
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    return switch (t) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
