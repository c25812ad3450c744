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

/** Record batches read one at a time from an Arrow stream, an Arrow file or JSON rows. */
interface BatchSource extends AutoCloseable {
  Schema schema();

  boolean hasNext();

  RecordBatch next();

  @Override
  void close();

  static BatchSource stream(InputStream in, IpcLimits limits) {
    StreamReader reader = new StreamReader(in, limits);
    return new BatchSource() {
      @Override
      public Schema schema() {
        return reader.schema();
      }

      @Override
      public boolean hasNext() {
        return reader.hasNext();
      }

      @Override
      public RecordBatch next() {
        return reader.next();
      }

      @Override
      public void close() {
        reader.close();
      }
    };
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
    return new BatchSource() {
      @Override
      public Schema schema() {
        return reader.schema();
      }

      @Override
      public boolean hasNext() {
        return reader.hasNext();
      }

      @Override
      public RecordBatch next() {
        return reader.next();
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }

  static BatchSource integration(InputStream in, JsonLimits limits) {
    IntegrationJsonReader reader = new IntegrationJsonReader(in, limits);
    return new BatchSource() {
      @Override
      public Schema schema() {
        return reader.schema();
      }

      @Override
      public boolean hasNext() {
        return reader.hasNext();
      }

      @Override
      public RecordBatch next() {
        return reader.next();
      }

      @Override
      public void close() {
        reader.close();
      }
    };
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
