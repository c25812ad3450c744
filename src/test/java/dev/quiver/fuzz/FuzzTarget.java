package dev.quiver.fuzz;

import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.ArrowFormatException;
import dev.quiver.ipc.ByteSource;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.ipc.StreamReader;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import dev.quiver.json.RowsWriter;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one input through the readers the way the service does: a stream through {@link StreamReader}, a
 * file through {@link FileReader} (every batch decoded and validated, its rows, its message views, the
 * stream prefix) and its embedded stream through StreamReader. What is read successfully is then written
 * again (our stream writer, and JSON rows) to prove a validated batch is safe to use. The only acceptable
 * outcomes are a read, an {@link ArrowFormatException} or a {@link LimitExceededException}; anything else,
 * a timeout or an OutOfMemoryError is a failure.
 */
final class FuzzTarget implements AutoCloseable {
  enum Outcome { READ, REJECTED, LIMIT }

  /** A case that failed: what happened. */
  static final class Failure extends Exception {
    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Batches longer than this are read but not re-encoded as JSON (a null column may claim 2^31 rows). */
  private static final int MAX_ROWS_TO_WRITE = 1 << 16;

  private final IpcLimits limits;
  private final long timeoutMillis;
  private ExecutorService executor;
  private volatile Thread worker;

  FuzzTarget(IpcLimits limits, long timeoutMillis) {
    this.limits = limits;
    this.timeoutMillis = timeoutMillis;
    this.executor = newExecutor();
  }

  private ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-case");
      t.setDaemon(true);
      worker = t;
      return t;
    });
  }

  /** Runs the case with a timeout; returns the outcome or throws a Failure describing the problem. */
  Outcome run(byte[] bytes, boolean file) throws Failure {
    Future<Outcome> future = executor.submit(() -> classify(bytes, file, limits));
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Thread stuck = worker;
      if (stuck != null) {
        e.setStackTrace(stuck.getStackTrace()); // where the case was stuck
      }
      future.cancel(true);
      executor.shutdownNow();
      stop(stuck); // a stuck case left running would slow every later case into a timeout too
      executor = newExecutor();
      throw new Failure("timeout after " + timeoutMillis + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new Failure(cause.toString(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted", e);
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread thread) {
    if (thread == null) {
      return;
    }
    try {
      thread.stop(); // Java 17 still stops threads; later versions throw, and the thread stays abandoned
    } catch (UnsupportedOperationException e) {
      // abandoned (daemon)
    }
  }

  /** The outcome of reading, or throws what the readers threw if it is not an accepted exception. */
  static Outcome classify(byte[] bytes, boolean file, IpcLimits limits) {
    try {
      if (file) {
        readFile(bytes, limits);
      } else {
        consume(readStream(bytes, 0, limits));
      }
      return Outcome.READ;
    } catch (ArrowFormatException e) {
      return Outcome.REJECTED;
    } catch (LimitExceededException e) {
      return Outcome.LIMIT;
    }
  }

  /** The schema and every batch of the stream starting at {@code offset}. */
  static Read readStream(byte[] bytes, int offset, IpcLimits limits) {
    List<RecordBatch> batches = new ArrayList<>();
    try (StreamReader reader = new StreamReader(
        new ByteArrayInputStream(bytes, offset, Math.max(0, bytes.length - offset)), limits)) {
      Schema schema = reader.schema();
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
      return new Read(schema, batches);
    }
  }

  record Read(Schema schema, List<RecordBatch> batches) {}

  static void readFile(byte[] bytes, IpcLimits limits) {
    FileReader reader = FileReader.open(ByteSource.of(ByteBuffer.wrap(bytes)), limits);
    List<RecordBatch> batches = new ArrayList<>();
    for (int i = 0; i < reader.batchCount(); i++) {
      batches.add(reader.readBatch(i));
      reader.batchRows(i);
      reader.batchMessage(i);
      reader.batchBlock(i);
    }
    reader.streamPrefix();
    reader.footerMetadata();
    consume(new Read(reader.schema(), batches));
    // the stream inside the file (schema message, dictionaries, batches, end-of-stream marker)
    readStream(bytes, 8, limits);
  }

  /** Writes what was read again, as an Arrow stream and as JSON rows: a validated batch must be usable. */
  static void consume(Read read) {
    try {
      write(read);
    } catch (IllegalArgumentException e) {
      // valid but not writable this way (e.g. a type JSON rows do not support): the service answers 400
    }
  }

  private static void write(Read read) {
    for (RecordBatch batch : read.batches()) {
      if (batch.length() > MAX_ROWS_TO_WRITE) {
        return;
      }
    }
    try (StreamWriter writer = new StreamWriter(OutputStream.nullOutputStream(), read.schema(),
        WriteOptions.defaults())) {
      writer.start();
      for (RecordBatch batch : read.batches()) {
        writer.write(batch);
      }
      writer.end();
    }
    try (RowsWriter rows = new RowsWriter(OutputStream.nullOutputStream(), false)) {
      for (RecordBatch batch : read.batches()) {
        rows.write(batch);
      }
      rows.finish();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
