package dev.quiver.json;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Helpers: JSON text -> batches -> JSON text. */
final class JsonTestSupport {
  private JsonTestSupport() {}

  static List<RecordBatch> read(String json, boolean ndjson, Schema schema, int batchSize) {
    return read(json, ndjson, schema, batchSize, JsonLimits.defaults());
  }

  static List<RecordBatch> read(String json, boolean ndjson, Schema schema, int batchSize, JsonLimits limits) {
    try (RowsReader r = new RowsReader(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ndjson, schema, batchSize, limits)) {
      List<RecordBatch> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(r.next());
      }
      return out;
    }
  }

  static Schema readSchema(String json, boolean ndjson, Schema schema) {
    try (RowsReader r = new RowsReader(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ndjson, schema, 1000,
        JsonLimits.defaults())) {
      return r.schema();
    }
  }

  static String write(List<RecordBatch> batches, boolean ndjson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RowsWriter w = new RowsWriter(out, ndjson)) {
      for (RecordBatch b : batches) {
        w.write(b);
      }
      w.finish();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Rows with one column "v" of the given type, as a JSON array text. */
  static String column(String... values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"v\":").append(values[i]).append('}');
    }
    return sb.append(']').toString();
  }

  static Schema schemaOf(String type, boolean nullable) {
    return SchemaJson.parse("{\"fields\":[{\"name\":\"v\",\"type\":\"" + type + "\",\"nullable\":" + nullable + "}]}");
  }
}
