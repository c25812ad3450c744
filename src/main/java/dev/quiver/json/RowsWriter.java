package dev.quiver.json;

import dev.quiver.columnar.RecordBatch;
import java.io.OutputStream;

/**
 * Writes record batches as JSON rows: a JSON array of row objects, or NDJSON.
 * API PLACEHOLDER (json work replaces the bodies).
 */
public final class RowsWriter implements AutoCloseable {
  public RowsWriter(OutputStream out, boolean ndjson) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public void write(RecordBatch batch) {}

  /** Ends the JSON array (writes "[]" if no batch came) and flushes; does not close the stream. */
  public void finish() {}

  @Override
  public void close() {}
}
