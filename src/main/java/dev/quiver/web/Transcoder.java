package dev.quiver.web;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.ArrowFormatException;
import dev.quiver.ipc.WriteOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/** Copies record batches from a source to a sink one at a time, so memory is bounded by one batch. */
final class Transcoder {
  private Transcoder() {}

  /**
   * Writes every batch of {@code source} as {@code output} to {@code out}, flushing after each batch when
   * {@code flushPerBatch}; finishes the representation and flushes at the end.
   *
   * @return the number of batches copied
   */
  static int copy(BatchSource source, Representation output, OutputStream out, boolean flushPerBatch)
      throws IOException {
    return copy(source, output, out, flushPerBatch, WriteOptions::defaults);
  }

  /**
   * As {@link #copy(BatchSource, Representation, OutputStream, boolean)}, Arrow outputs written with the
   * options {@code options} gives once the first batch has been read (so they can depend on the input, e.g.
   * keep an uploaded stream's body compression).
   */
  static int copy(BatchSource source, Representation output, OutputStream out, boolean flushPerBatch,
      Supplier<WriteOptions> options) throws IOException {
    Schema schema = source.schema();
    boolean more = source.hasNext();
    BatchSink sink = BatchSink.open(output, out, schema, options.get());
    int index = 0;
    while (more && source.hasNext()) {
      RecordBatch batch = source.next();
      try {
        sink.write(batch);
      } catch (IllegalArgumentException e) {
        // The input is valid but cannot be written this way, e.g. a dictionary replaced mid-stream
        // written as an Arrow file (the file format forbids replacements).
        throw new ArrowFormatException(
            "record batch " + index + " cannot be written as " + output.formatName + ": " + e.getMessage(),
            e);
      }
      index++;
      if (flushPerBatch) {
        out.flush();
      }
    }
    sink.finish();
    out.flush();
    return index;
  }
}
