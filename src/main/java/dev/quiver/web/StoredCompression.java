package dev.quiver.web;

import dev.quiver.ipc.BodyCompression;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * The body compression of stored (already validated) IPC messages, read from their metadata: decides
 * whether a stored file or batch can be served as it is for the negotiated compression.
 */
final class StoredCompression {
  private StoredCompression() {}

  /**
   * Whether the framed messages in {@code views} (e.g. {@code FileReader.streamPrefix()} and
   * {@code batchMessage(i)}) can be served for {@code wanted}: every record batch has body compression
   * {@code wanted}, every dictionary batch {@code wanted} or none (arrow-java, for one, writes dictionaries
   * uncompressed; uncompressed bodies are always acceptable). Anything unexpected answers false, so the
   * caller re-encodes.
   */
  static boolean all(List<ByteBuffer> views, BodyCompression wanted) {
    try {
      long skip = 0; // body bytes of the last message still to pass, in the next views
      for (ByteBuffer view : views) {
        ByteBuffer b = view.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long pos = b.position() + skip;
        int end = b.limit();
        if (pos > end) {
          skip = pos - end;
          continue;
        }
        skip = 0;
        while (pos + 8 <= end) {
          int at = (int) pos;
          int length = b.getInt(at);
          int prefix = 4;
          if (length == -1) {
            length = b.getInt(at + 4);
            prefix = 8;
          }
          if (length == 0) {
            return true; // end-of-stream
          }
          if (length < 0 || at + prefix + length > end) {
            return false;
          }
          Message message =
              Message.getRootAsMessage(b.slice(at + prefix, length).order(ByteOrder.LITTLE_ENDIAN));
          if (!acceptable(message, wanted) || message.bodyLength() < 0) {
            return false;
          }
          pos = at + prefix + length + message.bodyLength();
          if (pos > end) {
            skip = pos - end; // the body is in the next view (batchMessage gives metadata and body apart)
            break;
          }
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean acceptable(Message message, BodyCompression wanted) {
    BodyCompression c = compression(message);
    return switch (message.headerType()) {
      case MessageHeader.Schema -> true;
      case MessageHeader.DictionaryBatch -> c == wanted || c == BodyCompression.NONE;
      default -> c == wanted;
    };
  }

  /** The compression of a record or dictionary batch message; null for other messages or codecs. */
  static BodyCompression compression(Message message) {
    org.apache.arrow.flatbuf.BodyCompression c;
    if (message.headerType() == MessageHeader.RecordBatch) {
      c = ((RecordBatch) message.header(new RecordBatch())).compression();
    } else if (message.headerType() == MessageHeader.DictionaryBatch) {
      c = ((DictionaryBatch) message.header(new DictionaryBatch())).data().compression();
    } else {
      return null;
    }
    if (c == null) {
      return BodyCompression.NONE;
    }
    return switch (c.codec()) {
      case org.apache.arrow.flatbuf.CompressionType.LZ4_FRAME -> BodyCompression.LZ4_FRAME;
      case org.apache.arrow.flatbuf.CompressionType.ZSTD -> BodyCompression.ZSTD;
      default -> null;
    };
  }
}
