package dev.quiver.json.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes kept until the end of a document: in memory up to {@link #MEMORY_BYTES}, then in a temporary file
 * (deleted by {@link #close()}), so that memory stays bounded however much is staged.
 */
final class Staging extends OutputStream {
  static final int MEMORY_BYTES = 8 << 20;

  private ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private Path file;
  private OutputStream fileOut;
  private long size;

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (fileOut == null && memory.size() + (long) len > MEMORY_BYTES) {
      file = Files.createTempFile("quiver-integration-", ".json");
      fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      memory.writeTo(fileOut);
      memory = null;
    }
    if (fileOut != null) {
      fileOut.write(b, off, len);
    } else {
      memory.write(b, off, len);
    }
    size += len;
  }

  long size() {
    return size;
  }

  /** Writes everything staged to {@code out}. */
  void copyTo(OutputStream out) {
    try {
      if (fileOut == null) {
        memory.writeTo(out);
        return;
      }
      fileOut.flush();
      Files.copy(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (fileOut != null) {
        fileOut.close();
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a temporary file: best effort
    } finally {
      fileOut = null;
      memory = new ByteArrayOutputStream();
    }
  }
}
