package dev.quiver.ipc;

import dev.quiver.columnar.LimitExceededException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.flatbuf.Message;

/**
 * Reads encapsulated messages at known places of an Arrow file (a footer {@link Block}, or the schema
 * message right after the leading magic), and re-frames a message's metadata in current framing.
 */
final class FileMessages {
  private FileMessages() {}

  /** The message a footer block points to; the block was checked against the file bounds. */
  static IpcMessage read(ByteSource source, Block block, int index, String where, IpcLimits limits) {
    Prefix prefix = prefix(source, block.offset(), block.offset() + block.metadataLength(), where, limits);
    if (prefix.length + (long) prefix.metadataSize > block.metadataLength()) {
      throw new ArrowFormatException(where + ": metadata of " + prefix.metadataSize
          + " bytes does not fit the block's metaDataLength " + block.metadataLength());
    }
    ByteBuffer metadata = source.slice(block.offset() + prefix.length, prefix.metadataSize);
    Message message = MessageDecoder.decode(metadata, limits, where);
    if (message.bodyLength() != block.bodyLength()) {
      throw new ArrowFormatException(where + ": message body length " + message.bodyLength()
          + " differs from the block's bodyLength " + block.bodyLength());
    }
    ByteBuffer body = source.slice(block.offset() + block.metadataLength(), (int) block.bodyLength());
    return new IpcMessage(index, block.offset(), where, prefix.legacy, metadata, message, body);
  }

  /** The message starting at {@code offset}, which must end by {@code end}. */
  static IpcMessage readAt(ByteSource source, long offset, long end, int index, String where, IpcLimits limits) {
    Prefix prefix = prefix(source, offset, end, where, limits);
    long metadataStart = offset + prefix.length;
    if (prefix.metadataSize > end - metadataStart) {
      throw new ArrowFormatException(where + ": metadata of " + prefix.metadataSize + " bytes runs past byte "
          + end);
    }
    ByteBuffer metadata = source.slice(metadataStart, prefix.metadataSize);
    Message message = MessageDecoder.decode(metadata, limits, where);
    long bodyStart = metadataStart + prefix.metadataSize;
    if (message.bodyLength() > end - bodyStart) {
      throw new ArrowFormatException(where + ": body of " + message.bodyLength() + " bytes runs past byte "
          + end);
    }
    ByteBuffer body = source.slice(bodyStart, (int) message.bodyLength());
    return new IpcMessage(index, offset, where, prefix.legacy, metadata, message, body);
  }

  private record Prefix(boolean legacy, int length, int metadataSize) {}

  private static Prefix prefix(ByteSource source, long offset, long end, String where, IpcLimits limits) {
    if (end - offset < 8) {
      throw new ArrowFormatException(where + ": no room for a message prefix");
    }
    ByteBuffer head = source.slice(offset, 8);
    int first = head.getInt(0);
    Prefix p;
    if (first == IpcFormat.CONTINUATION_MARKER) {
      p = new Prefix(false, 8, head.getInt(4));
    } else {
      p = new Prefix(true, 4, first);
    }
    if (p.metadataSize <= 0) {
      throw new ArrowFormatException(where + ": bad metadata length " + p.metadataSize
          + (p.legacy ? " (legacy framing)" : ""));
    }
    if (p.metadataSize > limits.maxMetadataBytes()) {
      throw new LimitExceededException(where + ": message metadata of " + p.metadataSize
          + " bytes exceeds the limit of " + limits.maxMetadataBytes());
    }
    return p;
  }

  /** Continuation marker, padded metadata size and the metadata, padded so the body starts 8-aligned. */
  static ByteBuffer currentFraming(IpcMessage m) {
    int size = m.metadata().capacity();
    int padded = (int) IpcFormat.padded(8L + size) - 8;
    ByteBuffer out = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0, IpcFormat.CONTINUATION_MARKER);
    out.putInt(4, padded);
    out.put(8, m.metadata(), 0, size);
    return out;
  }
}
