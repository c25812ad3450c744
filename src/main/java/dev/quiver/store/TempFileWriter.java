package dev.quiver.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * Writes a new temporary file through a 64 KiB buffer, refusing to go over the maximum file size
 * ({@link UploadTooLargeException}) or over the room left by the quota ({@link StoreFullException}); a full
 * or read-only disk becomes {@link StoreFullException} / {@link StoreUnavailableException}. The first such
 * failure is kept ({@link #failure()}), so that it wins even when the code writing to this stream wraps
 * the exception in another one. {@link #finish()} flushes and forces the file to disk.
 */
final class TempFileWriter extends OutputStream {
  private final Path path;
  private final FileChannel channel;
  private final long maxBytes;
  private final LongSupplier quotaRoom;
  private final String what;
  private final DiskFaults faults;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private long count;
  private long written;
  private RuntimeException failure;

  private TempFileWriter(Path path, FileChannel channel, long maxBytes, LongSupplier quotaRoom, String what,
      DiskFaults faults) {
    this.path = path;
    this.channel = channel;
    this.maxBytes = maxBytes;
    this.quotaRoom = quotaRoom;
    this.what = what;
    this.faults = faults;
  }

  /** Creates {@code path} (it must not exist); {@code quotaRoom} says how many more bytes may be stored. */
  static TempFileWriter create(Path path, long maxBytes, LongSupplier quotaRoom, String what,
      DiskFaults faults) throws IOException {
    try {
      faults.beforeCreate(path);
      FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new TempFileWriter(path, channel, maxBytes, quotaRoom, what, faults);
    } catch (IOException e) {
      throw DiskErrors.rethrow(e, "creating a temporary file");
    }
  }

  /** The first limit, quota or disk failure met, or null. */
  RuntimeException failure() {
    return failure;
  }

  long count() {
    return count;
  }

  @Override
  public void write(int b) throws IOException {
    reserve(1);
    if (!buffer.hasRemaining()) {
      drain();
    }
    buffer.put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    reserve(len);
    while (len > 0) {
      if (!buffer.hasRemaining()) {
        drain();
      }
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
    }
  }

  /** Writes what is buffered to the file (not forced to disk). */
  @Override
  public void flush() throws IOException {
    failIfFailed();
    drain();
  }

  /** Writes what is buffered and forces the file's content and size to disk. */
  void finish() throws IOException {
    flush();
    try {
      faults.beforeForce(path);
      channel.force(true);
    } catch (IOException e) {
      throw fail(e, "forcing the temporary file to disk");
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void reserve(long n) {
    failIfFailed();
    if (count + n > maxBytes) {
      failure = new UploadTooLargeException(
          what + " is larger than the limit of " + maxBytes + " bytes (quiver.limits.max-upload-bytes)");
      throw failure;
    }
    long room = quotaRoom.getAsLong();
    if (count + n > room) {
      failure = new StoreFullException(what + " does not fit in the store's quota: "
          + Math.max(0, room) + " bytes are left (quiver.storage.quota); nothing was stored");
      throw failure;
    }
    count += n;
  }

  private void drain() throws IOException {
    buffer.flip();
    try {
      while (buffer.hasRemaining()) {
        faults.beforeWrite(path, written, buffer.remaining());
        written += channel.write(buffer);
      }
    } catch (IOException e) {
      throw fail(e, "writing the temporary file");
    } finally {
      buffer.clear();
    }
  }

  private IOException fail(IOException e, String doing) {
    RuntimeException classified = DiskErrors.classify(e, doing);
    if (classified != null) {
      failure = classified;
      throw classified;
    }
    return e;
  }

  private void failIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }
}
