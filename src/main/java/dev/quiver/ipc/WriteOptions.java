package dev.quiver.ipc;

/**
 * How a writer encodes messages.
 *
 * @param compression body compression of record batch and dictionary batch messages (never null)
 */
public record WriteOptions(BodyCompression compression) {
  public WriteOptions {
    if (compression == null) {
      throw new IllegalArgumentException("compression == null");
    }
  }

  /** Uncompressed bodies. */
  public static WriteOptions defaults() {
    return new WriteOptions(BodyCompression.NONE);
  }

  public static WriteOptions of(BodyCompression compression) {
    return new WriteOptions(compression);
  }
}
