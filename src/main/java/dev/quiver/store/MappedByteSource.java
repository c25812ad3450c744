package dev.quiver.store;

import dev.quiver.ipc.ByteSource;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a file through memory mappings, read-only. A file of at most {@link Integer#MAX_VALUE} bytes
 * is mapped once, whole; a larger one is mapped per requested region (Java 17 maps at most 2 GiB per
 * region), keeping its channel open until {@link #close()} or until the source itself is garbage
 * collected (a cleaner closes it then, so that a source dropped without close, as a deleted stored file's
 * is while a read may still be using it, leaks no file descriptor). Slices are little-endian views, never
 * copies. A mapping is released by the garbage collector once no view refers to it; Java 17 has no safe
 * way to unmap earlier.
 */
public final class MappedByteSource implements ByteSource, AutoCloseable {
  private final long size;
  private final ByteBuffer whole;
  private static final Cleaner CLEANER = Cleaner.create();

  private final FileChannel channel;
  private final Cleaner.Cleanable closer;

  private MappedByteSource(long size, ByteBuffer whole, FileChannel channel) {
    this.size = size;
    this.whole = whole;
    this.channel = channel;
    this.closer = channel == null ? null : CLEANER.register(this, new CloseChannel(channel));
  }

  /** Closes a channel; must not refer to the source it cleans up after. */
  private record CloseChannel(FileChannel channel) implements Runnable {
    @Override
    public void run() {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to do: the descriptor is gone either way
      }
    }
  }

  /** Maps {@code path} read-only. */
  public static MappedByteSource open(Path path) throws IOException {
    return open(path, Integer.MAX_VALUE);
  }

  /** Maps {@code path} whole when at most {@code wholeLimit} bytes, else per region (tests lower it). */
  static MappedByteSource open(Path path, long wholeLimit) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long size = channel.size();
      if (size <= wholeLimit) {
        ByteBuffer whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
        channel.close();
        return new MappedByteSource(size, whole, null);
      }
      return new MappedByteSource(size, null, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public ByteBuffer slice(long offset, int length) {
    if (offset < 0 || length < 0 || offset > size - length) {
      throw new IndexOutOfBoundsException(
          "slice out of range: offset=" + offset + " length=" + length + " size=" + size);
    }
    if (whole != null) {
      return whole.slice((int) offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }
    try {
      return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("mapping " + length + " bytes at " + offset + " failed", e);
    }
  }

  /** Whether this source keeps a channel open (a file mapped per region). */
  boolean perRegion() {
    return channel != null;
  }

  /** Closes the channel kept for a large file; views already handed out stay readable. */
  @Override
  public void close() throws IOException {
    if (closer != null) {
      closer.clean(); // closes the channel, once
    }
  }
}
