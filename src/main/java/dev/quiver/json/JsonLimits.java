package dev.quiver.json;

/**
 * Caps on JSON input, each answered with {@link dev.quiver.columnar.LimitExceededException} (413):
 *
 * @param maxNestingDepth deepest nesting of arrays/objects in the JSON document (the rows array counts)
 * @param maxStringLength longest string value, in characters
 * @param maxFields most keys in one object, and most fields in an inferred schema (all levels)
 * @param maxRowBytes largest single row (and "schema" member), in bytes of JSON text
 * @param maxBatchValues most values in one batch of integration JSON: its "count", and the counts of all its
 *     arrays added up (a null-typed column is only a "count", so without this cap a few bytes could ask
 *     for billions of values)
 */
public record JsonLimits(
    int maxNestingDepth, int maxStringLength, int maxFields, long maxRowBytes, long maxBatchValues) {
  /** The default cap of values per batch: 2^28 (268,435,456), as for Arrow IPC input. */
  public static final long DEFAULT_MAX_BATCH_VALUES = 1L << 28;

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
    if (maxBatchValues < 0) {
      throw new IllegalArgumentException("maxBatchValues < 0: " + maxBatchValues);
    }
  }

  /** These caps with the default {@link #DEFAULT_MAX_BATCH_VALUES}. */
  public JsonLimits(int maxNestingDepth, int maxStringLength, int maxFields, long maxRowBytes) {
    this(maxNestingDepth, maxStringLength, maxFields, maxRowBytes, DEFAULT_MAX_BATCH_VALUES);
  }

  /** These limits with another {@code maxBatchValues}. */
  public JsonLimits withMaxBatchValues(long maxBatchValues) {
    return new JsonLimits(maxNestingDepth, maxStringLength, maxFields, maxRowBytes, maxBatchValues);
  }

  /** Depth and string caps with the default field and row-size caps. */
  public JsonLimits(int maxNestingDepth, int maxStringLength) {
    this(maxNestingDepth, maxStringLength, 10_000, 64L << 20);
  }

  public static JsonLimits defaults() {
    return new JsonLimits(64, 16 << 20);
  }
}
