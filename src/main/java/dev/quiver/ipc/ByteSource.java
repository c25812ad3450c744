package dev.quiver.ipc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Random access to the bytes of an Arrow file: a heap buffer, one memory mapping, or mappings made per
 * region of a large file (the store's {@code MappedByteSource}). Slices are little-endian views, never copies.
 */
public interface ByteSource {
  long size();

  /** A view of {@code length} bytes at {@code offset}; the caller has checked the range against size(). */
  ByteBuffer slice(long offset, int length);

  /** The bytes of {@code buffer} from its position to its limit. */
  static ByteSource of(ByteBuffer buffer) {
    ByteBuffer whole = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
    return new ByteSource() {
      @Override
      public long size() {
        return whole.capacity();
      }

      @Override
      public ByteBuffer slice(long offset, int length) {
        return whole.slice((int) offset, length).order(ByteOrder.LITTLE_ENDIAN);
      }
    };
  }
}
