package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.flatbuf.MessageHeader;

/**
 * Reads an Arrow IPC stream incrementally from an InputStream: one message at a time, so memory is bounded
 * by the largest message. Batches are views over the bytes of their message. Accepts current and legacy
 * (pre-0.15) framing, metadata V4 and V5; dictionary batches define, extend (delta) or replace dictionaries.
 * Compressed bodies (LZ4_FRAME, ZSTD) are decompressed into heap buffers within
 * {@link IpcLimits#maxDecompressedBytes()}; big-endian bodies are byte-swapped, so batches and schema are
 * always little-endian.
 * Every batch is fully validated before it is returned; bad input raises {@link ArrowFormatException},
 * input over the {@link IpcLimits} raises {@link dev.quiver.columnar.LimitExceededException}.
 */
public final class StreamReader implements AutoCloseable {
  private final InputStream in;
  private final IpcLimits limits;
  private final MessageReader messages;
  private Schema schema;
  private Dictionaries dictionaries;
  private boolean bigEndian;
  private RecordBatch pending;
  private boolean ended;
  private int batchIndex;

  public StreamReader(InputStream in, IpcLimits limits) {
    this(in, limits, false);
  }

  private StreamReader(InputStream in, IpcLimits limits, boolean reuseBatchBodies) {
    if (in == null) {
      throw new IllegalArgumentException("in == null");
    }
    if (limits == null) {
      throw new IllegalArgumentException("limits == null");
    }
    this.in = in;
    this.limits = limits;
    this.messages = new MessageReader(in, limits, reuseBatchBodies);
  }

  /**
   * A reader whose record batches are valid only until the next call to {@link #hasNext()} or
   * {@link #next()}: every batch's buffers are views over one body array that the next batch overwrites
   * (as arrow-java's {@code ArrowStreamReader} reloads one {@code VectorSchemaRoot}), so reading a stream
   * allocates no memory per batch once the largest body has arrived. For consumers that finish with each
   * batch before asking for the next (converting, writing, counting); a batch that must outlive that needs
   * the plain constructor. Dictionaries keep their own memory and stay valid, as do buffers the reader
   * allocates anyway (decompressed, byte-swapped). Validation and limits are those of the plain reader.
   */
  public static StreamReader reusingBatchMemory(InputStream in, IpcLimits limits) {
    return new StreamReader(in, limits, true);
  }

  /** The stream's schema (reads the first message if not read yet). */
  public Schema schema() {
    if (schema == null) {
      IpcMessage first = messages.next();
      if (first == null) {
        throw new ArrowFormatException("message 0 at byte 0: stream ends before its schema");
      }
      if (first.headerType() != MessageHeader.Schema) {
        throw new ArrowFormatException(first.where() + ": the first message must be a schema, not "
            + MessageHeader.name(first.headerType()));
      }
      var fbSchema = (org.apache.arrow.flatbuf.Schema) MessageDecoder.guard(first.where(),
          () -> first.message().header(new org.apache.arrow.flatbuf.Schema()));
      Schema decoded = MessageDecoder.guard(first.where(), () -> SchemaDecoder.decode(fbSchema, first.where()));
      bigEndian = SchemaDecoder.bigEndian(fbSchema);
      dictionaries = new Dictionaries(decoded, first.where());
      schema = decoded;
    }
    return schema;
  }

  /** Whether another record batch follows (reads ahead, applying dictionary batches on the way). */
  public boolean hasNext() {
    schema();
    while (pending == null && !ended) {
      IpcMessage m = messages.next();
      if (m == null) {
        ended = true;
      } else if (m.headerType() == MessageHeader.DictionaryBatch) {
        DictionaryBatches.apply(m, dictionaries, true, limits, bigEndian);
      } else if (m.headerType() == MessageHeader.RecordBatch) {
        pending = decodeBatch(m);
      } else {
        throw new ArrowFormatException(m.where() + ": unexpected " + MessageHeader.name(m.headerType())
            + " message after the schema");
      }
    }
    return pending != null;
  }

  /** The next record batch, with each dictionary-encoded column referring to its current dictionary. */
  public RecordBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more record batches");
    }
    RecordBatch batch = pending;
    pending = null;
    batchIndex++;
    return batch;
  }

  /** Bytes consumed from the input so far. */
  public long bytesRead() {
    return messages.bytesRead();
  }

  private RecordBatch decodeBatch(IpcMessage m) {
    String where = m.where() + " (record batch " + batchIndex + ")";
    return decodeRecordBatch(m, schema, dictionaries, where, limits, bigEndian);
  }

  static RecordBatch decodeRecordBatch(IpcMessage m, Schema schema, Dictionaries dictionaries, String where,
      IpcLimits limits, boolean bigEndian) {
    var rb = (org.apache.arrow.flatbuf.RecordBatch)
        m.message().header(new org.apache.arrow.flatbuf.RecordBatch());
    List<ArrayData> columns = RecordBatchDecoder.decode(rb, m.body(), m.message().version(), schema.fields(), dictionaries,
        where, limits, bigEndian);
    for (int i = 0; i < columns.size(); i++) {
      Field f = schema.field(i);
      ArrayValidator.validate(columns.get(i), where, ColumnPath.column(i, f.name()));
    }
    return new RecordBatch(schema, RecordBatchDecoder.length(rb, where), columns);
  }

  /** Closes the input stream. */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the stream's bodies are big-endian (its batches are returned swapped to little-endian). */
  public boolean sourceBigEndian() {
    schema();
    return bigEndian;
  }

  IpcLimits limits() {
    return limits;
  }
}
