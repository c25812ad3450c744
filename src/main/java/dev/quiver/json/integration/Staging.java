package dev.quiver.json.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes kept until the end of a document: in memory up to a bound ({@link #MEMORY_BYTES} by default), then in a temporary file.
 * The file is unlinked as soon as it is open (where the platform allows), so it never outlives the channel,
 * even when the writer is abandoned without {@link #close()}.
 */
final class Staging extends OutputStream {
  static final int MEMORY_BYTES = 8 << 20;

  private final int memoryBytes;
  private ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private FileChannel file;
  private Path path;
  private long size;

  Staging(int memoryBytes) {
    this.memoryBytes = memoryBytes;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (file == null && memory.size() + (long) len > memoryBytes) {
      spill();
    }
    if (file != null) {
      ByteBuffer src = ByteBuffer.wrap(b, off, len);
      while (src.hasRemaining()) {
        file.write(src);
      }
    } else {
      memory.write(b, off, len);
    }
    size += len;
  }

  private void spill() throws IOException {
    path = Files.createTempFile("quiver-integration-", ".json");
    file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      Files.delete(path); // the open channel keeps the data; nothing is left behind on disk
      path = null;
    } catch (IOException e) {
      path.toFile().deleteOnExit(); // platforms that cannot delete an open file
    }
    memory.writeTo(Channels.newOutputStream(file));
    memory = null;
  }

  long size() {
    return size;
  }

  /** Writes everything staged to {@code out}. */
  void copyTo(OutputStream out) {
    try {
      if (file == null) {
        memory.writeTo(out);
        return;
      }
      WritableByteChannel target = Channels.newChannel(out);
      long position = 0;
      while (position < size) {
        position += file.transferTo(position, size - position, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (file != null) {
        file.close();
        if (path != null) {
          Files.deleteIfExists(path);
        }
      }
    } catch (IOException e) {
      // a temporary file: best effort
    } finally {
      file = null;
      memory = new ByteArrayOutputStream();
    }
  }
}
