package dev.quiver.bench;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.FileWriter;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of any size generated while they are sent, never held whole in memory: an Arrow stream
 * (one encoded batch message repeated), an Arrow file (written by our FileWriter on a thread into a pipe)
 * and NDJSON rows (one line at a time). Every row is {"id": int64, "score": float64, "text": utf8 of
 * 180 bytes}; a batch has {@link #ROWS_PER_BATCH} rows.
 */
final class GeneratedBodies {
  static final int ROWS_PER_BATCH = 16_384;
  static final int TEXT_BYTES = 180;
  static final Schema SCHEMA = new Schema(List.of(
      Field.of("id", new ArrowType.Int(64, true), false),
      Field.of("score", new ArrowType.FloatingPoint(ArrowType.Precision.DOUBLE), false),
      Field.of("text", new ArrowType.Utf8(), false)), Map.of());
  static final byte[] END_OF_STREAM = {-1, -1, -1, -1, 0, 0, 0, 0};

  private static final RecordBatch BATCH = batch();
  private static final byte[] SCHEMA_MESSAGE;
  private static final byte[] BATCH_MESSAGE;

  static {
    ByteArrayOutputStream empty = new ByteArrayOutputStream();
    try (StreamWriter w = new StreamWriter(empty, SCHEMA, WriteOptions.defaults())) {
      w.end();
    }
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    try (StreamWriter w = new StreamWriter(one, SCHEMA, WriteOptions.defaults())) {
      w.write(BATCH);
      w.end();
    }
    byte[] e = empty.toByteArray();
    byte[] o = one.toByteArray();
    SCHEMA_MESSAGE = Arrays.copyOf(e, e.length - 8);
    BATCH_MESSAGE = Arrays.copyOfRange(o, SCHEMA_MESSAGE.length, o.length - 8);
  }

  private GeneratedBodies() {}

  /** Arrow stream bytes per batch (its encapsulated message). */
  static int batchBytes() {
    return BATCH_MESSAGE.length;
  }

  /** Batches needed for about {@code bytes} of Arrow data. */
  static int batchesFor(long bytes) {
    return (int) Math.max(1, bytes / BATCH_MESSAGE.length);
  }

  /** An Arrow stream of {@code batches} identical batches, then end-of-stream. */
  static InputStream stream(int batches) {
    return new InputStream() {
      private int part = -1; // -1 schema, 0..batches-1 batches, batches: EOS, batches + 1: done
      private byte[] current = SCHEMA_MESSAGE;
      private int pos;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        while (pos == current.length) {
          if (part >= batches) {
            return -1;
          }
          part++;
          current = part < batches ? BATCH_MESSAGE : part == batches ? END_OF_STREAM : new byte[0];
          pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  /** An Arrow file of {@code batches} identical batches, written on a daemon thread into a pipe. */
  static InputStream file(int batches) throws IOException {
    PipedInputStream in = new PipedInputStream(1 << 20);
    PipedOutputStream out = new PipedOutputStream(in);
    Thread writer = new Thread(() -> {
      try (OutputStream o = out; FileWriter w = new FileWriter(o, SCHEMA, WriteOptions.defaults())) {
        for (int i = 0; i < batches; i++) {
          w.write(BATCH);
        }
        w.finish();
      } catch (IOException | RuntimeException e) {
        // the reader sees a truncated body and the request fails
      }
    }, "arrow-file-body");
    writer.setDaemon(true);
    writer.start();
    return in;
  }

  /** {@code rows} NDJSON rows, generated a line at a time. */
  static InputStream ndjson(long rows) {
    return new InputStream() {
      private long row;
      private byte[] line = new byte[0];
      private int pos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos == line.length) {
          if (row == rows) {
            return -1;
          }
          line = ("{\"id\":" + row + ",\"score\":" + (row % 1000) * 0.5 + ",\"text\":\"" + text(row)
              + "\"}\n").getBytes(StandardCharsets.UTF_8);
          pos = 0;
          row++;
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  /** Bytes of one NDJSON row (about; ids grow). */
  static int ndjsonRowBytes() {
    return 40 + TEXT_BYTES;
  }

  private static String text(long row) {
    StringBuilder s = new StringBuilder(TEXT_BYTES);
    s.append(row).append(':');
    while (s.length() < TEXT_BYTES) {
      s.append((char) ('a' + (s.length() * 7 + row) % 26));
    }
    return s.toString();
  }

  private static RecordBatch batch() {
    int rows = ROWS_PER_BATCH;
    ByteBuffer ids = le(rows * 8);
    ByteBuffer scores = le(rows * 8);
    ByteBuffer offsets = le((rows + 1) * 4);
    ByteBuffer data = le(rows * TEXT_BYTES);
    for (int i = 0; i < rows; i++) {
      ids.putLong(i * 8, i);
      scores.putDouble(i * 8, (i % 1000) * 0.5);
      byte[] t = text(i).getBytes(StandardCharsets.UTF_8);
      data.put(i * TEXT_BYTES, t);
      offsets.putInt((i + 1) * 4, (i + 1) * TEXT_BYTES);
    }
    return new RecordBatch(SCHEMA, rows, List.of(
        new ArrayData(SCHEMA.field(0), rows, 0, List.of(ArrayData.emptyBuffer(), ids), List.of(), null),
        new ArrayData(SCHEMA.field(1), rows, 0, List.of(ArrayData.emptyBuffer(), scores), List.of(), null),
        new ArrayData(SCHEMA.field(2), rows, 0, List.of(ArrayData.emptyBuffer(), offsets, data), List.of(),
            null)));
  }

  private static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
