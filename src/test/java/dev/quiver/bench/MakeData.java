package dev.quiver.bench;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the Arrow streams the HTTP benchmark stores: {@code large.arrows}, one record batch of about 64 MB
 * (4 Mi rows of int64 and float64), and {@code small.arrows}, one record batch whose single-batch stream is
 * about 1 KB (24 rows of int64 and a short string).
 *
 * <p>Usage: {@code java -cp ... dev.quiver.bench.MakeData <dir>}
 */
public final class MakeData {
  private MakeData() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    write(dir.resolve("large.arrows"), numbers(4 << 20));
    write(dir.resolve("small.arrows"), small(24));
  }

  private static RecordBatch numbers(int rows) {
    Schema schema = new Schema(List.of(
        Field.of("id", new ArrowType.Int(64, true), false),
        Field.of("value", new ArrowType.FloatingPoint(ArrowType.Precision.DOUBLE), false)), Map.of());
    ByteBuffer ids = le(rows * 8);
    ByteBuffer values = le(rows * 8);
    for (int i = 0; i < rows; i++) {
      ids.putLong(i * 8, 1_000_000_000L + i);
      values.putDouble(i * 8, i * 0.25);
    }
    return new RecordBatch(schema, rows, List.of(
        new ArrayData(schema.field(0), rows, 0, List.of(ArrayData.emptyBuffer(), ids), List.of(), null),
        new ArrayData(schema.field(1), rows, 0, List.of(ArrayData.emptyBuffer(), values), List.of(), null)));
  }

  private static RecordBatch small(int rows) {
    Schema schema = new Schema(List.of(
        Field.of("id", new ArrowType.Int(64, true), false),
        Field.of("name", new ArrowType.Utf8(), false)), Map.of());
    ByteBuffer ids = le(rows * 8);
    ByteBuffer offsets = le((rows + 1) * 4);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      ids.putLong(i * 8, i);
      text.append("name-").append(i);
      offsets.putInt((i + 1) * 4, text.length());
    }
    ByteBuffer data = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)).order(ByteOrder.LITTLE_ENDIAN);
    return new RecordBatch(schema, rows, List.of(
        new ArrayData(schema.field(0), rows, 0, List.of(ArrayData.emptyBuffer(), ids), List.of(), null),
        new ArrayData(schema.field(1), rows, 0, List.of(ArrayData.emptyBuffer(), offsets, data), List.of(),
            null)));
  }

  private static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void write(Path path, RecordBatch batch) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        StreamWriter writer = new StreamWriter(out, batch.schema(), WriteOptions.defaults())) {
      writer.write(batch);
      writer.end();
    }
  }
}
