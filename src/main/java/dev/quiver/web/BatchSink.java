package dev.quiver.web;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.FileWriter;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import dev.quiver.json.RowsWriter;
import dev.quiver.json.integration.IntegrationJsonWriter;
import java.io.OutputStream;

/** Record batches written in one representation; {@link #finish()} completes it. */
interface BatchSink {
  void write(RecordBatch batch);

  void finish();

  /** A sink writing {@code representation} to {@code out} (never closing {@code out}). */
  static BatchSink open(Representation representation, OutputStream out, Schema schema) {
    return open(representation, out, schema, WriteOptions.defaults());
  }

  /** A sink writing {@code representation}, Arrow ones with {@code options} (body compression). */
  static BatchSink open(Representation representation, OutputStream out, Schema schema,
      WriteOptions options) {
    return switch (representation) {
      case STREAM -> {
        StreamWriter writer = new StreamWriter(out, schema, options);
        writer.start();
        yield sink(writer::write, writer::end);
      }
      case FILE -> {
        FileWriter writer = new FileWriter(out, schema, options);
        yield sink(writer::write, writer::finish);
      }
      case JSON, NDJSON -> {
        RowsWriter writer = new RowsWriter(out, representation == Representation.NDJSON);
        yield sink(writer::write, writer::finish);
      }
      case INTEGRATION -> {
        IntegrationJsonWriter writer = new IntegrationJsonWriter(out, schema);
        yield sink(writer::write, writer::finish);
      }
    };
  }

  private static BatchSink sink(java.util.function.Consumer<RecordBatch> write, Runnable finish) {
    return new BatchSink() {
      @Override
      public void write(RecordBatch batch) {
        write.accept(batch);
      }

      @Override
      public void finish() {
        finish.run();
      }
    };
  }
}
