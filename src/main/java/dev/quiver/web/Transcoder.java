package dev.quiver.web;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.ipc.ArrowFormatException;
import java.io.IOException;
import java.io.OutputStream;

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
    BatchSink sink = BatchSink.open(output, out, source.schema());
    int index = 0;
    while (source.hasNext()) {
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
