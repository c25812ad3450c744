package dev.quiver.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A request body copied to a temporary file and mapped; closing it deletes the file. */
public final class Spool implements AutoCloseable {
  private final Path path;
  private final MappedByteSource bytes;

  Spool(Path path, MappedByteSource bytes) {
    this.path = path;
    this.bytes = bytes;
  }

  public MappedByteSource bytes() {
    return bytes;
  }

  @Override
  public void close() throws IOException {
    try {
      bytes.close();
    } finally {
      Files.deleteIfExists(path);
    }
  }
}
