package dev.quiver.web;

import dev.quiver.ipc.BodyCompression;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;

/**
 * Passes an Arrow IPC stream through unchanged while noting the body compression of its first record
 * batch, so an uploaded stream can be stored with the compression it came with. Only watches the framing
 * (prefix, metadata, body lengths); it never rejects anything: on anything unexpected it stops watching
 * and answers NONE, and the stream reader that consumes the bytes reports the problem.
 */
final class CompressionProbe extends FilterInputStream {
  /** Metadata larger than this is not parsed (the reader's limits apply to it anyway). */
  private static final int MAX_METADATA = 1 << 20;

  private final byte[] prefix = new byte[8];
  private int prefixFill;
  private byte[] metadata;
  private int metadataFill;
  private long bodyLeft;
  private boolean done;
  private BodyCompression found = BodyCompression.NONE;

  CompressionProbe(InputStream in) {
    super(in);
  }

  /** The compression of the first record batch seen so far (NONE before it, or if there is none). */
  BodyCompression compression() {
    return found;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0 && !done) {
      watch(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0 && !done) {
      watch(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] scratch = new byte[(int) Math.min(n, 8192)];
    int read = read(scratch, 0, scratch.length);
    return Math.max(read, 0);
  }

  private void watch(byte[] b, int offset, int length) {
    try {
      int i = offset;
      int end = offset + length;
      while (i < end && !done) {
        if (bodyLeft > 0) {
          int skip = (int) Math.min(bodyLeft, end - i);
          bodyLeft -= skip;
          i += skip;
        } else if (metadata != null) {
          int take = Math.min(metadata.length - metadataFill, end - i);
          System.arraycopy(b, i, metadata, metadataFill, take);
          metadataFill += take;
          i += take;
          if (metadataFill == metadata.length) {
            message();
          }
        } else {
          prefix[prefixFill++] = b[i++];
          prefixLength();
        }
      }
    } catch (RuntimeException e) {
      done = true;
    }
  }

  /** After each prefix byte: starts the metadata once the length is known. */
  private void prefixLength() {
    ByteBuffer p = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN);
    if (prefixFill == 4 && p.getInt(0) != -1) {
      start(p.getInt(0)); // legacy framing: no continuation marker
    } else if (prefixFill == 8) {
      start(p.getInt(4));
    }
  }

  private void start(int length) {
    prefixFill = 0;
    if (length <= 0 || length > MAX_METADATA) {
      done = true; // end-of-stream, or nothing this probe parses
      return;
    }
    metadata = new byte[length];
    metadataFill = 0;
  }

  private void message() {
    Message message = Message.getRootAsMessage(ByteBuffer.wrap(metadata).order(ByteOrder.LITTLE_ENDIAN));
    metadata = null;
    if (message.headerType() == MessageHeader.RecordBatch) {
      BodyCompression c = StoredCompression.compression(message);
      found = c == null ? BodyCompression.NONE : c;
      done = true;
      return;
    }
    bodyLeft = message.bodyLength();
    if (bodyLeft < 0) {
      done = true;
    }
  }
}
