package dev.quiver.json.value;

import dev.quiver.columnar.BufferBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/** Decimals as little-endian two's complement integers of 4, 8, 16 or 32 bytes (unscaled values). */
public final class DecimalCodec {
  private static final int MAX_TEXT = 400;

  private DecimalCodec() {}

  /** The decimal in slot {@code index} of a values buffer, with exactly {@code scale} fraction digits. */
  public static BigDecimal read(ByteBuffer values, int index, int byteWidth, int scale) {
    byte[] bigEndian = new byte[byteWidth];
    int base = index * byteWidth;
    for (int i = 0; i < byteWidth; i++) {
      bigEndian[byteWidth - 1 - i] = values.get(base + i);
    }
    return new BigDecimal(new BigInteger(bigEndian), scale);
  }

  /** Parses decimal text exactly; a value that needs rounding or exceeds the precision is rejected. */
  public static BigInteger unscaled(String text, int precision, int scale) {
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("decimal text longer than " + MAX_TEXT + " characters");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a decimal number: \"" + text + "\"");
    }
    if (value.signum() == 0) {
      return BigInteger.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > scale) {
      throw new IllegalArgumentException(
          text + " has more than " + scale + " fraction digits (would need rounding)");
    }
    long integerDigits = (long) stripped.precision() - stripped.scale();
    if (integerDigits > precision - scale) {
      throw new IllegalArgumentException(
          text + " does not fit decimal precision " + precision + " with scale " + scale);
    }
    return stripped.setScale(scale).unscaledValue();
  }

  /** Appends {@code unscaled} as a little-endian two's complement integer of {@code byteWidth} bytes. */
  public static void write(BigInteger unscaled, int byteWidth, BufferBuilder out) {
    byte[] bigEndian = unscaled.toByteArray();
    byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0);
    for (int i = 0; i < byteWidth; i++) {
      int from = bigEndian.length - 1 - i;
      out.putByte(from >= 0 ? bigEndian[from] : fill);
    }
  }
}
