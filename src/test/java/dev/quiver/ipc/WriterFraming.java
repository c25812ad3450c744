package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;

/** Independent checks of the bytes the writers produce: framing, alignment, footer. */
final class WriterFraming {
  private WriterFraming() {}

  /** One parsed message: where it starts, its header type, body length, and for dictionaries id/delta. */
  record Parsed(long offset, int metadataLength, byte headerType, long bodyLength, long dictionaryId,
      boolean delta, Message message) {}

  /**
   * Walks the encapsulated messages from {@code start} up to and including end-of-stream, asserting the
   * continuation marker, 8-byte alignment of every message, body and buffer, V5, and buffers inside bodies.
   * Returns the messages and sets nothing else; the end-of-stream must be at {@code end - 8}.
   */
  static List<Parsed> checkStream(byte[] bytes, int start, int end) {
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<Parsed> messages = new ArrayList<>();
    int pos = start;
    while (true) {
      assertThat(pos % 8).as("message offset %d aligned", pos).isEqualTo((start) % 8);
      assertThat(bb.getInt(pos)).as("continuation marker at %d", pos).isEqualTo(-1);
      int metadataSize = bb.getInt(pos + 4);
      if (metadataSize == 0) {
        assertThat(pos + 8).as("end-of-stream is last").isEqualTo(end);
        return messages;
      }
      assertThat((8 + metadataSize) % 8).as("prefix + metadata multiple of 8").isZero();
      ByteBuffer fb = ByteBuffer.wrap(bytes, pos + 8, metadataSize).slice().order(ByteOrder.LITTLE_ENDIAN);
      Message message = Message.getRootAsMessage(fb);
      assertThat(message.version()).isEqualTo(MetadataVersion.V5);
      long bodyLength = message.bodyLength();
      assertThat(bodyLength % 8).as("body length multiple of 8").isZero();
      long id = -1;
      boolean delta = false;
      RecordBatch batch = null;
      if (message.headerType() == MessageHeader.RecordBatch) {
        batch = (RecordBatch) message.header(new RecordBatch());
      } else if (message.headerType() == MessageHeader.DictionaryBatch) {
        DictionaryBatch dictionary = (DictionaryBatch) message.header(new DictionaryBatch());
        id = dictionary.id();
        delta = dictionary.isDelta();
        batch = dictionary.data();
      } else {
        assertThat(message.headerType()).isEqualTo(MessageHeader.Schema);
        assertThat(bodyLength).isZero();
      }
      if (batch != null) {
        for (int i = 0; i < batch.buffersLength(); i++) {
          Buffer buffer = batch.buffers(i);
          assertThat(buffer.offset() % 8).as("buffer %d offset aligned", i).isZero();
          assertThat(buffer.offset() + buffer.length()).isLessThanOrEqualTo(bodyLength);
        }
      }
      messages.add(new Parsed(pos, 8 + metadataSize, message.headerType(), bodyLength, id, delta, message));
      pos += 8 + metadataSize + (int) bodyLength;
    }
  }

  /** Checks the file frame (magic at both ends, footer length, blocks) and returns the footer. */
  static Footer checkFile(byte[] bytes) {
    byte[] header = "ARROW1\0\0".getBytes(StandardCharsets.US_ASCII);
    assertThat(Arrays.copyOfRange(bytes, 0, 8)).isEqualTo(header);
    assertThat(new String(bytes, bytes.length - 6, 6, StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int footerLength = bb.getInt(bytes.length - 10);
    int footerStart = bytes.length - 10 - footerLength;
    assertThat(footerLength).isPositive();
    assertThat(footerStart % 8).as("stream part ends aligned").isZero();
    List<Parsed> messages = checkStream(bytes, 8, footerStart);
    Footer footer = Footer.getRootAsFooter(
        ByteBuffer.wrap(bytes, footerStart, footerLength).slice().order(ByteOrder.LITTLE_ENDIAN));
    assertThat(footer.version()).isEqualTo(MetadataVersion.V5);
    List<Parsed> dictionaries = messages.stream()
        .filter(m -> m.headerType() == MessageHeader.DictionaryBatch).toList();
    List<Parsed> batches = messages.stream()
        .filter(m -> m.headerType() == MessageHeader.RecordBatch).toList();
    assertThat(footer.dictionariesLength()).isEqualTo(dictionaries.size());
    assertThat(footer.recordBatchesLength()).isEqualTo(batches.size());
    for (int i = 0; i < dictionaries.size(); i++) {
      checkBlock(footer.dictionaries(i), dictionaries.get(i));
    }
    for (int i = 0; i < batches.size(); i++) {
      checkBlock(footer.recordBatches(i), batches.get(i));
    }
    return footer;
  }

  private static void checkBlock(org.apache.arrow.flatbuf.Block block, Parsed message) {
    assertThat(block.offset()).isEqualTo(message.offset());
    assertThat(block.metaDataLength()).isEqualTo(message.metadataLength());
    assertThat(block.bodyLength()).isEqualTo(message.bodyLength());
    assertThat(block.offset() % 8).isZero();
    assertThat(block.metaDataLength() % 8).isZero();
  }

  /** The stream embedded in a file (after the magic, up to and including end-of-stream). */
  static byte[] embeddedStream(byte[] file) {
    ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int footerLength = bb.getInt(file.length - 10);
    return Arrays.copyOfRange(file, 8, file.length - 10 - footerLength);
  }
}
