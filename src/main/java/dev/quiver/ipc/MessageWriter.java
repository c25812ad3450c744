package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
  private static final byte[] ZEROS = new byte[8];

  private final OutputStream out;
  private final byte[] scratch = new byte[64 * 1024];
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
   * counted from the first byte this writer wrote).
   */
  Block write(ByteBuffer metadata, EncodedBody body) throws IOException {
    long start = position;
    int flatbufferLength = metadata.remaining();
    long padded = IpcFormat.padded(8L + flatbufferLength);
    if (padded - 8 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("message metadata over 2 GiB: " + flatbufferLength);
    }
    int metadataSize = (int) (padded - 8);
    writeInt(IpcFormat.CONTINUATION_MARKER);
    writeInt(metadataSize);
    writeBuffer(metadata);
    writeZeros(metadataSize - flatbufferLength);
    long bodyLength = 0;
    if (body != null) {
      bodyLength = body.bodyLength();
      body.writeTo(out, scratch);
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
    byte[] le = {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    writeBytes(le);
  }

  void writeZeros(int n) throws IOException {
    while (n > 0) {
      int k = Math.min(n, ZEROS.length);
      out.write(ZEROS, 0, k);
      position += k;
      n -= k;
    }
  }

  void writeBuffer(ByteBuffer buffer) throws IOException {
    int n = buffer.remaining();
    if (buffer.hasArray()) {
      out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
    } else {
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
