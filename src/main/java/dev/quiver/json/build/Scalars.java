package dev.quiver.json.build;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.value.DecimalCodec;
import dev.quiver.json.value.Float16;
import dev.quiver.json.value.Temporal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.Base64;
import java.util.regex.Pattern;

/** Converters from a JSON value to the bytes of one fixed-width Arrow value. */
final class Scalars {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,80}");
  private static final BigInteger TWO = BigInteger.valueOf(2);

  private Scalars() {}

  /** Appends exactly one value's bytes, or throws without appending. */
  interface Scalar {
    void put(JsonValue v, BufferBuilder out);
  }

  /** The JSON value has the wrong kind; the message says what was expected. */
  static final class Mismatch extends RuntimeException {
    Mismatch(String expected) {
      super(expected, null, false, false);
    }
  }

  static Scalar integer(ArrowType.Int t) {
    BigInteger min = t.signed() ? TWO.pow(t.bitWidth() - 1).negate() : BigInteger.ZERO;
    BigInteger max = t.signed() ? TWO.pow(t.bitWidth() - 1).subtract(BigInteger.ONE)
        : TWO.pow(t.bitWidth()).subtract(BigInteger.ONE);
    int bytes = t.bitWidth() / 8;
    long fastMin = min.longValue();
    long fastMax = t.signed() || t.bitWidth() < 64 ? max.longValue() : Long.MAX_VALUE;
    return (v, out) -> {
      if (v instanceof JsonValue.Num && ((JsonValue.Num) v).integral() && ((JsonValue.Num) v).text().length() < 19) {
        long x = Long.parseLong(((JsonValue.Num) v).text());
        if (x >= fastMin && x <= fastMax) {
          putLong(out, x, bytes);
          return;
        }
      }
      putLong(out, toLong(integerValue(v), min, max), bytes);
    };
  }

  static Scalar duration() {
    return (v, out) -> out.putLong(toLong(integerValue(v), MIN_LONG, MAX_LONG));
  }

  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  /** An exact integer from a number or a string holding one; null when v is neither. */
  private static BigInteger integerValue(JsonValue v) {
    if (v instanceof JsonValue.Num) {
      JsonValue.Num n = (JsonValue.Num) v;
      if (n.integral()) {
        return new BigInteger(n.text());
      }
      java.math.BigDecimal d = new java.math.BigDecimal(n.text());
      if (d.signum() == 0) {
        return BigInteger.ZERO;
      }
      d = d.stripTrailingZeros();
      if (d.scale() > 0) {
        throw new IllegalArgumentException(n.text() + " is not an integer");
      }
      if (d.precision() - d.scale() > 80) {
        throw new IllegalArgumentException(n.text() + " is out of range");
      }
      return d.toBigIntegerExact();
    }
    if (v instanceof JsonValue.Str) {
      String s = ((JsonValue.Str) v).value().trim();
      if (INTEGER.matcher(s).matches()) {
        return new BigInteger(s);
      }
    }
    throw new Mismatch("an integer");
  }

  private static long toLong(BigInteger x, BigInteger min, BigInteger max) {
    if (x.compareTo(min) < 0 || x.compareTo(max) > 0) {
      throw new IllegalArgumentException(x + " is out of range [" + min + ", " + max + "]");
    }
    return x.longValue();
  }

  private static void putLong(BufferBuilder out, long x, int bytes) {
    switch (bytes) {
      case 1:
        out.putByte((int) x);
        break;
      case 2:
        out.putShort((int) x);
        break;
      case 4:
        out.putInt((int) x);
        break;
      default:
        out.putLong(x);
    }
  }

  static Scalar floating(ArrowType.Precision precision) {
    return (v, out) -> {
      String text;
      if (v instanceof JsonValue.Num) {
        text = ((JsonValue.Num) v).text();
      } else if (v instanceof JsonValue.Str) {
        text = nonFinite(((JsonValue.Str) v).value());
      } else {
        throw new Mismatch("a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
      }
      switch (precision) {
        case HALF:
          out.putShort(Float16.fromDouble(Double.parseDouble(text)));
          break;
        case SINGLE:
          out.putFloat(Float.parseFloat(text));
          break;
        default:
          out.putDouble(Double.parseDouble(text));
      }
    };
  }

  private static String nonFinite(String s) {
    switch (s) {
      case "NaN":
        return "NaN";
      case "Infinity":
      case "+Infinity":
        return "Infinity";
      case "-Infinity":
        return "-Infinity";
      default:
        throw new Mismatch("a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    }
  }

  static Scalar decimal(ArrowType.Decimal t) {
    int bytes = t.bitWidth() / 8;
    return (v, out) -> {
      String text;
      if (v instanceof JsonValue.Num) {
        text = ((JsonValue.Num) v).text();
      } else if (v instanceof JsonValue.Str) {
        text = ((JsonValue.Str) v).value();
      } else {
        throw new Mismatch("a decimal number or string");
      }
      DecimalCodec.write(DecimalCodec.unscaled(text, t.precision(), t.scale()), bytes, out);
    };
  }

  static Scalar date(ArrowType.Date t) {
    boolean days = t.unit() == ArrowType.DateUnit.DAY;
    return (v, out) -> {
      if (v instanceof JsonValue.Str) {
        String s = ((JsonValue.Str) v).value();
        if (days) {
          out.putInt(Temporal.parseDate32(s));
        } else {
          out.putLong(Temporal.parseDate64(s));
        }
      } else if (v instanceof JsonValue.Num) {
        BigInteger x = integerValue(v);
        if (days) {
          out.putInt((int) toLong(x, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)));
        } else {
          out.putLong(toLong(x, MIN_LONG, MAX_LONG));
        }
      } else {
        throw new Mismatch("an ISO date string (YYYY-MM-DD)");
      }
    };
  }

  static Scalar time(ArrowType.Time t) {
    long unitsPerDay = 86_400L * Temporal.unitsPerSecond(t.unit());
    return (v, out) -> {
      long x;
      if (v instanceof JsonValue.Str) {
        x = Temporal.parseTime(((JsonValue.Str) v).value(), t.unit());
      } else if (v instanceof JsonValue.Num) {
        x = toLong(integerValue(v), BigInteger.ZERO, BigInteger.valueOf(unitsPerDay - 1));
      } else {
        throw new Mismatch("a time of day string (HH:MM:SS[.fraction])");
      }
      putLong(out, x, t.bitWidth() / 8);
    };
  }

  static Scalar timestamp(ArrowType.Timestamp t) {
    ZoneId zone = Temporal.zone(t.timezone());
    return (v, out) -> {
      if (v instanceof JsonValue.Str) {
        out.putLong(Temporal.parseTimestamp(((JsonValue.Str) v).value(), t.unit(), zone));
      } else if (v instanceof JsonValue.Num) {
        out.putLong(toLong(integerValue(v), MIN_LONG, MAX_LONG));
      } else {
        throw new Mismatch("an ISO-8601 date-time string or an epoch count");
      }
    };
  }

  /**
   * month_interval {"months": m}, day_time_interval {"days": d, "milliseconds": ms},
   * month_day_nano_interval {"months": m, "days": d, "nanoseconds": ns}: exactly these keys, integers.
   */
  static Scalar interval(ArrowType.IntervalUnit unit) {
    String[] keys = switch (unit) {
      case YEAR_MONTH -> new String[] {"months"};
      case DAY_TIME -> new String[] {"days", "milliseconds"};
      case MONTH_DAY_NANO -> new String[] {"months", "days", "nanoseconds"};
    };
    BigInteger int32Min = BigInteger.valueOf(Integer.MIN_VALUE);
    BigInteger int32Max = BigInteger.valueOf(Integer.MAX_VALUE);
    String expected = "an object {" + String.join(", ", keys) + "}";
    return (v, out) -> {
      if (!(v instanceof JsonValue.Obj)) {
        throw new Mismatch(expected);
      }
      java.util.Map<String, JsonValue> m = ((JsonValue.Obj) v).members();
      if (m.size() != keys.length || !m.keySet().containsAll(java.util.List.of(keys))) {
        throw new IllegalArgumentException("expected exactly the keys " + String.join(", ", keys)
            + ", found " + m.keySet());
      }
      long[] parts = new long[keys.length];
      for (int k = 0; k < keys.length; k++) {
        boolean wide = keys[k].equals("nanoseconds");
        parts[k] = toLong(integerValue(m.get(keys[k])), wide ? MIN_LONG : int32Min, wide ? MAX_LONG : int32Max);
      }
      for (int k = 0; k < keys.length; k++) {
        if (keys[k].equals("nanoseconds")) {
          out.putLong(parts[k]);
        } else {
          out.putInt((int) parts[k]);
        }
      }
    };
  }

  static Scalar fixedSizeBinary(int byteWidth) {
    return (v, out) -> {
      if (!(v instanceof JsonValue.Str)) {
        throw new Mismatch("a base64 string");
      }
      byte[] bytes = base64(((JsonValue.Str) v).value());
      if (bytes.length != byteWidth) {
        throw new IllegalArgumentException("base64 value has " + bytes.length + " bytes, expected " + byteWidth);
      }
      out.putBytes(bytes);
    };
  }

  static byte[] base64(String s) {
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid base64 (RFC 4648): " + e.getMessage());
    }
  }
}
