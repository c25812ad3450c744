package dev.quiver.columnar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The top-level fields of Arrow data, in order (names may repeat), and schema metadata in key order. */
public record Schema(List<Field> fields, Map<String, String> metadata) {
  public Schema {
    fields = List.copyOf(fields);
    metadata = metadata == null || metadata.isEmpty()
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  public Schema(List<Field> fields) {
    this(fields, Map.of());
  }

  public Field field(int i) {
    return fields.get(i);
  }

  public int size() {
    return fields.size();
  }
}
