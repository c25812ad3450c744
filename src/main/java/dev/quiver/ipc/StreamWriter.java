package dev.quiver.ipc;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an Arrow IPC stream: the schema message, then for each batch the dictionary batches it needs
 * (first definition, delta or replacement) and the record batch, then end-of-stream.
 *
 * <pre>
 * stream:  Schema | (DictionaryBatch* RecordBatch)* | FF FF FF FF 00 00 00 00
 * </pre>
 *
 * Never closes the OutputStream. I/O failures surface as {@link UncheckedIOException}; after one the
 * writer is broken and {@link #close()} writes nothing more. Invalid batches are an
 * {@link IllegalArgumentException} and leave the stream intact.
 */
public final class StreamWriter implements AutoCloseable {
  private final MessageWriter messages;
  private final BatchMessages batches;
  private final List<Block> dictionaryBlocks = new ArrayList<>();
  private boolean started;
  private boolean ended;
  private boolean broken;

  public StreamWriter(OutputStream out, Schema schema, WriteOptions options) {
    this(out, schema, options, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * A writer whose bodies are in {@code bodyOrder} (the schema declaring it). Quiver serves little-endian;
   * big-endian output exists to produce test data for the readers' byte swapping.
   */
  StreamWriter(OutputStream out, Schema schema, WriteOptions options, ByteOrder bodyOrder) {
    if (out == null) {
      throw new IllegalArgumentException("out == null");
    }
    if (schema == null) {
      throw new IllegalArgumentException("schema == null");
    }
    this.messages = new MessageWriter(out);
    this.batches = new BatchMessages(messages, schema, false, options, bodyOrder);
  }

  /** Writes the schema message now (otherwise it is written before the first batch or at end). */
  public void start() {
    checkUsable();
    if (!started) {
      run(batches::writeSchema);
      started = true;
    }
  }

  public void write(RecordBatch batch) {
    checkUsable();
    start();
    BatchMessages.Prepared prepared = batches.prepare(batch);
    run(() -> batches.write(prepared, dictionaryBlocks));
    dictionaryBlocks.clear();
  }

  /** Writes end-of-stream (and the schema if nothing was written); does not close the OutputStream. */
  public void end() {
    if (ended) {
      return;
    }
    checkUsable();
    start();
    run(() -> {
      messages.writeEndOfStream();
      messages.flush();
      return null;
    });
    ended = true;
  }

  /** Bytes written to the OutputStream so far. */
  public long bytesWritten() {
    return messages.position();
  }

  /** Same as end() if not ended yet; never closes the OutputStream. */
  @Override
  public void close() {
    if (!ended && !broken) {
      end();
    }
  }

  private void checkUsable() {
    if (ended) {
      throw new IllegalStateException("stream already ended");
    }
    if (broken) {
      throw new IllegalStateException("stream broken by an earlier write failure");
    }
  }

  private <T> T run(IoAction<T> action) {
    try {
      return action.run();
    } catch (IOException e) {
      broken = true;
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      broken = true;
      throw e;
    }
  }

  /** An I/O step of the writer. */
  @FunctionalInterface
  interface IoAction<T> {
    T run() throws IOException;
  }
}
