package dev.quiver.ipc;

import dev.quiver.ipc.compression.BodyCodec;
import dev.quiver.ipc.compression.BodyCodecs;
import org.apache.arrow.flatbuf.CompressionType;

/**
 * Body compression a writer applies to record batch and dictionary batch bodies: every buffer compressed
 * on its own (int64 LE uncompressed length, then an LZ4 frame or zstd frame), or stored raw with length
 * -1 when compression would not make it smaller. Readers accept all of them whatever the option.
 */
public enum BodyCompression {
  NONE(null),
  LZ4_FRAME(CompressionType.LZ4_FRAME),
  ZSTD(CompressionType.ZSTD);

  private final Byte compressionType;

  BodyCompression(Byte compressionType) {
    this.compressionType = compressionType;
  }

  /** The codec, or null for NONE. */
  BodyCodec codec() {
    return compressionType == null ? null : BodyCodecs.forType(compressionType);
  }

  /** The option for a flatbuffer {@code CompressionType} value. */
  static BodyCompression of(byte compressionType) {
    for (BodyCompression c : values()) {
      if (c.compressionType != null && c.compressionType == compressionType) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown compression type " + compressionType);
  }

  /** Parses "none", "lz4", "lz4_frame" or "zstd" (any case), as HTTP parameters spell them. */
  public static BodyCompression parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name == null");
    }
    return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "none", "" -> NONE;
      case "lz4", "lz4_frame", "lz4-frame" -> LZ4_FRAME;
      case "zstd" -> ZSTD;
      default -> throw new IllegalArgumentException("unknown body compression '" + name
          + "' (none, lz4_frame or zstd)");
    };
  }
}
