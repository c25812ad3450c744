package dev.quiver.ipc;

import java.nio.ByteBuffer;
import org.apache.arrow.flatbuf.Message;

/**
 * One encapsulated message as read: its position, the verified flatbuffer and the body.
 *
 * @param index message number in the stream, from 0
 * @param offset byte offset of the message prefix in the stream or file
 * @param where how error messages name this message
 * @param legacy whether the message used the pre-0.15 framing (no continuation marker)
 * @param metadata the Message flatbuffer and its padding, index 0 = flatbuffer start
 * @param message the flatbuffer root over {@code metadata}
 * @param body the body bytes (little-endian, index 0 = body start)
 */
record IpcMessage(
    int index, long offset, String where, boolean legacy, ByteBuffer metadata, Message message, ByteBuffer body) {

  static String where(int index, long offset) {
    return "message " + index + " at byte " + offset;
  }

  byte headerType() {
    return message.headerType();
  }
}
