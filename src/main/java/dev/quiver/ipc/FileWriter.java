package dev.quiver.ipc;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.OutputStream;

/**
 * Writes an Arrow IPC file: magic, schema, dictionaries and record batches, footer, magic.
 * API PLACEHOLDER (ipc-writer work replaces the bodies).
 */
public final class FileWriter implements AutoCloseable {
  public FileWriter(OutputStream out, Schema schema, WriteOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public void write(RecordBatch batch) {}

  /** Writes end-of-stream, footer and trailing magic; does not close the OutputStream. */
  public void finish() {}

  @Override
  public void close() {}
}
