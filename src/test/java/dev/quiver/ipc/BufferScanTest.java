package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link BufferScan}'s bulk loops agree with value-by-value checks on heap (sliced), direct and read-only buffers. */
class BufferScanTest {
  private final SplittableRandom random = new SplittableRandom(7);

  /** The same bytes as a heap slice at an odd array offset, a direct buffer and a read-only buffer. */
  private static List<ByteBuffer> views(byte[] bytes) {
    byte[] padded = new byte[bytes.length + 11];
    System.arraycopy(bytes, 0, padded, 5, bytes.length);
    ByteBuffer heap = ByteBuffer.wrap(padded).slice(5, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(bytes).clear();
    ByteBuffer readOnly = ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    return List.of(heap, direct, readOnly);
  }

  @Test
  void asciiAtEveryLengthAndPosition() {
    for (int len = 0; len <= 70; len++) {
      for (int bad = -1; bad < len; bad++) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
          b[i] = (byte) random.nextInt(128);
        }
        if (bad >= 0) {
          b[bad] = (byte) (0x80 | random.nextInt(128));
        }
        for (ByteBuffer v : views(b)) {
          assertThat(BufferScan.isAscii(v, 0, len)).isEqualTo(bad < 0);
          if (bad >= 0) {
            assertThat(BufferScan.isAscii(v, 0, bad)).isTrue();
            assertThat(BufferScan.isAscii(v, bad, len)).isFalse();
          }
        }
      }
    }
  }

  @Test
  void nonDecreasingOffsets() {
    for (int count = 0; count <= 40; count++) {
      for (int drop = 0; drop < count; drop++) {
        ByteBuffer ints = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer longs = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
        long value = random.nextInt(1000) - 500;
        boolean decreases = false;
        for (int j = 0; j < count; j++) {
          long next = j == drop && j > 0 ? value - 1 - random.nextInt(3) : value + random.nextInt(3);
          decreases |= j > 0 && next < value;
          value = next;
          ints.putInt(j * 4, (int) value);
          longs.putLong(j * 8, value);
        }
        for (ByteBuffer v : views(ints.array())) {
          assertThat(BufferScan.nonDecreasingInts(v, count)).isEqualTo(!decreases);
        }
        for (ByteBuffer v : views(longs.array())) {
          assertThat(BufferScan.nonDecreasingLongs(v, count)).isEqualTo(!decreases);
        }
      }
    }
    // extremes: a difference that overflows int32 is still seen as a decrease
    ByteBuffer ints = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    ints.putInt(0, Integer.MAX_VALUE).putInt(4, Integer.MIN_VALUE);
    assertThat(BufferScan.nonDecreasingInts(ints, 2)).isFalse();
    ints.putInt(0, Integer.MIN_VALUE).putInt(4, Integer.MAX_VALUE);
    assertThat(BufferScan.nonDecreasingInts(ints, 2)).isTrue();
  }

  @Test
  void indicesInRangeForEveryWidthAndSignedness() {
    for (int width : new int[] {1, 2, 4, 8}) {
      for (boolean signed : new boolean[] {true, false}) {
        for (long bound : new long[] {0, 1, 3, 200, 300, 70_000, Integer.MAX_VALUE}) {
          for (int trial = 0; trial < 20; trial++) {
            int count = random.nextInt(20);
            byte[] bytes = new byte[count * width];
            for (int i = 0; i < bytes.length; i++) {
              bytes[i] = (byte) (trial % 2 == 0 ? random.nextInt(3) : random.nextInt(256));
            }
            ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            boolean expected = true;
            for (int j = 0; j < count; j++) {
              long index = switch (width) {
                case 1 -> signed ? le.get(j) : le.get(j) & 0xFF;
                case 2 -> signed ? le.getShort(j * 2) : le.getShort(j * 2) & 0xFFFF;
                case 4 -> signed ? le.getInt(j * 4) : le.getInt(j * 4) & 0xFFFFFFFFL;
                default -> le.getLong(j * 8);
              };
              expected &= index >= 0 && index < bound;
            }
            for (ByteBuffer v : views(bytes)) {
              assertThat(BufferScan.allBelow(v, count, width, signed, bound))
                  .as("width %d signed %s bound %d", width, signed, bound).isEqualTo(expected);
            }
          }
        }
      }
    }
  }

  @Test
  void countZerosAtEveryLength() {
    for (int length = 0; length <= 200; length++) {
      byte[] bitmap = new byte[(length + 7) / 8];
      for (int i = 0; i < bitmap.length; i++) {
        bitmap[i] = (byte) random.nextInt(256);
      }
      int zeros = 0;
      for (int j = 0; j < length; j++) {
        if ((bitmap[j >>> 3] & (1 << (j & 7))) == 0) {
          zeros++;
        }
      }
      for (ByteBuffer v : views(bitmap)) {
        assertThat(BufferScan.countZeros(v, length)).isEqualTo(zeros);
      }
    }
  }
}
