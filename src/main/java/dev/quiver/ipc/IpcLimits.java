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
 */
public record IpcLimits(
    int maxMetadataBytes, long maxBodyBytes, int maxNestingDepth, int maxFields, long maxDecompressedBytes) {
  /** The default cap of decompressed bytes per message: what fits a Java array. */
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = Integer.MAX_VALUE - 64;

  public IpcLimits {
    if (maxDecompressedBytes < 0) {
      throw new IllegalArgumentException("maxDecompressedBytes < 0: " + maxDecompressedBytes);
    }
  }

  /** Limits with the default {@link #DEFAULT_MAX_DECOMPRESSED_BYTES}. */
  public IpcLimits(int maxMetadataBytes, long maxBodyBytes, int maxNestingDepth, int maxFields) {
    this(maxMetadataBytes, maxBodyBytes, maxNestingDepth, maxFields, DEFAULT_MAX_DECOMPRESSED_BYTES);
  }

  public static IpcLimits defaults() {
    return new IpcLimits(64 << 20, Integer.MAX_VALUE - 64, 64, 10_000, DEFAULT_MAX_DECOMPRESSED_BYTES);
  }

  /** These limits with another {@code maxDecompressedBytes}. */
  public IpcLimits withMaxDecompressedBytes(long maxDecompressedBytes) {
    return new IpcLimits(maxMetadataBytes, maxBodyBytes, maxNestingDepth, maxFields, maxDecompressedBytes);
  }
}
