package dev.quiver.store;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the bytes of an Arrow file to be stored (copied as received, or encoded while received). */
@FunctionalInterface
public interface Upload {
  void writeTo(OutputStream out) throws IOException;
}
