package dev.quiver.json.value;

/** IEEE 754 binary16 ("half float") conversions, round-half-to-even. Internal to the json package. */
public final class Float16 {
  private Float16() {}

  /** The exact value of the half-precision bits as a float. */
  public static float toFloat(short bits) {
    int h = bits & 0xFFFF;
    boolean negative = (h & 0x8000) != 0;
    int exponent = (h >>> 10) & 0x1F;
    int mantissa = h & 0x3FF;
    float value;
    if (exponent == 0) {
      value = mantissa * 0x1p-24f;
    } else if (exponent == 31) {
      value = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    } else {
      value = (1024 + mantissa) * (float) Math.scalb(1.0, exponent - 25);
    }
    return negative ? -value : value;
  }

  /** The half-precision value nearest to {@code d} (ties to even), as bits. */
  public static short fromDouble(double d) {
    int sign = (Double.doubleToRawLongBits(d) < 0) ? 0x8000 : 0;
    if (Double.isNaN(d)) {
      return (short) (sign | 0x7E00);
    }
    double a = Math.abs(d);
    if (a < 0x1p-14) {
      long m = (long) Math.rint(a * 0x1p24); // exact scaling, then ties-to-even; 1024 = min normal
      return (short) (sign | m);
    }
    if (Double.isInfinite(a) || a >= 65520.0) {
      return (short) (sign | 0x7C00);
    }
    int e = Math.getExponent(a);
    long m = (long) Math.rint(Math.scalb(a, 10 - e));
    if (m == 2048) {
      m = 1024;
      e++;
    }
    if (e > 15) {
      return (short) (sign | 0x7C00);
    }
    return (short) (sign | ((e + 15) << 10) | (m - 1024));
  }
}
