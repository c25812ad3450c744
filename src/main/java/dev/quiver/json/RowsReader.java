package dev.quiver.json;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.InputStream;

/**
 * Reads JSON rows incrementally into record batches of at most batchSize rows.
 * API PLACEHOLDER (json work replaces the bodies).
 */
public final class RowsReader implements AutoCloseable {
  /**
   * @param ndjson true for newline-delimited rows, false for a JSON array of rows or an object
   *     {"schema": ..., "rows": [...]}
   * @param schema the schema to encode with, or null to infer it (or take it from the body)
   */
  public RowsReader(InputStream in, boolean ndjson, Schema schema, int batchSize, JsonLimits limits) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public Schema schema() {
    throw new UnsupportedOperationException();
  }

  public boolean hasNext() {
    throw new UnsupportedOperationException();
  }

  public RecordBatch next() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
