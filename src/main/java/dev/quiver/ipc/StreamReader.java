package dev.quiver.ipc;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.InputStream;

/**
 * Reads an Arrow IPC stream incrementally from an InputStream: one message at a time, so memory is bounded
 * by the largest message. Batches are views over the bytes of their message.
 * API PLACEHOLDER (ipc-reader work replaces the bodies).
 */
public final class StreamReader implements AutoCloseable {
  public StreamReader(InputStream in, IpcLimits limits) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The stream's schema (reads the first message if not read yet). */
  public Schema schema() {
    throw new UnsupportedOperationException();
  }

  /** Whether another record batch follows (reads ahead, applying dictionary batches on the way). */
  public boolean hasNext() {
    throw new UnsupportedOperationException();
  }

  /** The next record batch, with each dictionary-encoded column referring to its current dictionary. */
  public RecordBatch next() {
    throw new UnsupportedOperationException();
  }

  /** Closes the input stream. */
  @Override
  public void close() {}
}
