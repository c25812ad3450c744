package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.MetadataVersion;

/**
 * Writes an Arrow IPC file: magic, the stream messages (schema, dictionary batches, record batches),
 * end-of-stream, the footer, its length and the magic again.
 *
 * <pre>
 * "ARROW1" 00 00 | Schema | (DictionaryBatch* RecordBatch)* | FF FF FF FF 00 00 00 00
 *                | Footer flatbuffer | int32 LE footer length | "ARROW1"
 * </pre>
 *
 * The footer lists every dictionary and record batch block (offset of the message prefix, prefix plus
 * metadata length, body length). A dictionary that grows across batches is written as delta batches; a
 * dictionary that changes otherwise is an {@link IllegalArgumentException} (files forbid replacement).
 * Never closes the OutputStream; I/O failures surface as {@link UncheckedIOException}.
 */
public final class FileWriter implements AutoCloseable {
  private static final byte[] HEADER = {'A', 'R', 'R', 'O', 'W', '1', 0, 0};

  private final MessageWriter messages;
  private final Schema schema;
  private final BatchMessages batches;
  private final ByteOrder bodyOrder;
  private final List<Block> dictionaryBlocks = new ArrayList<>();
  private final List<Block> recordBatchBlocks = new ArrayList<>();
  private boolean started;
  private boolean finished;
  private boolean broken;

  public FileWriter(OutputStream out, Schema schema, WriteOptions options) {
    this(out, schema, options, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * A writer whose bodies are in {@code bodyOrder} (the schema declaring it). Quiver serves little-endian;
   * big-endian output exists to produce test data for the readers' byte swapping.
   */
  FileWriter(OutputStream out, Schema schema, WriteOptions options, ByteOrder bodyOrder) {
    if (out == null) {
      throw new IllegalArgumentException("out == null");
    }
    if (schema == null) {
      throw new IllegalArgumentException("schema == null");
    }
    this.messages = new MessageWriter(out);
    this.schema = schema;
    this.bodyOrder = bodyOrder;
    this.batches = new BatchMessages(messages, schema, true, options, bodyOrder);
  }

  /** Writes the magic and the schema message now (otherwise before the first batch or at finish). */
  public void start() {
    checkUsable();
    if (!started) {
      run(() -> {
        messages.writeBytes(HEADER);
        return batches.writeSchema();
      });
      started = true;
    }
  }

  public void write(RecordBatch batch) {
    checkUsable();
    start();
    BatchMessages.Prepared prepared = batches.prepare(batch);
    run(() -> recordBatchBlocks.add(batches.write(prepared, dictionaryBlocks)));
  }

  /** Writes end-of-stream, footer and trailing magic; does not close the OutputStream. */
  public void finish() {
    if (finished) {
      return;
    }
    checkUsable();
    start();
    run(() -> {
      messages.writeEndOfStream();
      ByteBuffer footer = footer();
      int length = footer.remaining();
      messages.writeBuffer(footer);
      messages.writeInt(length);
      messages.writeBytes(IpcFormat.MAGIC);
      messages.flush();
      return null;
    });
    finished = true;
  }

  /** Bytes written to the OutputStream so far. */
  public long bytesWritten() {
    return messages.position();
  }

  /** The blocks of the record batches written so far, in order. */
  public List<Block> recordBatchBlocks() {
    return List.copyOf(recordBatchBlocks);
  }

  /** The blocks of the dictionary batches written so far, in order. */
  public List<Block> dictionaryBlocks() {
    return List.copyOf(dictionaryBlocks);
  }

  /** Same as finish() if not finished yet; never closes the OutputStream. */
  @Override
  public void close() {
    if (!finished && !broken) {
      finish();
    }
  }

  private ByteBuffer footer() {
    FlatBufferBuilder b = MessageWriter.builder();
    int schemaOffset = SchemaEncoder.encode(b, schema, bodyOrder);
    int dictionaries = blocks(b, dictionaryBlocks);
    int records = blocks(b, recordBatchBlocks);
    Footer.startFooter(b);
    Footer.addVersion(b, MetadataVersion.V5);
    Footer.addSchema(b, schemaOffset);
    Footer.addDictionaries(b, dictionaries);
    Footer.addRecordBatches(b, records);
    int footer = Footer.endFooter(b);
    Footer.finishFooterBuffer(b, footer);
    return b.dataBuffer();
  }

  /** A vector of Block structs (both footer vectors share the layout: 24 bytes, 8-aligned). */
  private static int blocks(FlatBufferBuilder b, List<Block> blocks) {
    Footer.startDictionariesVector(b, blocks.size());
    for (int i = blocks.size() - 1; i >= 0; i--) {
      Block block = blocks.get(i);
      org.apache.arrow.flatbuf.Block.createBlock(
          b, block.offset(), block.metadataLength(), block.bodyLength());
    }
    return b.endVector();
  }

  private void checkUsable() {
    if (finished) {
      throw new IllegalStateException("file already finished");
    }
    if (broken) {
      throw new IllegalStateException("file broken by an earlier write failure");
    }
  }

  private <T> T run(StreamWriter.IoAction<T> action) {
    try {
      return action.run();
    } catch (IOException e) {
      broken = true;
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      broken = true;
      throw e;
    }
  }
}
