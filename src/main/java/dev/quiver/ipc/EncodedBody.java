package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.quiver.ipc.compression.BodyCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * A record batch (or dictionary data) flattened for the wire: field nodes and buffers in pre-order, each
 * buffer's offset in the body (a multiple of 8), and the padded body length. Buffer {@code i} is the first
 * {@code bufferLength(i)} bytes of a buffer of the arrays' own memory, counted from its index 0 whatever its
 * position; {@link #writeTo} streams them without building a body copy (a heap buffer is handed to the
 * OutputStream as its backing array, other buffers go through a small scratch array).
 *
 * <pre>
 * body:  buffer 0 | zero pad to 8 | buffer 1 | zero pad to 8 | ... | last buffer | zero pad to 8
 * </pre>
 */
final class EncodedBody {
  private static final byte[] ZEROS = new byte[8];
  private static final int SCRATCH_BYTES = 8192;

  private final long length;
  private final int nodeCount;
  private final long[] nodeLengths;
  private final long[] nodeNullCounts;
  private final int bufferCount;
  private final ByteBuffer[] buffers;
  private final int[] bufferLengths;
  private final long[] bufferOffsets;
  private final long[] variadicBufferCounts;
  private final long bodyLength;
  private final BodyCompression compression;

  /**
   * A body of the first {@code nodeCount} nodes and {@code bufferCount} buffers of the arrays, which it
   * keeps (the caller hands them over).
   */
  EncodedBody(
      long length,
      int nodeCount,
      long[] nodeLengths,
      long[] nodeNullCounts,
      int bufferCount,
      ByteBuffer[] buffers,
      int[] bufferLengths,
      long[] variadicBufferCounts,
      BodyCompression compression) {
    this.compression = compression;
    this.length = length;
    this.nodeCount = nodeCount;
    this.nodeLengths = nodeLengths;
    this.nodeNullCounts = nodeNullCounts;
    this.bufferCount = bufferCount;
    this.buffers = buffers;
    this.bufferLengths = bufferLengths;
    this.variadicBufferCounts = variadicBufferCounts;
    this.bufferOffsets = new long[bufferCount];
    long offset = 0;
    for (int i = 0; i < bufferCount; i++) {
      bufferOffsets[i] = offset;
      offset += IpcFormat.padded(bufferLengths[i]);
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
    ByteBuffer[] out = new ByteBuffer[bufferCount];
    int[] outLengths = new int[bufferCount];
    for (int i = 0; i < bufferCount; i++) {
      int n = bufferLengths[i];
      if (n == 0) {
        out[i] = buffers[i];
        continue;
      }
      ByteBuffer buffer = view(i);
      byte[] frame = codec.compress(buffer);
      boolean raw = frame.length >= n;
      ByteBuffer wire = ByteBuffer.allocate(8 + (raw ? n : frame.length)).order(ByteOrder.LITTLE_ENDIAN);
      wire.putLong(raw ? -1 : n);
      if (raw) {
        wire.put(buffer);
      } else {
        wire.put(frame);
      }
      out[i] = wire.flip();
      outLengths[i] = wire.remaining();
    }
    return new EncodedBody(length, nodeCount, nodeLengths, nodeNullCounts, bufferCount, out, outLengths,
        variadicBufferCounts, with);
  }

  BodyCompression compression() {
    return compression;
  }

  long bodyLength() {
    return bodyLength;
  }

  int nodeCount() {
    return nodeCount;
  }

  int bufferCount() {
    return bufferCount;
  }

  long bufferOffset(int i) {
    return bufferOffsets[i];
  }

  long bufferLength(int i) {
    return bufferLengths[i];
  }

  /** Buffer {@code i} as a view of its bytes (position 0, limit its length). */
  private ByteBuffer view(int i) {
    ByteBuffer view = buffers[i].duplicate();
    view.clear();
    view.limit(bufferLengths[i]);
    return view;
  }

  /** Builds the RecordBatch table (length, nodes, buffers, variadic counts) and returns its offset. */
  int buildRecordBatch(FlatBufferBuilder b) {
    RecordBatch.startNodesVector(b, nodeCount);
    for (int i = nodeCount - 1; i >= 0; i--) {
      FieldNode.createFieldNode(b, nodeLengths[i], nodeNullCounts[i]);
    }
    int nodes = b.endVector();
    RecordBatch.startBuffersVector(b, bufferCount);
    for (int i = bufferCount - 1; i >= 0; i--) {
      Buffer.createBuffer(b, bufferOffsets[i], bufferLengths[i]);
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
  void writeTo(OutputStream out) throws IOException {
    byte[] scratch = null;
    for (int i = 0; i < bufferCount; i++) {
      ByteBuffer buffer = buffers[i];
      int n = bufferLengths[i];
      if (n > 0) {
        if (buffer.hasArray()) {
          out.write(buffer.array(), buffer.arrayOffset(), n);
        } else {
          if (scratch == null || scratch.length < Math.min(SCRATCH_BYTES, n)) {
            scratch = new byte[Math.min(SCRATCH_BYTES, n)];
          }
          copy(out, buffer, n, scratch);
        }
      }
      int pad = (int) (IpcFormat.padded(n) - n);
      if (pad > 0) {
        out.write(ZEROS, 0, pad);
      }
    }
  }

  /** Writes the first {@code n} bytes of a buffer without an accessible array through {@code scratch}. */
  private static void copy(OutputStream out, ByteBuffer buffer, int n, byte[] scratch) throws IOException {
    int at = 0;
    while (at < n) {
      int k = Math.min(scratch.length, n - at);
      buffer.get(at, scratch, 0, k);
      out.write(scratch, 0, k);
      at += k;
    }
  }
}
