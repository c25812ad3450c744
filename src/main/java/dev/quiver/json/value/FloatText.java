package dev.quiver.json.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal text that reads back as the same float16/float32/float64 value, e.g. 0.1f prints
 * "0.1" (not "0.10000000149011612"). Integral values keep a ".0" so they read back as floats; the exponent
 * form ("1.0E-7", "1.5E300") is used outside 1e-6 &lt;= |v| &lt; 1e16. Non-finite values are not numbers in
 * JSON; callers print them as the strings "NaN", "Infinity", "-Infinity".
 */
public final class FloatText {
  /** Which binary format the value must round-trip through. */
  public enum Kind { HALF, SINGLE, DOUBLE }

  private FloatText() {}

  public static String nonFinite(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return v > 0 ? "Infinity" : "-Infinity";
  }

  /** Shortest round-tripping text of a finite value that is exactly representable in {@code kind}. */
  public static String format(double v, Kind kind) {
    if (v != 0 && kind != Kind.HALF) {
      // Java's plain form (1e-3 <= |v| < 1e7, no exponent) with few digits is what the search gives
      String javaText = kind == Kind.SINGLE ? Float.toString((float) v) : Double.toString(v);
      if (javaText.indexOf('E') < 0 && digitCount(javaText) <= (kind == Kind.SINGLE ? 6 : 15)) {
        return javaText;
      }
    }
    return search(v, kind);
  }

  /** The digits of a plain decimal text, leading zeros excluded (trailing ones counted). */
  private static int digitCount(String text) {
    int count = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '1' && c <= '9' || c == '0' && !leading) {
        count++;
        leading = false;
      }
    }
    return count;
  }

  /** {@link #format} without the shortcut (package-private for tests). */
  static String search(double v, Kind kind) {
    if (v == 0) {
      return (Double.doubleToRawLongBits(v) < 0) ? "-0.0" : "0.0";
    }
    if (kind == Kind.HALF) {
      BigDecimal exact = new BigDecimal(v);
      int digits = 1;
      while (digits < 5 && !roundTrips(round(exact, digits), v, kind)) {
        digits++;
      }
      return render(round(exact, digits).stripTrailingZeros());
    }
    String javaText = kind == Kind.SINGLE ? Float.toString((float) v) : Double.toString(v);
    BigDecimal java = new BigDecimal(javaText).stripTrailingZeros();
    int digits = java.precision();
    // Java 17's toString always round-trips but may print more digits than needed; try shorter ones.
    boolean normal = Math.abs(v) >= (kind == Kind.SINGLE ? Float.MIN_NORMAL : Double.MIN_NORMAL);
    if (normal && digits <= (kind == Kind.SINGLE ? 6 : 15)) {
      return render(java); // Java's surplus digits show up in long outputs and subnormals; skip the search
    }
    BigDecimal exact = new BigDecimal(v);
    BigDecimal best = java;
    while (digits > 1) {
      BigDecimal shorter = round(exact, digits - 1);
      if (!roundTrips(shorter, v, kind)) {
        break;
      }
      best = shorter;
      digits--;
    }
    return render(best.stripTrailingZeros());
  }

  private static BigDecimal round(BigDecimal exact, int digits) {
    return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
  }

  private static boolean roundTrips(BigDecimal candidate, double v, Kind kind) {
    switch (kind) {
      case HALF:
        return Float16.fromDouble(candidate.doubleValue()) == Float16.fromDouble(v);
      case SINGLE:
        return candidate.floatValue() == (float) v;
      default:
        return candidate.doubleValue() == v;
    }
  }

  private static String render(BigDecimal d) {
    String unscaled = d.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - d.scale();
    String sign = d.signum() < 0 ? "-" : "";
    if (exponent >= -6 && exponent < 16) {
      String plain = d.abs().toPlainString();
      return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }
    String fraction = unscaled.length() > 1 ? unscaled.substring(1) : "0";
    return sign + unscaled.charAt(0) + "." + fraction + "E" + exponent;
  }
}
