package dev.quiver.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.apache.arrow.vector.util.Text;

/**
 * Test data written and read with arrow-java, the reference implementation: a table (id int64, name utf8,
 * score float64) in batches, and the rows of any Arrow stream or file as maps of plain Java values.
 */
public final class ArrowJavaIo {
  private ArrowJavaIo() {}

  /** Row {@code i} of the sample table: id i+1, name "name-i", score i*0.5 (null every 3rd row). */
  public static Map<String, Object> sampleRow(int i) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", (long) i + 1);
    row.put("name", "name-" + i);
    row.put("score", i % 3 == 2 ? null : i * 0.5);
    return row;
  }

  /** The sample table as an Arrow stream or file with batches of the given lengths. */
  public static byte[] sample(boolean file, int... batchLengths) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        BigIntVector id = new BigIntVector("id", allocator);
        VarCharVector name = new VarCharVector("name", allocator);
        Float8Vector score = new Float8Vector("score", allocator);
        VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(id, name, score))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ArrowWriter writer = file
          ? new ArrowFileWriter(root, null, Channels.newChannel(bytes))
          : new ArrowStreamWriter(root, null, Channels.newChannel(bytes))) {
        writer.start();
        int row = 0;
        for (int length : batchLengths) {
          root.allocateNew();
          for (int i = 0; i < length; i++, row++) {
            Map<String, Object> values = sampleRow(row);
            id.setSafe(i, (Long) values.get("id"));
            name.setSafe(i, new Text((String) values.get("name")));
            if (values.get("score") == null) {
              score.setNull(i);
            } else {
              score.setSafe(i, (Double) values.get("score"));
            }
          }
          root.setRowCount(length);
          writer.writeBatch();
        }
        writer.end();
      }
      return bytes.toByteArray();
    }
  }

  /** The rows of every batch of an Arrow stream or file, read by arrow-java. */
  public static List<List<Map<String, Object>>> read(byte[] ipc, boolean file) throws IOException {
    List<List<Map<String, Object>>> batches = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowReader reader = file
            ? new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(ipc), allocator)
            : new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < root.getRowCount(); r++) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (FieldVector vector : root.getFieldVectors()) {
            row.put(vector.getName(), plain(vector.getObject(r)));
          }
          rows.add(row);
        }
        batches.add(rows);
      }
    }
    return batches;
  }

  /** All rows of an Arrow stream or file, batches concatenated. */
  public static List<Map<String, Object>> rows(byte[] ipc, boolean file) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    read(ipc, file).forEach(rows::addAll);
    return rows;
  }

  /** The expected rows {@code from} to {@code to - 1} of the sample table. */
  public static List<Map<String, Object>> sampleRows(int from, int to) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(sampleRow(i));
    }
    return rows;
  }

  private static Object plain(Object value) {
    if (value instanceof Text text) {
      return text.toString();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    return value;
  }

  /** The sample rows as a JSON array. */
  public static String sampleJson(int from, int to) {
    StringBuilder json = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      Map<String, Object> row = sampleRow(i);
      if (i > from) {
        json.append(",\n");
      }
      json.append("{\"id\":").append(row.get("id"))
          .append(",\"name\":\"").append(row.get("name")).append('"')
          .append(",\"score\":").append(row.get("score")).append('}');
    }
    return json.append("]").toString();
  }
}
