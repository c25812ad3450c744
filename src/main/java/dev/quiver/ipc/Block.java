package dev.quiver.ipc;

/**
 * Where one message lies in an Arrow file: {@code offset} is the absolute offset of its prefix,
 * {@code metadataLength} counts prefix and padded metadata, the body follows for {@code bodyLength} bytes.
 */
public record Block(long offset, int metadataLength, long bodyLength) {
  public long end() {
    return offset + metadataLength + bodyLength;
  }
}
