package dev.quiver.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A read-only memory-mapped file. Files up to 1 GiB are mapped once; larger ones are mapped per slice, since
 * Java 17 maps at most 2 GiB per region (a mapping is released when the GC collects its last view).
 */
final class MappedByteSource implements ByteSource {
  private static final long WHOLE_MAPPING_LIMIT = 1L << 30;

  private final FileChannel channel;
  private final long size;
  private final ByteBuffer whole;

  MappedByteSource(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
    if (size <= WHOLE_MAPPING_LIMIT) {
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      this.whole = mapped.order(ByteOrder.LITTLE_ENDIAN);
    } else {
      this.whole = null;
    }
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public ByteBuffer slice(long offset, int length) {
    if (offset < 0 || length < 0 || offset > size - length) {
      throw new IndexOutOfBoundsException("slice [" + offset + ", +" + length + ") outside " + size + " bytes");
    }
    if (whole != null) {
      return whole.slice((int) offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }
    try {
      return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
