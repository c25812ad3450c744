package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.MessageHeader;

/**
 * Encodes single messages (metadata flatbuffer + body) for the writers, and as framed bytes for readers that
 * serve re-encoded messages (a big-endian file's batches, served little-endian).
 */
final class MessageEncoder {
  /** One message: its Message flatbuffer (position to limit) and its body (null for a schema). */
  record Encoded(ByteBuffer metadata, EncodedBody body) {
    /** The message in current framing: [prefix + padded metadata, body bytes]. */
    List<ByteBuffer> framed() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        MessageWriter writer = new MessageWriter(out);
        writer.write(metadata, null);
        ByteBuffer head = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        out.reset();
        if (body != null) {
          body.writeTo(out);
        }
        return List.of(head, ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private MessageEncoder() {}

  static Encoded schema(Schema schema) {
    return schema(schema, ByteOrder.LITTLE_ENDIAN);
  }

  /** A Schema message declaring bodies in {@code bodyOrder}. */
  static Encoded schema(Schema schema, ByteOrder bodyOrder) {
    return new Encoded(schemaMetadata(MessageWriter.builder(), schema, bodyOrder), null);
  }

  /** The Message flatbuffer of a Schema declaring bodies in {@code bodyOrder}, built in {@code b} (cleared first). */
  static ByteBuffer schemaMetadata(FlatBufferBuilder b, Schema schema, ByteOrder bodyOrder) {
    b.clear();
    int header = SchemaEncoder.encode(b, schema, bodyOrder);
    return MessageWriter.finishMessage(b, MessageHeader.Schema, header, 0);
  }

  /** A DictionaryBatch holding {@code values} (the new entries only when {@code delta}). */
  static Encoded dictionary(long id, Field valueField, ArrayData values, boolean delta, String path,
      BodyCompression compression) {
    EncodedBody body = dictionaryBody(valueField, values, WritePath.of(path), compression,
        ByteOrder.LITTLE_ENDIAN);
    return new Encoded(dictionaryMetadata(MessageWriter.builder(), id, delta, body), body);
  }

  /**
   * The body of a DictionaryBatch holding {@code values}, in {@code order}; {@code column} is the column
   * whose dictionary it is (error messages name "column&lt;dictionary&gt;").
   */
  static EncodedBody dictionaryBody(Field valueField, ArrayData values, WritePath column,
      BodyCompression compression, ByteOrder order) {
    ArrayData ordered = order == ByteOrder.BIG_ENDIAN ? EndianSwapper.swap(values, ByteOrder.LITTLE_ENDIAN) : values;
    return RecordBatchEncoder.encodeDictionary(valueField, ordered, column.dictionary(), order)
        .compressed(compression);
  }

  /** The Message flatbuffer of a DictionaryBatch with {@code body}, built in {@code b} (cleared first). */
  static ByteBuffer dictionaryMetadata(FlatBufferBuilder b, long id, boolean delta, EncodedBody body) {
    b.clear();
    int data = body.buildRecordBatch(b);
    DictionaryBatch.startDictionaryBatch(b);
    DictionaryBatch.addId(b, id);
    DictionaryBatch.addData(b, data);
    DictionaryBatch.addIsDelta(b, delta);
    int header = DictionaryBatch.endDictionaryBatch(b);
    return MessageWriter.finishMessage(b, MessageHeader.DictionaryBatch, header, body.bodyLength());
  }

  /** A RecordBatch message of {@code batch}'s columns laid out per {@code schema}'s fields. */
  static Encoded recordBatch(Schema schema, RecordBatch batch, BodyCompression compression) {
    EncodedBody body = recordBatchBody(schema, batch, compression, ByteOrder.LITTLE_ENDIAN);
    return new Encoded(recordBatchMetadata(MessageWriter.builder(), body), body);
  }

  /** The body of a RecordBatch message of {@code batch}'s columns, in {@code order}. */
  static EncodedBody recordBatchBody(Schema schema, RecordBatch batch, BodyCompression compression,
      ByteOrder order) {
    List<ArrayData> columns = batch.columns();
    if (order == ByteOrder.BIG_ENDIAN) {
      columns = columns.stream().map(c -> EndianSwapper.swap(c, ByteOrder.LITTLE_ENDIAN)).toList();
    }
    return RecordBatchEncoder.encodeColumns(batch.length(), schema.fields(), columns, order)
        .compressed(compression);
  }

  /** The Message flatbuffer of a RecordBatch with {@code body}, built in {@code b} (cleared first). */
  static ByteBuffer recordBatchMetadata(FlatBufferBuilder b, EncodedBody body) {
    b.clear();
    int header = body.buildRecordBatch(b);
    return MessageWriter.finishMessage(b, MessageHeader.RecordBatch, header, body.bodyLength());
  }
}
