package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MetadataVersion;

/**
 * Writes encapsulated messages and counts the bytes written. Never closes the stream.
 *
 * <pre>
 * FF FF FF FF | int32 LE metadataSize | Message flatbuffer | zero pad | body (multiple of 8)
 *             |&lt;------ metadataSize: flatbuffer + pad, 8 + metadataSize ≡ 0 mod 8 -------&gt;|
 * end of stream: FF FF FF FF 00 00 00 00
 * </pre>
 */
final class MessageWriter {
  private static final int SCRATCH_BYTES = 8192;
  /** Prefix plus metadata up to this size is assembled in one array and written at once. */
  private static final int HEAD_LIMIT = 1 << 20;

  private final OutputStream out;
  /** The prefix and padded metadata of the message being written (grows to the largest one). */
  private byte[] head = new byte[256];
  private long position;

  MessageWriter(OutputStream out) {
    if (out == null) {
      throw new IllegalArgumentException("out == null");
    }
    this.out = out;
  }

  /** Bytes written so far. */
  long position() {
    return position;
  }

  /** A builder for one message's metadata (scalars equal to defaults are written too). */
  static FlatBufferBuilder builder() {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    b.forceDefaults(true);
    return b;
  }

  /** Finishes a V5 Message around a header table built in {@code b}; returns the flatbuffer bytes. */
  static ByteBuffer finishMessage(FlatBufferBuilder b, byte headerType, int header, long bodyLength) {
    Message.startMessage(b);
    Message.addVersion(b, MetadataVersion.V5);
    Message.addHeaderType(b, headerType);
    Message.addHeader(b, header);
    Message.addBodyLength(b, bodyLength);
    int message = Message.endMessage(b);
    Message.finishMessageBuffer(b, message);
    return b.dataBuffer();
  }

  /**
   * Writes one message: prefix, the metadata flatbuffer (from its position to its limit) padded so that
   * the body starts at a multiple of 8, then the body if any. Returns the message's block (its offset
   * counted from the first byte this writer wrote). The prefix and metadata reach the OutputStream in one
   * write, each body buffer in one more.
   */
  Block write(ByteBuffer metadata, EncodedBody body) throws IOException {
    long start = position;
    int flatbufferLength = metadata.remaining();
    long padded = IpcFormat.padded(8L + flatbufferLength);
    if (padded - 8 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("message metadata over 2 GiB: " + flatbufferLength);
    }
    int metadataSize = (int) (padded - 8);
    if (padded <= HEAD_LIMIT) {
      int total = (int) padded;
      if (head.length < total) {
        head = new byte[Math.max(total, Math.min(HEAD_LIMIT, 2 * head.length))];
      }
      putInt(head, 0, IpcFormat.CONTINUATION_MARKER);
      putInt(head, 4, metadataSize);
      metadata.get(metadata.position(), head, 8, flatbufferLength);
      Arrays.fill(head, 8 + flatbufferLength, total, (byte) 0);
      out.write(head, 0, total);
      position += total;
    } else {
      writeInt(IpcFormat.CONTINUATION_MARKER);
      writeInt(metadataSize);
      writeBuffer(metadata);
      writeZeros(metadataSize - flatbufferLength);
    }
    long bodyLength = 0;
    if (body != null) {
      bodyLength = body.bodyLength();
      body.writeTo(out);
      position += bodyLength;
    }
    return new Block(start, 8 + metadataSize, bodyLength);
  }

  void writeEndOfStream() throws IOException {
    writeBytes(IpcFormat.END_OF_STREAM);
  }

  void writeBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    position += bytes.length;
  }

  void writeInt(int v) throws IOException {
    byte[] le = new byte[4];
    putInt(le, 0, v);
    writeBytes(le);
  }

  private static void putInt(byte[] into, int at, int v) {
    into[at] = (byte) v;
    into[at + 1] = (byte) (v >>> 8);
    into[at + 2] = (byte) (v >>> 16);
    into[at + 3] = (byte) (v >>> 24);
  }

  void writeZeros(int n) throws IOException {
    byte[] zeros = new byte[Math.min(n, SCRATCH_BYTES)];
    while (n > 0) {
      int k = Math.min(n, zeros.length);
      out.write(zeros, 0, k);
      position += k;
      n -= k;
    }
  }

  void writeBuffer(ByteBuffer buffer) throws IOException {
    int n = buffer.remaining();
    if (buffer.hasArray()) {
      out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
    } else {
      byte[] scratch = new byte[Math.min(n, SCRATCH_BYTES)];
      ByteBuffer view = buffer.duplicate();
      while (view.hasRemaining()) {
        int k = Math.min(scratch.length, view.remaining());
        view.get(scratch, 0, k);
        out.write(scratch, 0, k);
      }
    }
    position += n;
  }

  void flush() throws IOException {
    out.flush();
  }
}
