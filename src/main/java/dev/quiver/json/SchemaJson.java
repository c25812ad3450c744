package dev.quiver.json;

import dev.quiver.columnar.Schema;

/**
 * The JSON form of a schema (see the HTTP contract): fields with pyarrow-style type strings, nullable,
 * metadata, children. API PLACEHOLDER (json work replaces the bodies).
 */
public final class SchemaJson {
  private SchemaJson() {}

  public static Schema parse(String json) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public static String toJson(Schema schema) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
