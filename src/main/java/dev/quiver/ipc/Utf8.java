package dev.quiver.ipc;

import java.nio.ByteBuffer;

/** UTF-8 well-formedness (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
final class Utf8 {
  private Utf8() {}

  private static final long HIGH_BITS = 0x8080808080808080L;

  /** Whether [from, to) is all ASCII (then every split of it is valid UTF-8). */
  static boolean isAscii(ByteBuffer b, int from, int to) {
    return BufferScan.isAscii(b, from, to);
  }

  /** Index of the first byte of the first malformed sequence in [from, to), or -1 if all is valid. */
  static int firstInvalid(ByteBuffer b, int from, int to) {
    int i = from;
    while (i < to) {
      while (i + 8 <= to && (b.getLong(i) & HIGH_BITS) == 0) {
        i += 8;
      }
      if (i == to) {
        break;
      }
      int c = b.get(i) & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int extra;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        if (c == 0xE0) {
          lo = 0xA0;
        } else if (c == 0xED) {
          hi = 0x9F;
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        if (c == 0xF0) {
          lo = 0x90;
        } else if (c == 0xF4) {
          hi = 0x8F;
        }
      } else {
        return i;
      }
      if (to - i <= extra) {
        return i;
      }
      int second = b.get(i + 1) & 0xFF;
      if (second < lo || second > hi) {
        return i;
      }
      for (int k = 2; k <= extra; k++) {
        int next = b.get(i + k) & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return i;
        }
      }
      i += extra + 1;
    }
    return -1;
  }
}
