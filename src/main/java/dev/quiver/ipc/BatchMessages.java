package dev.quiver.ipc;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages shared by the stream and file writers: the schema message, and per record batch the
 * dictionary batches it needs followed by the record batch. A batch is fully planned and encoded before its
 * first byte is written, so invalid input fails without leaving a partial message behind.
 */
final class BatchMessages {
  /** A batch ready to write: its dictionary messages and its record batch message. */
  static final class Prepared {
    private final DictionaryWriter.Plan plan;
    private final List<ByteBuffer> dictionaryMetadata = new ArrayList<>();
    private final List<EncodedBody> dictionaryBodies = new ArrayList<>();
    private ByteBuffer batchMetadata;
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

  BatchMessages(MessageWriter messages, Schema schema, boolean file, WriteOptions options, ByteOrder bodyOrder) {
    this.bodyOrder = bodyOrder;
    this.compression = options == null ? BodyCompression.NONE : options.compression();
    this.messages = messages;
    this.schema = schema;
    this.dictionaries = new DictionaryWriter(file);
  }

  Block writeSchema() throws IOException {
    return messages.write(MessageEncoder.schema(schema, bodyOrder).metadata(), null);
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
      MessageEncoder.Encoded message = MessageEncoder.dictionary(pending.id(), pending.valueField(),
          pending.values(), pending.delta(), pending.path(), compression, bodyOrder);
      prepared.dictionaryMetadata.add(message.metadata());
      prepared.dictionaryBodies.add(message.body());
    }
    MessageEncoder.Encoded message = MessageEncoder.recordBatch(schema, batch, compression, bodyOrder);
    prepared.batchMetadata = message.metadata();
    prepared.batchBody = message.body();
    return prepared;
  }

  /** Writes a prepared batch; adds the dictionary blocks to the list and returns the record batch block. */
  Block write(Prepared prepared, List<Block> dictionaryBlocks) throws IOException {
    for (int i = 0; i < prepared.dictionaryBodies.size(); i++) {
      dictionaryBlocks.add(
          messages.write(prepared.dictionaryMetadata.get(i), prepared.dictionaryBodies.get(i)));
    }
    Block block = messages.write(prepared.batchMetadata, prepared.batchBody);
    dictionaries.commit(prepared.plan);
    return block;
  }
}
