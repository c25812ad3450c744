package dev.quiver.ipc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The validators' bulk loops over whole buffers (ASCII, monotonic offsets, index ranges, bitmap counts),
 * written as branch-free reductions: they only say whether a buffer passes, and the caller re-scans value
 * by value to name the first failure. Heap buffers are read straight from their array (a little-endian
 * array view), others through the {@link ByteBuffer} (little-endian, index 0 = first byte).
 */
final class BufferScan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private BufferScan() {}

  /** Whether bytes [from, to) of {@code b} are all ASCII (high bit clear). */
  static boolean isAscii(ByteBuffer b, int from, int to) {
    long high = 0;
    if (b.hasArray()) {
      byte[] a = b.array();
      int base = b.arrayOffset();
      int i = base + from;
      int end = base + to;
      long h0 = 0;
      long h1 = 0;
      long h2 = 0;
      long h3 = 0;
      for (; i <= end - 32; i += 32) {
        h0 |= (long) LONGS.get(a, i);
        h1 |= (long) LONGS.get(a, i + 8);
        h2 |= (long) LONGS.get(a, i + 16);
        h3 |= (long) LONGS.get(a, i + 24);
      }
      high = h0 | h1 | h2 | h3;
      for (; i <= end - 8; i += 8) {
        high |= (long) LONGS.get(a, i);
      }
      for (; i < end; i++) {
        high |= a[i];
      }
    } else {
      int i = from;
      for (; i <= to - 8; i += 8) {
        high |= b.getLong(i);
      }
      for (; i < to; i++) {
        high |= b.get(i);
      }
    }
    return (high & HIGH_BITS) == 0;
  }

  /** Whether the {@code count} int32 values of {@code b} never decrease. */
  static boolean nonDecreasingInts(ByteBuffer b, int count) {
    if (count <= 1) {
      return true;
    }
    long drops = 0;
    if (b.hasArray()) {
      // each pair loaded on its own, no value carried from one iteration to the next
      byte[] a = b.array();
      int base = b.arrayOffset();
      int last = base + 4 * (count - 1);
      long d0 = 0;
      long d1 = 0;
      int i = base;
      for (; i <= last - 8; i += 8) {
        d0 |= (long) (int) INTS.get(a, i + 4) - (int) INTS.get(a, i);
        d1 |= (long) (int) INTS.get(a, i + 8) - (int) INTS.get(a, i + 4);
      }
      for (; i < last; i += 4) {
        d0 |= (long) (int) INTS.get(a, i + 4) - (int) INTS.get(a, i);
      }
      drops = d0 | d1;
    } else {
      long previous = b.getInt(0);
      for (int j = 1; j < count; j++) {
        long current = b.getInt(j * 4);
        drops |= current - previous;
        previous = current;
      }
    }
    return drops >= 0;
  }

  /** Whether the {@code count} int64 values of {@code b} never decrease. */
  static boolean nonDecreasingLongs(ByteBuffer b, int count) {
    long previous = count > 0 ? b.getLong(0) : 0;
    for (int j = 1; j < count; j++) {
      long current = b.getLong(j * 8);
      if (current < previous) {
        return false;
      }
      previous = current;
    }
    return true;
  }

  /**
   * Whether each of the {@code count} integers of {@code width} bytes (1, 2, 4 or 8; sign- or
   * zero-extended) lies in [0, bound).
   */
  static boolean allBelow(ByteBuffer b, int count, int width, boolean signed, long bound) {
    if (width == 4 && b.hasArray() && bound <= Integer.MAX_VALUE) {
      // one unsigned comparison catches both negative (as signed) and too large values
      byte[] a = b.array();
      int base = b.arrayOffset();
      int limit = (int) bound + Integer.MIN_VALUE;
      int max = Integer.MIN_VALUE;
      for (int i = base, end = base + 4 * count; i < end; i += 4) {
        max = Math.max(max, (int) INTS.get(a, i) + Integer.MIN_VALUE);
      }
      return count == 0 || max < limit;
    }
    for (int j = 0; j < count; j++) {
      long index = switch (width) {
        case 1 -> signed ? b.get(j) : b.get(j) & 0xFF;
        case 2 -> signed ? b.getShort(j * 2) : b.getShort(j * 2) & 0xFFFF;
        case 4 -> signed ? b.getInt(j * 4) : b.getInt(j * 4) & 0xFFFFFFFFL;
        default -> b.getLong(j * 8);
      };
      if (index < 0 || index >= bound) {
        return false;
      }
    }
    return true;
  }

  /** Number of zero bits among the first {@code length} bits of {@code bitmap} (LSB first). */
  static int countZeros(ByteBuffer bitmap, int length) {
    int ones = 0;
    int j = 0;
    int fullLongs = length >>> 6;
    if (bitmap.hasArray()) {
      byte[] a = bitmap.array();
      int base = bitmap.arrayOffset();
      for (int k = 0; k < fullLongs; k++) {
        ones += Long.bitCount((long) LONGS.get(a, base + k * 8));
      }
    } else {
      for (int k = 0; k < fullLongs; k++) {
        ones += Long.bitCount(bitmap.getLong(k * 8));
      }
    }
    j = fullLongs << 6;
    for (; j + 8 <= length; j += 8) {
      ones += Integer.bitCount(bitmap.get(j >>> 3) & 0xFF);
    }
    for (; j < length; j++) {
      if ((bitmap.get(j >>> 3) & (1 << (j & 7))) != 0) {
        ones++;
      }
    }
    return length - ones;
  }
}
