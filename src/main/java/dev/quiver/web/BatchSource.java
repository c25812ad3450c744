package dev.quiver.web;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.ipc.StreamReader;
import dev.quiver.json.JsonLimits;
import dev.quiver.json.JsonBodyShape;
import dev.quiver.json.RowsReader;
import dev.quiver.json.integration.IntegrationJsonReader;
import java.io.InputStream;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Record batches read one at a time from an Arrow stream, an Arrow file or JSON rows. */
interface BatchSource extends AutoCloseable {
  Schema schema();

  boolean hasNext();

  RecordBatch next();

  @Override
  void close();

  /** A source over a reader's four operations (the codec's readers share the shape, not a type). */
  private static BatchSource of(Supplier<Schema> schema, BooleanSupplier hasNext, Supplier<RecordBatch> next,
      Runnable close) {
    return new BatchSource() {
      @Override
      public Schema schema() {
        return schema.get();
      }

      @Override
      public boolean hasNext() {
        return hasNext.getAsBoolean();
      }

      @Override
      public RecordBatch next() {
        return next.get();
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }

  static BatchSource stream(InputStream in, IpcLimits limits) {
    // One body array for all record batches: every consumer (Transcoder.copy) has written a batch before it
    // asks for the next, and no sink keeps a batch's buffers (dictionaries have their own memory).
    StreamReader reader = StreamReader.reusingBatchMemory(in, limits);
    return of(reader::schema, reader::hasNext, reader::next, reader::close);
  }

  /**
   * JSON rows, or (a JSON body whose keys say so, see {@link JsonBodyShape}) Arrow integration JSON, whose
   * batches are kept as they are ({@code batchSize} does not apply).
   */
  static BatchSource rows(InputStream in, boolean ndjson, int batchSize, JsonLimits limits) {
    InputStream body = in;
    if (!ndjson) {
      JsonBodyShape.Sniffed sniffed = JsonBodyShape.sniff(in, limits);
      if (sniffed.shape() == JsonBodyShape.Shape.INTEGRATION) {
        return integration(sniffed.body(), limits);
      }
      body = sniffed.body();
    }
    RowsReader reader = new RowsReader(body, ndjson, null, batchSize, limits);
    return of(reader::schema, reader::hasNext, reader::next, reader::close);
  }

  static BatchSource integration(InputStream in, JsonLimits limits) {
    IntegrationJsonReader reader = new IntegrationJsonReader(in, limits);
    return of(reader::schema, reader::hasNext, reader::next, reader::close);
  }

  /** Batches {@code first} to {@code end - 1} of a file, each decoded and validated when read. */
  static BatchSource file(FileReader reader, int first, int end) {
    return new BatchSource() {
      private int next = first;

      @Override
      public Schema schema() {
        return reader.schema();
      }

      @Override
      public boolean hasNext() {
        return next < end;
      }

      @Override
      public RecordBatch next() {
        return reader.readBatch(next++);
      }

      @Override
      public void close() {}
    };
  }
}
