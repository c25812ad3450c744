package dev.quiver.ipc;

/**
 * Caps on what a reader accepts from untrusted input; going over one raises
 * {@link dev.quiver.columnar.LimitExceededException}.
 *
 * @param maxMetadataBytes largest flatbuffer metadata of one message
 * @param maxBodyBytes largest body of one message (and so of one record batch)
 * @param maxNestingDepth deepest nesting of fields
 * @param maxFields most fields in a schema, counting nested children
 */
public record IpcLimits(int maxMetadataBytes, long maxBodyBytes, int maxNestingDepth, int maxFields) {
  public static IpcLimits defaults() {
    return new IpcLimits(64 << 20, Integer.MAX_VALUE - 64, 64, 10_000);
  }
}
