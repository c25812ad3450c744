package dev.quiver.conformance;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.ByteSource;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.FileWriter;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.ipc.StreamReader;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Our IPC readers and writers over byte arrays. */
final class Quiver {
  private Quiver() {}

  /** What our reader read: the schema and every batch. */
  record Read(Schema schema, List<RecordBatch> batches) {}

  static Read readStream(byte[] bytes) {
    try (StreamReader reader = new StreamReader(new ByteArrayInputStream(bytes), IpcLimits.defaults())) {
      Schema schema = reader.schema();
      List<RecordBatch> batches = new ArrayList<>();
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
      if (reader.bytesRead() != bytes.length) {
        throw new AssertionError("the stream reader read " + reader.bytesRead() + " of " + bytes.length + " bytes");
      }
      return new Read(schema, batches);
    }
  }

  static Read readFile(byte[] bytes) {
    FileReader reader = FileReader.open(ByteSource.of(ByteBuffer.wrap(bytes)), IpcLimits.defaults());
    List<RecordBatch> batches = new ArrayList<>();
    for (int i = 0; i < reader.batchCount(); i++) {
      RecordBatch batch = reader.readBatch(i);
      if (reader.batchRows(i) != batch.length()) {
        throw new AssertionError("footer block " + i + " says " + reader.batchRows(i) + " rows, the batch has "
            + batch.length());
      }
      batches.add(batch);
    }
    return new Read(reader.schema(), batches);
  }

  static Read read(byte[] bytes, boolean isFile) {
    return isFile ? readFile(bytes) : readStream(bytes);
  }

  static byte[] writeStream(Schema schema, List<RecordBatch> batches, WriteOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(out, schema, options)) {
      writer.start();
      for (RecordBatch b : batches) {
        writer.write(b);
      }
      writer.end();
    }
    return out.toByteArray();
  }

  static byte[] writeFile(Schema schema, List<RecordBatch> batches, WriteOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(out, schema, options)) {
      for (RecordBatch b : batches) {
        writer.write(b);
      }
      writer.finish();
    }
    return out.toByteArray();
  }

  static byte[] write(Schema schema, List<RecordBatch> batches, WriteOptions options, boolean isFile) {
    return isFile ? writeFile(schema, batches, options) : writeStream(schema, batches, options);
  }
}
