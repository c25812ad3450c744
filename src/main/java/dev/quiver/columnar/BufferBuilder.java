package dev.quiver.columnar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer for building Arrow buffers. Unwritten bytes are zero. */
public final class BufferBuilder {
  private byte[] bytes;
  private int size;

  public BufferBuilder() {
    this(64);
  }

  public BufferBuilder(int initialCapacity) {
    bytes = new byte[Math.max(8, initialCapacity)];
  }

  public int size() {
    return size;
  }

  public void ensureCapacity(long needed) {
    if (needed > bytes.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("buffer over 2 GiB: " + needed);
      }
      long grown = Math.max(needed, (long) bytes.length * 2);
      bytes = Arrays.copyOf(bytes, (int) Math.min(grown, Integer.MAX_VALUE - 8));
    }
  }

  /** Extends the size to {@code newSize} bytes, filling with zeros. */
  public void resize(int newSize) {
    ensureCapacity(newSize);
    if (newSize < size) {
      Arrays.fill(bytes, newSize, size, (byte) 0);
    }
    size = newSize;
  }

  public BufferBuilder putByte(int v) {
    ensureCapacity(size + 1L);
    bytes[size++] = (byte) v;
    return this;
  }

  public BufferBuilder putShort(int v) {
    ensureCapacity(size + 2L);
    bytes[size++] = (byte) v;
    bytes[size++] = (byte) (v >>> 8);
    return this;
  }

  public BufferBuilder putInt(int v) {
    ensureCapacity(size + 4L);
    for (int k = 0; k < 4; k++) {
      bytes[size++] = (byte) (v >>> (8 * k));
    }
    return this;
  }

  public BufferBuilder putLong(long v) {
    ensureCapacity(size + 8L);
    for (int k = 0; k < 8; k++) {
      bytes[size++] = (byte) (v >>> (8 * k));
    }
    return this;
  }

  public BufferBuilder putFloat(float v) {
    return putInt(Float.floatToRawIntBits(v));
  }

  public BufferBuilder putDouble(double v) {
    return putLong(Double.doubleToRawLongBits(v));
  }

  public BufferBuilder putBytes(byte[] src) {
    return putBytes(src, 0, src.length);
  }

  public BufferBuilder putBytes(byte[] src, int offset, int length) {
    ensureCapacity((long) size + length);
    System.arraycopy(src, offset, bytes, size, length);
    size += length;
    return this;
  }

  /** Sets bit {@code index} (LSB first), growing the buffer as needed. */
  public void setBit(int index) {
    int byteIndex = index >>> 3;
    if (byteIndex >= size) {
      resize(byteIndex + 1);
    }
    bytes[byteIndex] |= (byte) (1 << (index & 7));
  }

  /** The bytes written so far, as a little-endian buffer (a view, not a copy). */
  public ByteBuffer toByteBuffer() {
    return ByteBuffer.wrap(bytes, 0, size).slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Forgets the content, keeping the allocation. */
  public void clear() {
    Arrays.fill(bytes, 0, size, (byte) 0);
    size = 0;
  }
}
