package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.MessageHeader;

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

  BatchMessages(MessageWriter messages, Schema schema, boolean file) {
    this.messages = messages;
    this.schema = schema;
    this.dictionaries = new DictionaryWriter(file);
  }

  Block writeSchema() throws IOException {
    FlatBufferBuilder b = MessageWriter.builder();
    int header = SchemaEncoder.encode(b, schema);
    return messages.write(MessageWriter.finishMessage(b, MessageHeader.Schema, header, 0), null);
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
      EncodedBody body = RecordBatchEncoder.encode(pending.values().length(),
          List.of(pending.valueField()), List.of(pending.values()), List.of(pending.path() + "<dictionary>"));
      FlatBufferBuilder b = MessageWriter.builder();
      int data = body.buildRecordBatch(b);
      DictionaryBatch.startDictionaryBatch(b);
      DictionaryBatch.addId(b, pending.id());
      DictionaryBatch.addData(b, data);
      DictionaryBatch.addIsDelta(b, pending.delta());
      int header = DictionaryBatch.endDictionaryBatch(b);
      prepared.dictionaryMetadata.add(
          MessageWriter.finishMessage(b, MessageHeader.DictionaryBatch, header, body.bodyLength()));
      prepared.dictionaryBodies.add(body);
    }
    List<String> paths = new ArrayList<>();
    schema.fields().forEach(f -> paths.add(f.name()));
    EncodedBody body = RecordBatchEncoder.encode(batch.length(), schema.fields(), batch.columns(), paths);
    FlatBufferBuilder b = MessageWriter.builder();
    int header = body.buildRecordBatch(b);
    prepared.batchMetadata =
        MessageWriter.finishMessage(b, MessageHeader.RecordBatch, header, body.bodyLength());
    prepared.batchBody = body;
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
