package dev.quiver.ipc;

import dev.quiver.columnar.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;

/**
 * Reads encapsulated messages one at a time from an InputStream, in current or legacy framing.
 *
 * <pre>
 * current:  FF FF FF FF | int32 LE metadataSize | flatbuffer + padding | body (Message.bodyLength bytes)
 * legacy:   int32 LE metadataSize (&gt; 0)        | flatbuffer + padding | body
 * end:      FF FF FF FF 00 00 00 00, or legacy 00 00 00 00, or the end of input at a message boundary
 * </pre>
 *
 * Lengths are checked against {@link IpcLimits} before anything is allocated, and a buffer is allocated at
 * its full length only when the input already holds that many bytes ({@link InputStream#available()}, exact
 * for in-memory and file input); otherwise it grows only as bytes actually arrive, so a lying length costs
 * no memory.
 */
final class MessageReader {
  private static final int CHUNK = 1 << 20;

  private final InputStream in;
  private final IpcLimits limits;
  private final byte[] word = new byte[4];
  private final boolean reuseBatchBodies;
  private byte[] batchBody;
  private long position;
  private int index;
  private boolean ended;

  MessageReader(InputStream in, IpcLimits limits) {
    this(in, limits, false);
  }

  /**
   * With {@code reuseBatchBodies}, every RecordBatch message's body is read into one array that the next
   * RecordBatch message overwrites (grown when a larger body arrives, as bytes arrive); other messages
   * always get their own array.
   */
  MessageReader(InputStream in, IpcLimits limits, boolean reuseBatchBodies) {
    this.in = in;
    this.limits = limits;
    this.reuseBatchBodies = reuseBatchBodies;
  }

  /** Bytes consumed from the input so far. */
  long bytesRead() {
    return position;
  }

  /** The next message, or null at end of stream. */
  IpcMessage next() {
    if (ended) {
      return null;
    }
    long start = position;
    String where = IpcMessage.where(index, start);
    int n = readUpTo(word, 4);
    if (n == 0) {
      ended = true;
      return null;
    }
    if (n < 4) {
      throw new ArrowFormatException(where + ": truncated message prefix (" + n + " of 4 bytes)");
    }
    int first = intLe(word);
    boolean legacy;
    int metadataSize;
    if (first == IpcFormat.CONTINUATION_MARKER) {
      if (readUpTo(word, 4) < 4) {
        throw new ArrowFormatException(where + ": truncated message prefix (continuation marker without length)");
      }
      legacy = false;
      metadataSize = intLe(word);
      if (metadataSize < 0) {
        throw new ArrowFormatException(where + ": negative metadata length " + metadataSize);
      }
    } else if (first < 0) {
      throw new ArrowFormatException(where + ": negative continuation token " + first
          + " (expected FF FF FF FF or a legacy length)");
    } else {
      legacy = true;
      metadataSize = first;
    }
    if (metadataSize == 0) {
      ended = true;
      return null;
    }
    if (metadataSize > limits.maxMetadataBytes()) {
      throw new LimitExceededException(where + ": message metadata of " + metadataSize
          + " bytes exceeds the limit of " + limits.maxMetadataBytes());
    }
    ByteBuffer metadata = wrap(readExactly(metadataSize, where, "metadata"), metadataSize);
    Message message = MessageDecoder.decode(metadata, limits, where);
    long bodyLength = message.bodyLength();
    ByteBuffer body;
    if (reuseBatchBodies && message.headerType() == MessageHeader.RecordBatch) {
      if (batchBody != null && bodyLength <= batchBody.length) {
        readInto(batchBody, (int) bodyLength, where, "body");
      } else {
        batchBody = null; // the old array is not kept alive while a larger one fills
        batchBody = readExactly(bodyLength, where, "body");
      }
      body = wrap(batchBody, (int) bodyLength);
    } else {
      body = wrap(readExactly(bodyLength, where, "body"), (int) bodyLength);
    }
    index++;
    return new IpcMessage(index - 1, start, where, legacy, metadata, message, body);
  }

  private static ByteBuffer wrap(byte[] bytes, int length) {
    return ByteBuffer.wrap(bytes, 0, length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int intLe(byte[] b) {
    return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
  }

  /** Bytes the input holds that can be read without blocking; 0 when it cannot tell. */
  private long available() {
    try {
      return Math.max(0, in.available());
    } catch (IOException e) {
      return 0;
    }
  }

  private int readUpTo(byte[] buf, int count) {
    int filled = 0;
    try {
      while (filled < count) {
        int r = in.read(buf, filled, count - filled);
        if (r < 0) {
          break;
        }
        filled += r;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    position += filled;
    return filled;
  }

  /** Reads exactly {@code length} bytes into the start of {@code buf}, which holds at least that many. */
  private void readInto(byte[] buf, int length, String where, String what) {
    int filled = 0;
    while (filled < length) {
      filled += readSome(buf, filled, length, length, where, what);
    }
    position += filled;
  }

  /**
   * Reads exactly {@code length} bytes into an array of that length: allocated at once when the input
   * says it holds them already (or they are few), else grown only as input arrives.
   */
  private byte[] readExactly(long length, String where, String what) {
    byte[] buf = new byte[(int) Math.min(length, Math.max(CHUNK, available()))];
    int filled = 0;
    while (filled < length) {
      if (filled == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(length, (long) buf.length * 2));
      }
      filled += readSome(buf, filled, buf.length, length, where, what);
    }
    position += filled;
    return buf;
  }

  /**
   * One read into {@code buf[filled, end)} of an item of {@code length} bytes; the end of input before
   * the item is complete is a truncation error.
   */
  private int readSome(byte[] buf, int filled, int end, long length, String where, String what) {
    int r;
    try {
      r = in.read(buf, filled, end - filled);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (r < 0) {
      position += filled;
      throw new ArrowFormatException(where + ": truncated " + what + " (" + filled + " of "
          + length + " bytes before end of input)");
    }
    return r;
  }
}
