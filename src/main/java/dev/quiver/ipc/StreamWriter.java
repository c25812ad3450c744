package dev.quiver.ipc;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.OutputStream;

/**
 * Writes an Arrow IPC stream: schema, then for each batch the dictionary batches it needs and the record
 * batch, then end-of-stream. API PLACEHOLDER (ipc-writer work replaces the bodies).
 */
public final class StreamWriter implements AutoCloseable {
  public StreamWriter(OutputStream out, Schema schema, WriteOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Writes the schema message now (otherwise it is written before the first batch or at end). */
  public void start() {}

  public void write(RecordBatch batch) {}

  /** Writes end-of-stream (and the schema if nothing was written); does not close the OutputStream. */
  public void end() {}

  /** Same as end() if not ended yet; never closes the OutputStream. */
  @Override
  public void close() {}
}
