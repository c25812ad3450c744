package dev.quiver.json.write;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;

/** Types outside the JSON value mapping of the brief; output only. */
final class ExtraWriters {
  private ExtraWriters() {}

  static ValueWriter create(ArrayData data, String path) {
    throw new IllegalArgumentException("field \"" + path + "\": type " + ValueWriters.typeOf(data.field())
        + " cannot be written as JSON rows");
  }

  static boolean supports(ArrowType t) {
    return false;
  }
}
