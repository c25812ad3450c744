package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages shared by the stream and file writers: the schema message, and per record batch the
 * dictionary batches it needs followed by the record batch. A batch is fully planned and its bodies encoded
 * (and compressed) before its first byte is written, so invalid input fails without leaving a partial
 * message behind; each message's metadata flatbuffer is then built right before it is written, in one
 * builder the writer reuses.
 */
final class BatchMessages {
  /** A batch ready to write: its dictionary messages and its record batch message. */
  static final class Prepared {
    private final DictionaryWriter.Plan plan;
    private final List<EncodedBody> dictionaryBodies = new ArrayList<>();
    private EncodedBody batchBody;

    private Prepared(DictionaryWriter.Plan plan) {
      this.plan = plan;
    }
  }

  private final MessageWriter messages;
  private final Schema schema;
  private final DictionaryWriter dictionaries;
  private final BodyCompression compression;
  private final ByteOrder bodyOrder;
  private final FlatBufferBuilder builder = MessageWriter.builder();

  BatchMessages(MessageWriter messages, Schema schema, boolean file, WriteOptions options, ByteOrder bodyOrder) {
    this.bodyOrder = bodyOrder;
    this.compression = options == null ? BodyCompression.NONE : options.compression();
    this.messages = messages;
    this.schema = schema;
    this.dictionaries = new DictionaryWriter(file);
  }

  Block writeSchema() throws IOException {
    return messages.write(MessageEncoder.schemaMetadata(builder, schema, bodyOrder), null);
  }

  /** Plans and encodes a batch without writing anything; bad input is an IllegalArgumentException. */
  Prepared prepare(RecordBatch batch) {
    if (batch == null) {
      throw new IllegalArgumentException("batch == null");
    }
    if (batch.columns().size() != schema.size()) {
      throw new IllegalArgumentException("batch has " + batch.columns().size()
          + " columns, the schema " + schema.size());
    }
    Prepared prepared = new Prepared(dictionaries.plan(schema, batch));
    for (DictionaryWriter.Pending pending : prepared.plan.messages) {
      prepared.dictionaryBodies.add(MessageEncoder.dictionaryBody(pending.valueField(), pending.values(),
          pending.path(), compression, bodyOrder));
    }
    prepared.batchBody = MessageEncoder.recordBatchBody(schema, batch, compression, bodyOrder);
    return prepared;
  }

  /** Writes a prepared batch; adds the dictionary blocks to the list and returns the record batch block. */
  Block write(Prepared prepared, List<Block> dictionaryBlocks) throws IOException {
    for (int i = 0; i < prepared.dictionaryBodies.size(); i++) {
      DictionaryWriter.Pending pending = prepared.plan.messages.get(i);
      EncodedBody body = prepared.dictionaryBodies.get(i);
      dictionaryBlocks.add(messages.write(
          MessageEncoder.dictionaryMetadata(builder, pending.id(), pending.delta(), body), body));
    }
    EncodedBody body = prepared.batchBody;
    Block block = messages.write(MessageEncoder.recordBatchMetadata(builder, body), body);
    dictionaries.commit(prepared.plan);
    return block;
  }
}
