package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;

/** A builder that can hold a dictionary's values: deduplicated by the bytes of the last value. */
interface DictionaryValues {
  void append(JsonValue value, RowContext ctx);

  int length();

  /** The bytes of the last appended value. */
  FixedWidthBuilder.Key lastKey();

  /** Removes the last appended value. */
  void removeLast();

  /** All values so far as an array, without starting over (later appends do not change it). */
  ArrayData snapshot();
}
