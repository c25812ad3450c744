package dev.quiver.json;

/**
 * Caps on JSON input, each answered with {@link dev.quiver.columnar.LimitExceededException} (413):
 *
 * @param maxNestingDepth deepest nesting of arrays/objects in the JSON document (the rows array counts)
 * @param maxStringLength longest string value, in characters
 * @param maxFields most keys in one object, and most fields in an inferred schema (all levels)
 * @param maxRowBytes largest single row (and "schema" member), in bytes of JSON text
 */
public record JsonLimits(int maxNestingDepth, int maxStringLength, int maxFields, long maxRowBytes) {
  public JsonLimits {
    if (maxNestingDepth < 2) {
      throw new IllegalArgumentException("maxNestingDepth < 2: " + maxNestingDepth);
    }
    if (maxStringLength < 1) {
      throw new IllegalArgumentException("maxStringLength < 1: " + maxStringLength);
    }
    if (maxFields < 1) {
      throw new IllegalArgumentException("maxFields < 1: " + maxFields);
    }
    if (maxRowBytes < 1) {
      throw new IllegalArgumentException("maxRowBytes < 1: " + maxRowBytes);
    }
  }

  /** Depth and string caps with the default field and row-size caps. */
  public JsonLimits(int maxNestingDepth, int maxStringLength) {
    this(maxNestingDepth, maxStringLength, 10_000, 64L << 20);
  }

  public static JsonLimits defaults() {
    return new JsonLimits(64, 16 << 20);
  }
}
