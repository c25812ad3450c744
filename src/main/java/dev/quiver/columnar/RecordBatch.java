package dev.quiver.columnar;

import java.util.List;

/** Columns of equal length under one schema: one array per top-level field, in schema order. */
public record RecordBatch(Schema schema, int length, List<ArrayData> columns) {
  public RecordBatch {
    columns = List.copyOf(columns);
    if (columns.size() != schema.size()) {
      throw new IllegalArgumentException(
          "columns.size() != schema fields: " + columns.size() + " != " + schema.size());
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).length() != length) {
        throw new IllegalArgumentException(
            "column " + i + " length != batch length: " + columns.get(i).length() + " != " + length);
      }
    }
  }

  public ArrayData column(int i) {
    return columns.get(i);
  }
}
