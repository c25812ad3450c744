package dev.quiver.interop;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The deterministic values of {@link ArrowJavaSamples}: the {@code i}-th non-null value of a vector is an edge
 * case while {@code i} indexes the type's edge list, then a value derived from {@code i} and the batch seed.
 */
final class SampleValues {
  private SampleValues() {}

  static final List<String> STRINGS = List.of(
      "", "a", "héllo wörld", "日本語テキスト", "emoji 😀🎉", "tab\tnewline\nquote\"backslash\\", "nul\u0000end",
      "Ünïcödé ✓");

  static final List<byte[]> BINARIES = List.of(
      new byte[0], new byte[] {0}, new byte[] {(byte) 0xFF, 0x00, 0x7F, (byte) 0x80},
      "arrow".getBytes(StandardCharsets.UTF_8));

  static final List<byte[]> FIXED_4 = List.of(
      new byte[] {0, 0, 0, 0}, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
      new byte[] {1, 2, 3, 4}, "abcd".getBytes(StandardCharsets.UTF_8));

  /** Days since 1970-01-01: epoch, the day before, 2024-01-31, 1900-01-01, 0001-01-01, 9999-12-31. */
  static final long[] DAYS = {0, -1, 19753, -25567, -719162, 2932896};

  static final int[] FLOAT32_BITS = {
    0x7FC00000, 0x7F800000, 0xFF800000, 0x80000000, 0x00000000, 0x00000001, 0x7F7FFFFF, 0x3FC00000};

  static final long[] FLOAT64_BITS = {
    0x7FF8000000000000L, 0x7FF0000000000000L, 0xFFF0000000000000L, 0x8000000000000000L, 0L, 1L,
    0x7FEFFFFFFFFFFFFFL, 0x3FF8000000000000L};

  /** NaN, +Inf, -Inf, -0.0, 0.0, smallest subnormal, 65504 (max), 1.5. */
  static final short[] FLOAT16_BITS = {
    0x7E00, 0x7C00, (short) 0xFC00, (short) 0x8000, 0x0000, 0x0001, 0x7BFF, 0x3E00};

  static long signedInt(int bitWidth, int i, int seed) {
    long min = bitWidth == 64 ? Long.MIN_VALUE : -(1L << (bitWidth - 1));
    long max = bitWidth == 64 ? Long.MAX_VALUE : (1L << (bitWidth - 1)) - 1;
    long[] edges = {min, max, 0, -1, 1};
    return i < edges.length ? edges[i] : i * 2654435761L + seed * 31L;
  }

  /** Two's complement bits; the writer truncates to the width (so -1 is the type's maximum). */
  static long unsignedInt(int bitWidth, int i, int seed) {
    long high = 1L << (bitWidth - 1);
    long[] edges = {0, -1, 1, high, high - 1};
    return i < edges.length ? edges[i] : i * 2654435761L + seed * 31L;
  }

  static String string(int i, int seed) {
    return i < STRINGS.size() ? STRINGS.get(i) : "value " + i + " / " + seed;
  }

  static byte[] binary(int i, int seed) {
    if (i < BINARIES.size()) {
      return BINARIES.get(i);
    }
    byte[] b = new byte[i % 6];
    for (int j = 0; j < b.length; j++) {
      b[j] = (byte) (i * 31 + j * 7 + seed);
    }
    return b;
  }

  static byte[] fixedBinary(int width, int i, int seed) {
    byte[] b = new byte[width];
    if (i < FIXED_4.size() && width == 4) {
      return FIXED_4.get(i);
    }
    for (int j = 0; j < width; j++) {
      b[j] = (byte) (i * 13 + j + seed);
    }
    return b;
  }

  static long days(int i, int seed) {
    return i < DAYS.length ? DAYS[i] : i * 97L - 3000 + seed;
  }

  /** Time of day in units of {@code perSecond}: midnight, the last unit of the day, 12:34:56.789012345. */
  static long timeOfDay(long perSecond, int i, int seed) {
    long perDay = 86_400 * perSecond;
    long[] edges = {0, perDay - 1, 45_296 * perSecond + fraction(perSecond)};
    return i < edges.length ? edges[i] : Math.floorMod(i * 7919L * perSecond + seed + i, perDay);
  }

  /** 0.789012345 s in units of {@code perSecond}. */
  private static long fraction(long perSecond) {
    return 789_012_345L / (1_000_000_000L / perSecond);
  }

  /** Epoch, one unit before it, 2024-01-31T12:34:56.789012345, 1900-01-01, 2100-01-01. */
  static long timestamp(long perSecond, int i, int seed) {
    long[] edges = {0, -1, 1_706_704_496L * perSecond + fraction(perSecond), -2_208_988_800L * perSecond,
      4_102_444_800L * perSecond};
    return i < edges.length ? edges[i] : (1_706_704_496L + i * 3_600L) * perSecond + seed;
  }

  static long duration(long perSecond, int i, int seed) {
    long[] edges = {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, 86_400 * perSecond};
    return i < edges.length ? edges[i] : i * 1000L - 7 + seed;
  }

  static BigDecimal decimal(int precision, int scale, int i, int seed) {
    BigDecimal max = new BigDecimal("9".repeat(precision)).movePointLeft(scale);
    BigDecimal[] edges = {
      BigDecimal.ZERO.setScale(scale), new BigDecimal("-0.5").setScale(scale),
      new BigDecimal("1234567890.12").setScale(scale), max, max.negate(), BigDecimal.ONE.movePointLeft(scale)};
    return i < edges.length ? edges[i] : BigDecimal.valueOf(i * 12_345L - 500_000 + seed, scale);
  }

  static byte[] littleEndian(long v, int width) {
    byte[] b = new byte[width];
    for (int j = 0; j < width; j++) {
      b[j] = (byte) (v >>> (8 * j));
    }
    return b;
  }
}
