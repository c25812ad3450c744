package dev.quiver.ipc.compression;

import org.apache.arrow.flatbuf.CompressionType;

/** The codecs by flatbuffer {@code CompressionType} value. */
public final class BodyCodecs {
  private static final BodyCodec LZ4_FRAME = new Lz4FrameCodec();
  private static final BodyCodec ZSTD = new ZstdCodec();

  private BodyCodecs() {}

  /** The codec of a {@code CompressionType} value, or null for a value this build does not know. */
  public static BodyCodec forType(byte compressionType) {
    return switch (compressionType) {
      case CompressionType.LZ4_FRAME -> LZ4_FRAME;
      case CompressionType.ZSTD -> ZSTD;
      default -> null;
    };
  }

  /** The name of a {@code CompressionType} value, for messages ("codec 7" when unknown). */
  public static String name(byte compressionType) {
    return compressionType >= 0 && compressionType < CompressionType.names.length
        ? CompressionType.name(compressionType) : "codec " + compressionType;
  }
}
