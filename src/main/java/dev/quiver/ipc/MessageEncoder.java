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
import java.util.ArrayList;
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
          body.writeTo(out, new byte[8192]);
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
    FlatBufferBuilder b = MessageWriter.builder();
    int header = SchemaEncoder.encode(b, schema, bodyOrder);
    return new Encoded(MessageWriter.finishMessage(b, MessageHeader.Schema, header, 0), null);
  }

  /** A DictionaryBatch holding {@code values} (the new entries only when {@code delta}). */
  static Encoded dictionary(long id, Field valueField, ArrayData values, boolean delta, String path,
      BodyCompression compression) {
    return dictionary(id, valueField, values, delta, path, compression, ByteOrder.LITTLE_ENDIAN);
  }

  /** As {@link #dictionary(long, Field, ArrayData, boolean, String, BodyCompression)}, body in {@code order}. */
  static Encoded dictionary(long id, Field valueField, ArrayData values, boolean delta, String path,
      BodyCompression compression, ByteOrder order) {
    ArrayData ordered = order == ByteOrder.BIG_ENDIAN ? EndianSwapper.swap(values, ByteOrder.LITTLE_ENDIAN) : values;
    EncodedBody body = RecordBatchEncoder.encode(values.length(), List.of(valueField), List.of(ordered),
        List.of(path + "<dictionary>"), order).compressed(compression);
    FlatBufferBuilder b = MessageWriter.builder();
    int data = body.buildRecordBatch(b);
    DictionaryBatch.startDictionaryBatch(b);
    DictionaryBatch.addId(b, id);
    DictionaryBatch.addData(b, data);
    DictionaryBatch.addIsDelta(b, delta);
    int header = DictionaryBatch.endDictionaryBatch(b);
    return new Encoded(MessageWriter.finishMessage(b, MessageHeader.DictionaryBatch, header, body.bodyLength()),
        body);
  }

  /** A RecordBatch message of {@code batch}'s columns laid out per {@code schema}'s fields. */
  static Encoded recordBatch(Schema schema, RecordBatch batch, BodyCompression compression) {
    return recordBatch(schema, batch, compression, ByteOrder.LITTLE_ENDIAN);
  }

  /** As {@link #recordBatch(Schema, RecordBatch, BodyCompression)}, body in {@code order}. */
  static Encoded recordBatch(Schema schema, RecordBatch batch, BodyCompression compression, ByteOrder order) {
    List<String> paths = new ArrayList<>();
    schema.fields().forEach(f -> paths.add(f.name()));
    List<ArrayData> columns = batch.columns();
    if (order == ByteOrder.BIG_ENDIAN) {
      columns = columns.stream().map(c -> EndianSwapper.swap(c, ByteOrder.LITTLE_ENDIAN)).toList();
    }
    EncodedBody body = RecordBatchEncoder.encode(batch.length(), schema.fields(), columns, paths, order)
        .compressed(compression);
    FlatBufferBuilder b = MessageWriter.builder();
    int header = body.buildRecordBatch(b);
    return new Encoded(MessageWriter.finishMessage(b, MessageHeader.RecordBatch, header, body.bodyLength()),
        body);
  }
}
