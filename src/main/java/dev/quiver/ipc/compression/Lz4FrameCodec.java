package dev.quiver.ipc.compression;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;
import org.apache.arrow.flatbuf.CompressionType;

/**
 * LZ4_FRAME body compression: one LZ4 frame (the frame format, not raw blocks nor Hadoop framing) per
 * buffer, independent blocks, with the content size in the frame header. Decompression accepts what the
 * frame format allows (block or content checksums, dependent blocks, concatenated frames).
 */
public final class Lz4FrameCodec implements BodyCodec {
  private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();
  private static final XXHashFactory XXHASH = XXHashFactory.fastestInstance();

  @Override
  public byte compressionType() {
    return CompressionType.LZ4_FRAME;
  }

  @Override
  public byte[] compress(ByteBuffer source) {
    byte[] src = BodyCodec.bytes(source);
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length / 2 + 32);
    try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out, blockSize(src.length), src.length,
        LZ4.fastCompressor(), XXHASH.hash32(), LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
        LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE)) {
      lz4.write(src);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The smallest frame block size holding the whole buffer (so the block buffer is no larger than needed). */
  private static LZ4FrameOutputStream.BLOCKSIZE blockSize(int length) {
    for (LZ4FrameOutputStream.BLOCKSIZE size : LZ4FrameOutputStream.BLOCKSIZE.values()) {
      if (length <= 1 << (2 * size.getIndicator() + 8)) {
        return size;
      }
    }
    return LZ4FrameOutputStream.BLOCKSIZE.SIZE_4MB;
  }

  /**
   * An LZ4 sequence costs at least one byte per 255 bytes of match length, so a block expands at most about
   * 255 times; the frame and block headers only lower that. Twice that bound leaves ample margin.
   */
  @Override
  public long maxDecompressedLength(long payloadLength) {
    return payloadLength * 512 + 65_536;
  }

  @Override
  public long decompress(ByteBuffer payload, byte[] target) {
    byte[] src = BodyCodec.bytes(payload);
    try (LZ4FrameInputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(src),
        LZ4.safeDecompressor(), XXHASH.hash32(), false)) {
      int filled = 0;
      while (filled < target.length) {
        int n = in.read(target, filled, target.length - filled);
        if (n < 0) {
          return filled;
        }
        filled += n;
      }
      return in.read() < 0 ? filled : -1;
    } catch (IOException | RuntimeException e) {
      throw new CorruptPayloadException("invalid LZ4 frame: " + e.getMessage(), e);
    }
  }
}
