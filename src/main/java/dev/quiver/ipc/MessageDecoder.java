package dev.quiver.ipc;

import dev.quiver.columnar.LimitExceededException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;

/**
 * Turns the metadata bytes of one encapsulated message into a verified flatbuffer {@link Message}: bounds
 * (via {@link MetadataVerifier}), metadata version V4 or V5, a known header type and a sane body length.
 */
final class MessageDecoder {
  private MessageDecoder() {}

  /** {@code metadata} holds the flatbuffer from its index 0 (trailing padding is fine). */
  static Message decode(ByteBuffer metadata, IpcLimits limits, String where) {
    ByteBuffer bb = metadata.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    bb.position(0);
    return guard(where, () -> {
      MetadataVerifier.verifyMessage(bb, limits, where);
      Message m = Message.getRootAsMessage(bb);
      short version = m.version();
      if (version != MetadataVersion.V4 && version != MetadataVersion.V5) {
        throw new ArrowFormatException(where + ": unsupported metadata version "
            + versionName(version) + " (V4 and V5 are read)");
      }
      byte type = m.headerType();
      if (type != MessageHeader.Schema && type != MessageHeader.RecordBatch
          && type != MessageHeader.DictionaryBatch) {
        throw new ArrowFormatException(where + ": unexpected message header "
            + (type >= 0 && type < MessageHeader.names.length ? MessageHeader.name(type) : type)
            + " in a record batch stream");
      }
      if (m.header(new org.apache.arrow.flatbuf.Schema()) == null) {
        throw new ArrowFormatException(where + ": message header table missing");
      }
      long bodyLength = m.bodyLength();
      if (bodyLength < 0) {
        throw new ArrowFormatException(where + ": negative body length " + bodyLength);
      }
      long maxBody = Math.min(limits.maxBodyBytes(), Integer.MAX_VALUE - 8);
      if (bodyLength > maxBody) {
        throw new LimitExceededException(where + ": message body of " + bodyLength
            + " bytes exceeds the limit of " + maxBody);
      }
      return m;
    });
  }

  static String versionName(short version) {
    return version >= 0 && version < MetadataVersion.names.length
        ? MetadataVersion.name(version) : "V" + (version + 1);
  }

  /**
   * Runs {@code work}, turning any runtime failure of generated flatbuffer code (index out of bounds,
   * invalid UTF-8 in a string...) into an ArrowFormatException that names {@code where}.
   */
  static <T> T guard(String where, Supplier<T> work) {
    try {
      return work.get();
    } catch (ArrowFormatException | LimitExceededException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArrowFormatException(where + ": malformed metadata (" + e + ")", e);
    }
  }
}
