package dev.quiver.ipc.compression;

import java.nio.ByteBuffer;

/**
 * One Arrow body compression codec: compresses a whole buffer into one self-contained frame and
 * decompresses a frame into a buffer of exactly the declared size. Implementations are stateless and
 * thread-safe.
 */
public interface BodyCodec {
  /** The flatbuffer {@code CompressionType} value this codec implements. */
  byte compressionType();

  /** The payload (no length prefix) compressing the bytes of {@code source} from position to limit. */
  byte[] compress(ByteBuffer source);

  /**
   * Decompresses {@code payload} (position to limit) into {@code target}, which has exactly the declared
   * uncompressed size. Returns the number of bytes the payload decompresses to, or -1 when it holds more
   * than {@code target.length} bytes (nothing past the target is ever allocated).
   *
   * @throws CorruptPayloadException when the payload is not a valid frame of this codec
   */
  long decompress(ByteBuffer payload, byte[] target);

  /**
   * The most bytes a valid payload of {@code payloadLength} bytes can decompress to: the codec's largest
   * possible expansion ratio. A declared length above it cannot be honest, so it is refused before the
   * target is allocated (a few hundred bytes never cost gigabytes of memory).
   */
  long maxDecompressedLength(long payloadLength);

  /** A payload that is not a valid frame; the caller adds where it was found. */
  final class CorruptPayloadException extends RuntimeException {
    public CorruptPayloadException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The bytes of {@code buffer} from position to limit as an array (no copy when it is a whole array). */
  static byte[] bytes(ByteBuffer buffer) {
    if (buffer.hasArray() && buffer.arrayOffset() + buffer.position() == 0
        && buffer.remaining() == buffer.array().length) {
      return buffer.array();
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
