package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.io.OutputStream;
import dev.quiver.ipc.compression.BodyCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * A record batch (or dictionary data) flattened for the wire: field nodes and buffers in pre-order, each
 * buffer's offset in the body (a multiple of 8), and the padded body length. The buffers are views over the
 * arrays' own memory; {@link #writeTo} streams them without building a body copy.
 *
 * <pre>
 * body:  buffer 0 | zero pad to 8 | buffer 1 | zero pad to 8 | ... | last buffer | zero pad to 8
 * </pre>
 */
final class EncodedBody {
  private static final byte[] ZEROS = new byte[8];

  private final long length;
  private final long[] nodeLengths;
  private final long[] nodeNullCounts;
  private final List<ByteBuffer> buffers;
  private final long[] bufferOffsets;
  private final long[] variadicBufferCounts;
  private final long bodyLength;
  private final BodyCompression compression;

  EncodedBody(
      long length,
      long[] nodeLengths,
      long[] nodeNullCounts,
      List<ByteBuffer> buffers,
      long[] variadicBufferCounts) {
    this(length, nodeLengths, nodeNullCounts, buffers, variadicBufferCounts, BodyCompression.NONE);
  }

  private EncodedBody(
      long length,
      long[] nodeLengths,
      long[] nodeNullCounts,
      List<ByteBuffer> buffers,
      long[] variadicBufferCounts,
      BodyCompression compression) {
    this.compression = compression;
    this.length = length;
    this.nodeLengths = nodeLengths;
    this.nodeNullCounts = nodeNullCounts;
    this.buffers = List.copyOf(buffers);
    this.variadicBufferCounts = variadicBufferCounts;
    this.bufferOffsets = new long[buffers.size()];
    long offset = 0;
    for (int i = 0; i < bufferOffsets.length; i++) {
      bufferOffsets[i] = offset;
      offset += IpcFormat.padded(buffers.get(i).remaining());
    }
    this.bodyLength = offset;
  }

  /**
   * This body with every buffer compressed on its own: int64 LE uncompressed length then the codec's frame,
   * or -1 then the raw bytes when the frame would not be smaller; empty buffers stay empty (no prefix).
   */
  EncodedBody compressed(BodyCompression with) {
    if (with == BodyCompression.NONE || compression != BodyCompression.NONE) {
      return this;
    }
    BodyCodec codec = with.codec();
    List<ByteBuffer> out = new ArrayList<>(buffers.size());
    for (ByteBuffer buffer : buffers) {
      int n = buffer.remaining();
      if (n == 0) {
        out.add(buffer);
        continue;
      }
      byte[] frame = codec.compress(buffer);
      boolean raw = frame.length >= n;
      ByteBuffer wire = ByteBuffer.allocate(8 + (raw ? n : frame.length)).order(ByteOrder.LITTLE_ENDIAN);
      wire.putLong(raw ? -1 : n);
      if (raw) {
        wire.put(buffer.duplicate());
      } else {
        wire.put(frame);
      }
      out.add(wire.flip());
    }
    return new EncodedBody(length, nodeLengths, nodeNullCounts, out, variadicBufferCounts, with);
  }

  BodyCompression compression() {
    return compression;
  }

  long bodyLength() {
    return bodyLength;
  }

  int nodeCount() {
    return nodeLengths.length;
  }

  int bufferCount() {
    return buffers.size();
  }

  long bufferOffset(int i) {
    return bufferOffsets[i];
  }

  long bufferLength(int i) {
    return buffers.get(i).remaining();
  }

  /** Builds the RecordBatch table (length, nodes, buffers, variadic counts) and returns its offset. */
  int buildRecordBatch(FlatBufferBuilder b) {
    RecordBatch.startNodesVector(b, nodeLengths.length);
    for (int i = nodeLengths.length - 1; i >= 0; i--) {
      FieldNode.createFieldNode(b, nodeLengths[i], nodeNullCounts[i]);
    }
    int nodes = b.endVector();
    RecordBatch.startBuffersVector(b, buffers.size());
    for (int i = buffers.size() - 1; i >= 0; i--) {
      Buffer.createBuffer(b, bufferOffsets[i], buffers.get(i).remaining());
    }
    int buffersVector = b.endVector();
    int variadic = variadicBufferCounts.length == 0
        ? 0
        : RecordBatch.createVariadicBufferCountsVector(b, variadicBufferCounts);
    int compressionTable = 0;
    if (compression != BodyCompression.NONE) {
      compressionTable = org.apache.arrow.flatbuf.BodyCompression.createBodyCompression(
          b, compression.codec().compressionType(), BodyCompressionMethod.BUFFER);
    }
    RecordBatch.startRecordBatch(b);
    RecordBatch.addLength(b, length);
    RecordBatch.addNodes(b, nodes);
    RecordBatch.addBuffers(b, buffersVector);
    if (variadic != 0) {
      RecordBatch.addVariadicBufferCounts(b, variadic);
    }
    if (compressionTable != 0) {
      RecordBatch.addCompression(b, compressionTable);
    }
    return RecordBatch.endRecordBatch(b);
  }

  /** Writes the body: each buffer at its offset, zero padding between and after. */
  void writeTo(OutputStream out, byte[] scratch) throws IOException {
    long position = 0;
    for (int i = 0; i < buffers.size(); i++) {
      ByteBuffer buffer = buffers.get(i);
      int n = buffer.remaining();
      write(out, buffer, scratch);
      position += n;
      long pad = bufferOffsets.length > i + 1 ? bufferOffsets[i + 1] - position : bodyLength - position;
      out.write(ZEROS, 0, (int) pad);
      position += pad;
    }
  }

  private static void write(OutputStream out, ByteBuffer buffer, byte[] scratch) throws IOException {
    if (buffer.hasArray()) {
      out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      return;
    }
    ByteBuffer view = buffer.duplicate();
    while (view.hasRemaining()) {
      int n = Math.min(scratch.length, view.remaining());
      view.get(scratch, 0, n);
      out.write(scratch, 0, n);
    }
  }
}
