package dev.quiver.columnar;

import java.nio.ByteBuffer;

/** Arrow bitmaps: least-significant bit first, bit j of the bitmap is bit (j & 7) of byte (j >> 3). */
public final class Bits {
  private Bits() {}

  public static boolean get(ByteBuffer bitmap, int index) {
    return (bitmap.get(index >>> 3) & (1 << (index & 7))) != 0;
  }

  /** Bytes needed for a bitmap of {@code bitCount} bits. */
  public static int bytesFor(long bitCount) {
    return (int) ((bitCount + 7) >>> 3);
  }

  /** Number of zero bits in the first {@code length} bits of the bitmap. */
  public static int countZeros(ByteBuffer bitmap, int length) {
    int ones = 0;
    int fullBytes = length >>> 3;
    for (int i = 0; i < fullBytes; i++) {
      ones += Integer.bitCount(bitmap.get(i) & 0xFF);
    }
    for (int j = fullBytes << 3; j < length; j++) {
      if (get(bitmap, j)) {
        ones++;
      }
    }
    return length - ones;
  }
}
