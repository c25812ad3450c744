package dev.quiver.ipc;

import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;

/**
 * Random access to the record batches of an Arrow IPC file through its footer. Batches are views over
 * the source's bytes (no copy of body bytes); every batch is fully validated when read. All dictionary
 * blocks are applied at open, in footer order: first definitions and deltas, never replacements. After
 * open the reader only reads its source, so batches may be read from several threads at once.
 *
 * <pre>
 * "ARROW1" 00 00 | stream (schema, dictionaries, batches, EOS) | Footer | int32 LE footer length | "ARROW1"
 * </pre>
 */
public final class FileReader {
  private static final int TRAILER = 4 + 6;

  private final ByteSource source;
  private final IpcLimits limits;
  private final long footerStart;
  private final Schema schema;
  private final Map<String, String> footerMetadata;
  private final List<Block> dictionaryBlocks;
  private final List<Block> batchBlocks;
  private final Dictionaries dictionaries;
  private final boolean bigEndian;
  /** Big-endian files only: each dictionary block decoded (swapped), to serve it re-encoded little-endian. */
  private final List<DictionaryBatches.Applied> decodedDictionaries = new ArrayList<>();
  private final List<BodyCompression> dictionaryCompressions = new ArrayList<>();
  private ByteBuffer streamPrefix;
  /** The schema message after the magic, or null when the file has none (Arrow JS writes none). */
  private final IpcMessage schemaMessage;

  private FileReader(ByteSource source, IpcLimits limits) {
    this.source = source;
    this.limits = limits;
    long size = source.size();
    if (size < IpcFormat.FILE_HEADER_LENGTH + TRAILER) {
      throw new ArrowFormatException("file of " + size + " bytes is too small for an Arrow file");
    }
    if (!magicAt(0) || !magicAt(size - 6)) {
      throw new ArrowFormatException("not an Arrow file: magic ARROW1 missing at "
          + (magicAt(0) ? "the end" : "the start"));
    }
    int footerLength = source.slice(size - TRAILER, 4).getInt(0);
    long maxFooter = size - IpcFormat.FILE_HEADER_LENGTH - TRAILER;
    if (footerLength <= 0 || footerLength > maxFooter) {
      throw new ArrowFormatException("footer length " + footerLength + " out of [1, " + maxFooter + "]");
    }
    if (footerLength > limits.maxMetadataBytes()) {
      throw new LimitExceededException("footer of " + footerLength + " bytes exceeds the limit of "
          + limits.maxMetadataBytes());
    }
    footerStart = size - TRAILER - footerLength;
    String where = "footer at byte " + footerStart;
    ByteBuffer footerBytes = source.slice(footerStart, footerLength);
    Footer footer = MessageDecoder.guard(where, () -> {
      MetadataVerifier.verifyFooter(footerBytes, limits, where);
      return Footer.getRootAsFooter(footerBytes);
    });
    short version = footer.version();
    if (version != MetadataVersion.V4 && version != MetadataVersion.V5) {
      throw new ArrowFormatException(where + ": unsupported metadata version "
          + MessageDecoder.versionName(version) + " (V4 and V5 are read)");
    }
    org.apache.arrow.flatbuf.Schema fbSchema = footer.schema();
    if (fbSchema == null) {
      throw new ArrowFormatException(where + ": footer has no schema");
    }
    schema = MessageDecoder.guard(where, () -> SchemaDecoder.decode(fbSchema, where));
    bigEndian = MessageDecoder.guard(where, () -> SchemaDecoder.bigEndian(fbSchema));
    footerMetadata = MessageDecoder.guard(where,
        () -> SchemaDecoder.metadata(footer.customMetadataLength(), footer::customMetadata));
    schemaMessage = checkedSchemaMessage();
    dictionaryBlocks = blocks(footer.dictionariesLength(), footer::dictionaries, "dictionary", where);
    batchBlocks = blocks(footer.recordBatchesLength(), footer::recordBatches, "record batch", where);
    dictionaries = new Dictionaries(schema, where);
    for (int i = 0; i < dictionaryBlocks.size(); i++) {
      IpcMessage m = dictionaryMessage(i);
      DictionaryBatches.Applied applied = DictionaryBatches.apply(m, dictionaries, false, limits, bigEndian);
      if (bigEndian) {
        decodedDictionaries.add(applied);
        dictionaryCompressions.add(compressionOf(m));
      }
    }
  }

  /** Checks magic and footer, reads schema and the dictionary blocks; batches are read on demand. */
  public static FileReader open(ByteSource source, IpcLimits limits) {
    if (source == null) {
      throw new IllegalArgumentException("source == null");
    }
    if (limits == null) {
      throw new IllegalArgumentException("limits == null");
    }
    return new FileReader(source, limits);
  }

  public Schema schema() {
    return schema;
  }

  /** The footer's custom metadata, in key order (often empty). */
  public Map<String, String> footerMetadata() {
    return footerMetadata;
  }

  public int batchCount() {
    return batchBlocks.size();
  }

  public Block batchBlock(int index) {
    return batchBlocks.get(checkIndex(index));
  }

  /** Row count of batch i, read from its message metadata only. */
  public long batchRows(int index) {
    IpcMessage m = batchMessageRaw(index);
    var rb = (org.apache.arrow.flatbuf.RecordBatch) MessageDecoder.guard(m.where(),
        () -> m.message().header(new org.apache.arrow.flatbuf.RecordBatch()));
    return RecordBatchDecoder.length(rb, m.where());
  }

  /** Decodes and validates batch i, with the dictionaries it refers to. */
  public RecordBatch readBatch(int index) {
    IpcMessage m = batchMessageRaw(index);
    return StreamReader.decodeRecordBatch(m, schema, dictionaries, m.where(), limits, bigEndian);
  }

  /**
   * Whether the file's bodies are big-endian. Its batches are returned swapped to little-endian, and
   * {@link #streamPrefix()} and {@link #batchMessage} serve re-encoded little-endian messages.
   */
  public boolean sourceBigEndian() {
    return bigEndian;
  }

  /**
   * The start of an Arrow stream equivalent to this file: the schema message and every dictionary message,
   * in current framing. Prepared once per reader; together with {@link #batchMessage} and the end-of-stream
   * marker it forms a complete stream for any batch. Compressed messages are served as stored (the client
   * decompresses); a big-endian file's messages are re-encoded little-endian (schema saying so, same body
   * compression).
   */
  public synchronized ByteBuffer streamPrefix() {
    if (streamPrefix == null && bigEndian) {
      streamPrefix = littleEndianPrefix();
    }
    if (streamPrefix == null) {
      List<IpcMessage> messages = new ArrayList<>();
      for (int i = 0; i < dictionaryBlocks.size(); i++) {
        messages.add(dictionaryMessage(i));
      }
      List<ByteBuffer> parts = new ArrayList<>();
      if (schemaMessage != null) {
        parts.add(FileMessages.currentFraming(schemaMessage));
        parts.add(schemaMessage.body());
      } else {
        parts.addAll(MessageEncoder.schema(schema).framed());
      }
      for (IpcMessage m : messages) {
        parts.add(FileMessages.currentFraming(m));
        parts.add(m.body());
      }
      streamPrefix = concat(parts);
    }
    return streamPrefix.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A big-endian file's schema and dictionary messages, re-encoded little-endian (same compression). */
  private ByteBuffer littleEndianPrefix() {
    List<ByteBuffer> parts = new ArrayList<>(MessageEncoder.schema(schema).framed());
    for (int i = 0; i < decodedDictionaries.size(); i++) {
      DictionaryBatches.Applied d = decodedDictionaries.get(i);
      parts.addAll(MessageEncoder.dictionary(d.id(), d.values().field(), d.values(), d.delta(),
          "dictionary " + d.id(), dictionaryCompressions.get(i)).framed());
    }
    return concat(parts);
  }

  private static ByteBuffer concat(List<ByteBuffer> parts) {
    long total = 0;
    for (ByteBuffer part : parts) {
      total += IpcFormat.padded(part.capacity());
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new LimitExceededException("schema and dictionaries take more than 2 GiB");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    for (ByteBuffer part : parts) {
      out.put(part.duplicate().clear());
      out.position((int) IpcFormat.padded(out.position()));
    }
    return out.flip();
  }

  private static BodyCompression compressionOf(IpcMessage m) {
    var compression = MessageDecoder.guard(m.where(), () -> {
      var data = m.headerType() == MessageHeader.DictionaryBatch
          ? ((org.apache.arrow.flatbuf.DictionaryBatch) m.message().header(
              new org.apache.arrow.flatbuf.DictionaryBatch())).data()
          : (org.apache.arrow.flatbuf.RecordBatch) m.message().header(new org.apache.arrow.flatbuf.RecordBatch());
      return data == null ? null : data.compression();
    });
    return compression == null ? BodyCompression.NONE : BodyCompression.of(compression.codec());
  }

  /**
   * Batch i as one encapsulated message in current framing: [prefix + metadata, body], views over the source
   * (no copy of the body, compressed bodies stay compressed). For a big-endian file the batch is decoded and
   * re-encoded little-endian with the same body compression.
   */
  public List<ByteBuffer> batchMessage(int index) {
    Block block = batchBlock(index);
    IpcMessage m = batchMessageRaw(index);
    if (bigEndian) {
      RecordBatch batch = StreamReader.decodeRecordBatch(m, schema, dictionaries, m.where(), limits, true);
      return MessageEncoder.recordBatch(schema, batch, compressionOf(m)).framed();
    }
    ByteBuffer head;
    if (!m.legacy() && block.metadataLength() % 8 == 0
        && source.slice(block.offset() + 4, 4).getInt(0) == block.metadataLength() - 8) {
      head = source.slice(block.offset(), block.metadataLength());
    } else {
      head = FileMessages.currentFraming(m);
    }
    return List.of(head, m.body());
  }

  /**
   * The stream inside the file should start with a schema message; when it does, the message is served as
   * the start of {@link #streamPrefix}, so it must be valid and describe the same schema as the footer.
   * A file whose first message is a dictionary or record batch (Arrow JS writes files so; Arrow C++ and
   * arrow-java read them through the footer) has none: null. So has a file whose stream part is empty: the
   * end-of-stream marker right after the magic (Arrow JS's file of a table without batches), or the footer.
   */
  private IpcMessage checkedSchemaMessage() {
    if (emptyStreamPart()) {
      return null;
    }
    IpcMessage m = FileMessages.readAt(source, IpcFormat.FILE_HEADER_LENGTH, footerStart, 0,
        "message at byte 8", limits);
    if (m.headerType() != MessageHeader.Schema) {
      return null;
    }
    Schema fromMessage = MessageDecoder.guard(m.where(), () -> SchemaDecoder.decode(
        (org.apache.arrow.flatbuf.Schema) m.message().header(new org.apache.arrow.flatbuf.Schema()), m.where()));
    if (!fromMessage.equals(schema)) {
      throw new ArrowFormatException("schema message at byte 8: the schema message differs from the footer's"
          + " schema (" + difference(fromMessage, schema) + ")");
    }
    return m;
  }

  /** Whether the footer or an end-of-stream marker (current or legacy framing) follows the leading magic. */
  private boolean emptyStreamPart() {
    long start = IpcFormat.FILE_HEADER_LENGTH;
    if (footerStart == start) {
      return true;
    }
    if (footerStart - start < 4) {
      return false;
    }
    int first = source.slice(start, 4).getInt(0);
    return first == 0 || first == IpcFormat.CONTINUATION_MARKER && footerStart - start >= 8
        && source.slice(start + 4, 4).getInt(0) == 0;
  }

  private static String difference(Schema message, Schema footer) {
    if (message.fields().size() != footer.fields().size()) {
      return message.fields().size() + " fields vs " + footer.fields().size() + " in the footer";
    }
    for (int i = 0; i < message.fields().size(); i++) {
      if (!message.field(i).equals(footer.field(i))) {
        return "column " + i + " '" + message.field(i).name() + "' differs from the footer's '"
            + footer.field(i).name() + "'";
      }
    }
    return "schema metadata differs";
  }

  private IpcMessage batchMessageRaw(int index) {
    Block block = batchBlock(index);
    IpcMessage m = FileMessages.read(source, block, index, batchWhere(index, block.offset()), limits);
    if (m.headerType() != MessageHeader.RecordBatch) {
      throw new ArrowFormatException(batchWhere(index, block.offset()) + ": block points to a "
          + MessageHeader.name(m.headerType()) + " message");
    }
    return m;
  }

  private IpcMessage dictionaryMessage(int i) {
    Block block = dictionaryBlocks.get(i);
    String where = "dictionary block " + i + " (message at byte " + block.offset() + ")";
    IpcMessage m = FileMessages.read(source, block, i, where, limits);
    if (m.headerType() != MessageHeader.DictionaryBatch) {
      throw new ArrowFormatException(where + ": block points to a " + MessageHeader.name(m.headerType())
          + " message");
    }
    return m;
  }

  private static String batchWhere(int index, long offset) {
    return "record batch " + index + " (message at byte " + offset + ")";
  }

  private int checkIndex(int index) {
    if (index < 0 || index >= batchBlocks.size()) {
      throw new IndexOutOfBoundsException("batch index out of [0, " + batchBlocks.size() + "): " + index);
    }
    return index;
  }

  private boolean magicAt(long offset) {
    byte[] bytes = new byte[6];
    source.slice(offset, 6).get(0, bytes);
    return Arrays.equals(bytes, IpcFormat.MAGIC);
  }

  private List<Block> blocks(int count, java.util.function.IntFunction<org.apache.arrow.flatbuf.Block> get,
      String kind, String where) {
    List<Block> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      org.apache.arrow.flatbuf.Block b = get.apply(i);
      long offset = b.offset();
      int metadataLength = b.metaDataLength();
      long bodyLength = b.bodyLength();
      String here = where + ", " + kind + " block " + i;
      if (offset < IpcFormat.FILE_HEADER_LENGTH || metadataLength <= 0 || bodyLength < 0
          || offset > footerStart || metadataLength > footerStart - offset
          || bodyLength > footerStart - offset - metadataLength) {
        throw new ArrowFormatException(here + ": block [offset " + offset + ", metaDataLength "
            + metadataLength + ", bodyLength " + bodyLength + "] outside the file's " + footerStart
            + " bytes of messages");
      }
      if (offset % 8 != 0 || metadataLength % 8 != 0 || bodyLength % 8 != 0) {
        throw new ArrowFormatException(here + ": block [offset " + offset + ", metaDataLength "
            + metadataLength + ", bodyLength " + bodyLength + "] is not 8-byte aligned");
      }
      blocks.add(new Block(offset, metadataLength, bodyLength));
    }
    return List.copyOf(blocks);
  }
}
