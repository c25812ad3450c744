package dev.quiver.ipc;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the Arrow IPC framing.
 *
 * <pre>
 * encapsulated message:  FF FF FF FF | int32 LE metadataSize | Message flatbuffer + zero padding | body
 *                        (8 + metadataSize) and the body length are multiples of 8
 * end of stream:         FF FF FF FF 00 00 00 00
 * file:                  "ARROW1" 00 00 | stream | Footer flatbuffer | int32 LE footer length | "ARROW1"
 * </pre>
 */
public final class IpcFormat {
  private IpcFormat() {}

  public static final int CONTINUATION_MARKER = 0xFFFFFFFF;
  public static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
  /** The magic padded to 8 bytes, as a file starts. */
  public static final int FILE_HEADER_LENGTH = 8;
  public static final int ALIGNMENT = 8;
  public static final byte[] END_OF_STREAM = {-1, -1, -1, -1, 0, 0, 0, 0};

  /** Rounds {@code n} up to a multiple of 8. */
  public static long padded(long n) {
    return (n + 7) & ~7L;
  }
}
