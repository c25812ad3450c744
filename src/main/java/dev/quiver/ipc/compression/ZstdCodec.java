package dev.quiver.ipc.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.nio.ByteBuffer;
import org.apache.arrow.flatbuf.CompressionType;

/** ZSTD body compression: one zstd frame per buffer (zstd-jni, the reference library). */
public final class ZstdCodec implements BodyCodec {
  /** zstd's default level, what arrow-java, arrow-rs and Arrow C++ use unless told otherwise. */
  public static final int DEFAULT_LEVEL = 3;

  private final int level;

  public ZstdCodec() {
    this(DEFAULT_LEVEL);
  }

  public ZstdCodec(int level) {
    this.level = level;
  }

  @Override
  public byte compressionType() {
    return CompressionType.ZSTD;
  }

  @Override
  public byte[] compress(ByteBuffer source) {
    byte[] src = BodyCodec.bytes(source);
    return Zstd.compress(src, level);
  }

  /**
   * A zstd block decompresses to at most 128 KiB and takes at least 4 bytes (3-byte header, 1-byte RLE
   * run), so a frame expands at most 32768 times, plus one block for the frame header's share.
   */
  @Override
  public long maxDecompressedLength(long payloadLength) {
    return payloadLength * 32_768 + 131_072;
  }

  @Override
  public long decompress(ByteBuffer payload, byte[] target) {
    byte[] src = BodyCodec.bytes(payload);
    long result;
    try {
      result = Zstd.decompressByteArray(target, 0, target.length, src, 0, src.length);
    } catch (ZstdException e) {
      if (e.getErrorCode() == Zstd.errDstSizeTooSmall()) {
        return -1;
      }
      throw new CorruptPayloadException("invalid zstd frame: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CorruptPayloadException("invalid zstd frame: " + e.getMessage(), e);
    }
    if (Zstd.isError(result)) {
      if (Zstd.getErrorCode(result) == Zstd.errDstSizeTooSmall()) {
        return -1;
      }
      throw new CorruptPayloadException("invalid zstd frame: " + Zstd.getErrorName(result), null);
    }
    return result;
  }
}
