package dev.quiver.ipc;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Random access to the record batches of an Arrow IPC file through its footer. Batches are views over
 * the source's bytes. API PLACEHOLDER (ipc-reader work replaces the bodies).
 */
public final class FileReader {
  private FileReader() {}

  /** Checks magic and footer, reads schema and the dictionary blocks; batches are read on demand. */
  public static FileReader open(ByteSource source, IpcLimits limits) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public Schema schema() {
    throw new UnsupportedOperationException();
  }

  public int batchCount() {
    throw new UnsupportedOperationException();
  }

  public Block batchBlock(int index) {
    throw new UnsupportedOperationException();
  }

  /** Row count of batch i, read from its message metadata only. */
  public long batchRows(int index) {
    throw new UnsupportedOperationException();
  }

  /** Decodes and validates batch i, with the dictionaries it refers to. */
  public RecordBatch readBatch(int index) {
    throw new UnsupportedOperationException();
  }

  /**
   * The start of an Arrow stream equivalent to this file: the schema message and every dictionary message,
   * in current framing. Prepared once per reader; together with {@link #batchMessage} and the end-of-stream
   * marker it forms a complete stream for any batch.
   */
  public ByteBuffer streamPrefix() {
    throw new UnsupportedOperationException();
  }

  /** Batch i as one encapsulated message in current framing: views over the source (no copy of the body). */
  public List<ByteBuffer> batchMessage(int index) {
    throw new UnsupportedOperationException();
  }
}
