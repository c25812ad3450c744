package dev.quiver.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * The messages of an IPC stream (or of a file's embedded stream) as the wire has them, read with the
 * generated flatbuffer classes: to check what a writer emitted (compression, delta dictionaries, buffers)
 * independently of any reader.
 */
final class IpcMessages {
  /** One message: its header, metadata and body. */
  record Msg(Message message, ByteBuffer body) {
    byte headerType() {
      return message.headerType();
    }

    RecordBatch recordBatch() {
      return headerType() == MessageHeader.RecordBatch ? (RecordBatch) message.header(new RecordBatch())
          : headerType() == MessageHeader.DictionaryBatch
              ? ((DictionaryBatch) message.header(new DictionaryBatch())).data() : null;
    }

    DictionaryBatch dictionaryBatch() {
      return headerType() == MessageHeader.DictionaryBatch
          ? (DictionaryBatch) message.header(new DictionaryBatch()) : null;
    }

    /** The body compression codec (CompressionType value) of a batch message, or -1 when uncompressed. */
    int codec() {
      RecordBatch rb = recordBatch();
      return rb == null || rb.compression() == null ? -1 : rb.compression().codec();
    }
  }

  private IpcMessages() {}

  static List<Msg> of(byte[] ipc, boolean isFile) {
    ByteBuffer in = ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN);
    int pos = isFile ? 8 : 0;
    List<Msg> out = new ArrayList<>();
    while (pos + 4 <= ipc.length) {
      int length = in.getInt(pos);
      pos += 4;
      if (length == -1) {
        length = in.getInt(pos);
        pos += 4;
      }
      if (length == 0) {
        break;
      }
      ByteBuffer metadata = in.slice(pos, length).order(ByteOrder.LITTLE_ENDIAN);
      Message message = Message.getRootAsMessage(metadata);
      pos += length;
      int bodyLength = Math.toIntExact(message.bodyLength());
      out.add(new Msg(message, in.slice(pos, bodyLength).order(ByteOrder.LITTLE_ENDIAN)));
      pos += bodyLength;
    }
    return out;
  }

  /**
   * Asserts every record batch and dictionary batch message has body compression {@code codec} (-1: none).
   */
  static void assertCompressed(String what, byte[] ipc, boolean isFile, int codec) {
    for (Msg m : of(ipc, isFile)) {
      if (m.recordBatch() != null) {
        if (m.codec() != codec) {
          throw new AssertionError(what + ": a " + MessageHeader.name(m.headerType()) + " message has codec "
              + m.codec() + ", expected " + codec);
        }
      }
    }
  }
}
