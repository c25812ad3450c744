package dev.quiver.web;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.ipc.StreamReader;
import dev.quiver.json.JsonLimits;
import dev.quiver.json.RowsReader;
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

  static BatchSource rows(InputStream in, boolean ndjson, int batchSize, JsonLimits limits) {
    RowsReader reader = new RowsReader(in, ndjson, null, batchSize, limits);
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
