package dev.quiver.ipc;

/**
 * Caps on what a reader accepts from untrusted input; going over one raises
 * {@link dev.quiver.columnar.LimitExceededException}.
 *
 * @param maxMetadataBytes largest flatbuffer metadata of one message
 * @param maxBodyBytes largest body of one message (and so of one record batch)
 * @param maxNestingDepth deepest nesting of fields
 * @param maxFields most fields in a schema, counting nested children
 * @param maxDecompressedBytes most bytes the compressed buffers of one message may declare (and
 *     decompress to) in total, and so also the largest single decompressed buffer; checked before anything
 *     is allocated
 * @param maxBatchValues most values one record or dictionary batch may hold: its row count, and the sum of
 *     the lengths of all its arrays (rows x columns for a flat batch, plus the children of nested arrays). A
 *     null-typed or run-end encoded array costs almost no bytes whatever its length, so without this cap a
 *     message of a few hundred bytes could describe billions of values for a consumer to produce
 */
public record IpcLimits(int maxMetadataBytes, long maxBodyBytes, int maxNestingDepth, int maxFields,
    long maxDecompressedBytes, long maxBatchValues) {
  /** The default cap of decompressed bytes per message: what fits a Java array. */
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = Integer.MAX_VALUE - 64;
  /** The default cap of values per batch: 2^28 (268,435,456). */
  public static final long DEFAULT_MAX_BATCH_VALUES = 1L << 28;

  public IpcLimits {
    if (maxDecompressedBytes < 0) {
      throw new IllegalArgumentException("maxDecompressedBytes < 0: " + maxDecompressedBytes);
    }
    if (maxBatchValues < 0) {
      throw new IllegalArgumentException("maxBatchValues < 0: " + maxBatchValues);
    }
  }

  /** Limits with the default {@link #DEFAULT_MAX_BATCH_VALUES}. */
  public IpcLimits(
      int maxMetadataBytes, long maxBodyBytes, int maxNestingDepth, int maxFields, long maxDecompressedBytes) {
    this(maxMetadataBytes, maxBodyBytes, maxNestingDepth, maxFields, maxDecompressedBytes,
        DEFAULT_MAX_BATCH_VALUES);
  }

  /** Limits with the default {@link #DEFAULT_MAX_DECOMPRESSED_BYTES} and {@link #DEFAULT_MAX_BATCH_VALUES}. */
  public IpcLimits(int maxMetadataBytes, long maxBodyBytes, int maxNestingDepth, int maxFields) {
    this(maxMetadataBytes, maxBodyBytes, maxNestingDepth, maxFields, DEFAULT_MAX_DECOMPRESSED_BYTES);
  }

  public static IpcLimits defaults() {
    return new IpcLimits(64 << 20, Integer.MAX_VALUE - 64, 64, 10_000, DEFAULT_MAX_DECOMPRESSED_BYTES,
        DEFAULT_MAX_BATCH_VALUES);
  }

  /** These limits with another {@code maxDecompressedBytes}. */
  public IpcLimits withMaxDecompressedBytes(long maxDecompressedBytes) {
    return new IpcLimits(
        maxMetadataBytes, maxBodyBytes, maxNestingDepth, maxFields, maxDecompressedBytes, maxBatchValues);
  }

  /** These limits with another {@code maxBatchValues}. */
  public IpcLimits withMaxBatchValues(long maxBatchValues) {
    return new IpcLimits(
        maxMetadataBytes, maxBodyBytes, maxNestingDepth, maxFields, maxDecompressedBytes, maxBatchValues);
  }
}
