package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.ipc.compression.BodyCodec;
import dev.quiver.ipc.compression.BodyCodecs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.flatbuf.BodyCompressionMethod;

/**
 * Turns the on-wire buffers of one compressed message body into plain heap buffers.
 *
 * <pre>
 * on-wire buffer:  (empty)                          an empty buffer, no prefix
 *                  int64 LE -1 | raw bytes          stored uncompressed
 *                  int64 LE n  | codec frame        decompresses to exactly n bytes (n = 0: empty)
 * </pre>
 *
 * The declared sizes are untrusted: each one, and their running total over the message, is checked against
 * {@link IpcLimits#maxDecompressedBytes()} before the target is allocated, and the payload must decompress
 * to exactly the declared size.
 */
final class BufferDecompressor {
  private static final long RAW = -1;
  private static final int PREFIX = 8;

  private final BodyCodec codec;
  private final String codecName;
  private final long budget;
  private long used;

  private BufferDecompressor(BodyCodec codec, String codecName, long budget) {
    this.codec = codec;
    this.codecName = codecName;
    this.budget = budget;
  }

  /** The decompressor for a RecordBatch's compression table, or null when the body is not compressed. */
  static BufferDecompressor of(org.apache.arrow.flatbuf.BodyCompression compression, IpcLimits limits,
      String where) {
    if (compression == null) {
      return null;
    }
    if (compression.method() != BodyCompressionMethod.BUFFER) {
      throw new ArrowFormatException(where + ": unknown body compression method " + compression.method()
          + " (only BUFFER is defined)");
    }
    byte type = compression.codec();
    BodyCodec codec = BodyCodecs.forType(type);
    if (codec == null) {
      throw new ArrowFormatException(where + ": unknown body compression " + BodyCodecs.name(type));
    }
    return new BufferDecompressor(codec, BodyCodecs.name(type), limits.maxDecompressedBytes());
  }

  /** The plain bytes of one on-wire buffer; {@code here} names message, column and buffer. */
  ByteBuffer decompress(ByteBuffer wire, String here) {
    int length = wire.capacity();
    if (length == 0) {
      return ArrayData.emptyBuffer();
    }
    if (length < PREFIX) {
      throw new ArrowFormatException(here + ": compressed buffer of " + length
          + " bytes is shorter than its 8-byte length prefix");
    }
    long declared = wire.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    ByteBuffer payload = wire.slice(PREFIX, length - PREFIX).order(ByteOrder.LITTLE_ENDIAN);
    if (declared == RAW) {
      return payload;
    }
    if (declared < 0) {
      throw new ArrowFormatException(here + ": negative uncompressed length " + declared);
    }
    if (declared == 0) {
      return ArrayData.emptyBuffer();
    }
    if (declared > budget - used || declared > Integer.MAX_VALUE - 8) {
      throw new LimitExceededException(here + ": " + codecName + " buffer declares " + declared
          + " uncompressed bytes; with the " + used + " bytes decompressed before in this message that exceeds"
          + " the limit of " + Math.min(budget, Integer.MAX_VALUE - 8) + " bytes");
    }
    long possible = codec.maxDecompressedLength(payload.remaining());
    if (declared > possible) {
      throw new ArrowFormatException(here + ": " + codecName + " buffer declares " + declared
          + " uncompressed bytes, but a " + payload.remaining() + "-byte " + codecName
          + " payload decompresses to at most " + possible + " bytes");
    }
    used += declared;
    byte[] target = new byte[(int) declared];
    long actual;
    try {
      actual = codec.decompress(payload, target);
    } catch (BodyCodec.CorruptPayloadException e) {
      throw new ArrowFormatException(here + ": " + e.getMessage(), e);
    }
    if (actual != declared) {
      throw new ArrowFormatException(here + ": " + codecName + " buffer decompresses to "
          + (actual < 0 ? "more than the " + declared + " bytes its prefix declares"
              : actual + " bytes, its prefix declares " + declared));
    }
    return ByteBuffer.wrap(target).order(ByteOrder.LITTLE_ENDIAN);
  }
}
