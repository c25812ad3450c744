package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.Block;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.DictionaryEncoding;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;

/**
 * Hand-built IPC messages for reader tests that arrow-java cannot produce (deltas, replacements in files,
 * broken offsets, bad UTF-8, out-of-range indices...). Field kinds: "int32", "utf8", "dict" (utf8 values,
 * int32 indices, id {@code dictId}) and "struct".
 */
final class ReaderTestMessages {
  private ReaderTestMessages() {}

  record Spec(String name, String kind, long dictId, List<Spec> children) {
    static Spec of(String name, String kind) {
      return new Spec(name, kind, -1, List.of());
    }

    static Spec dict(String name, long id) {
      return new Spec(name, "dict", id, List.of());
    }

    static Spec struct(String name, Spec... children) {
      return new Spec(name, "struct", -1, List.of(children));
    }
  }

  /** One encoded message: its bytes, prefix + metadata length, body length. */
  record Msg(byte[] bytes, int metadataLength, long bodyLength) {}

  static Msg schema(short version, boolean bigEndian, Spec... fields) {
    FlatBufferBuilder b = new FlatBufferBuilder();
    int fieldsVector = Schema.createFieldsVector(b, fields(b, List.of(fields)));
    Schema.startSchema(b);
    Schema.addEndianness(b, bigEndian ? Endianness.Big : Endianness.Little);
    Schema.addFields(b, fieldsVector);
    int schema = Schema.endSchema(b);
    return message(b, MessageHeader.Schema, schema, new byte[0], version);
  }

  static Msg schema(Spec... fields) {
    return schema(MetadataVersion.V5, false, fields);
  }

  private static int[] fields(FlatBufferBuilder b, List<Spec> specs) {
    int[] out = new int[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      int children = Field.createChildrenVector(b, fields(b, s.children()));
      int name = b.createString(s.name());
      byte typeType;
      int type;
      switch (s.kind()) {
        case "int32" -> {
          typeType = Type.Int;
          type = Int.createInt(b, 32, true);
        }
        case "utf8", "dict" -> {
          typeType = Type.Utf8;
          org.apache.arrow.flatbuf.Utf8.startUtf8(b);
          type = org.apache.arrow.flatbuf.Utf8.endUtf8(b);
        }
        case "struct" -> {
          typeType = Type.Struct_;
          org.apache.arrow.flatbuf.Struct_.startStruct_(b);
          type = org.apache.arrow.flatbuf.Struct_.endStruct_(b);
        }
        default -> throw new IllegalArgumentException(s.kind());
      }
      int dictionary = 0;
      if (s.kind().equals("dict")) {
        int index = Int.createInt(b, 32, true);
        dictionary = DictionaryEncoding.createDictionaryEncoding(b, s.dictId(), index, false, (short) 0);
      }
      Field.startField(b);
      Field.addName(b, name);
      Field.addNullable(b, true);
      Field.addTypeType(b, typeType);
      Field.addType(b, type);
      if (dictionary != 0) {
        Field.addDictionary(b, dictionary);
      }
      Field.addChildren(b, children);
      out[i] = Field.endField(b);
    }
    return out;
  }

  /** A record batch; nodes are {length, nullCount} pairs, buffers are laid out 8-aligned in the body. */
  static Msg batch(long length, long[][] nodes, byte[]... buffers) {
    FlatBufferBuilder b = new FlatBufferBuilder();
    byte[] body = body(buffers);
    int rb = recordBatch(b, length, nodes, buffers);
    return message(b, MessageHeader.RecordBatch, rb, body, MetadataVersion.V5);
  }

  static Msg dictionary(long id, boolean delta, long length, long[][] nodes, byte[]... buffers) {
    FlatBufferBuilder b = new FlatBufferBuilder();
    byte[] body = body(buffers);
    int rb = recordBatch(b, length, nodes, buffers);
    int db = DictionaryBatch.createDictionaryBatch(b, id, rb, delta);
    return message(b, MessageHeader.DictionaryBatch, db, body, MetadataVersion.V5);
  }

  /** A one-column utf8 dictionary batch (validity all set, offsets, data). */
  static Msg utf8Dictionary(long id, boolean delta, String... values) {
    byte[][] utf8 = utf8(values);
    return dictionary(id, delta, values.length, new long[][] {{values.length, 0}}, new byte[0], utf8[0], utf8[1]);
  }

  private static int recordBatch(FlatBufferBuilder b, long length, long[][] nodes, byte[][] buffers) {
    RecordBatch.startNodesVector(b, nodes.length);
    for (int i = nodes.length - 1; i >= 0; i--) {
      FieldNode.createFieldNode(b, nodes[i][0], nodes[i][1]);
    }
    int nodesVector = b.endVector();
    long[] offsets = new long[buffers.length];
    long position = 0;
    for (int i = 0; i < buffers.length; i++) {
      offsets[i] = position;
      position = IpcFormat.padded(position + buffers[i].length);
    }
    RecordBatch.startBuffersVector(b, buffers.length);
    for (int i = buffers.length - 1; i >= 0; i--) {
      Buffer.createBuffer(b, offsets[i], buffers[i].length);
    }
    int buffersVector = b.endVector();
    return RecordBatch.createRecordBatch(b, length, nodesVector, buffersVector, 0, 0);
  }

  private static byte[] body(byte[][] buffers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] buffer : buffers) {
      out.writeBytes(buffer);
      out.writeBytes(new byte[(int) (IpcFormat.padded(buffer.length) - buffer.length)]);
    }
    return out.toByteArray();
  }

  static Msg message(FlatBufferBuilder b, byte headerType, int header, byte[] body, short version) {
    return message(b, headerType, header, body, body.length, version);
  }

  static Msg message(FlatBufferBuilder b, byte headerType, int header, byte[] body, long declaredBodyLength,
      short version) {
    int message = Message.createMessage(b, version, headerType, header, declaredBodyLength, 0);
    b.finish(message);
    byte[] metadata = b.sizedByteArray();
    int padded = (int) IpcFormat.padded(8L + metadata.length) - 8;
    ByteBuffer out = ByteBuffer.allocate(8 + padded + body.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(IpcFormat.CONTINUATION_MARKER).putInt(padded).put(metadata);
    out.position(8 + padded);
    out.put(body);
    return new Msg(out.array(), 8 + padded, body.length);
  }

  static byte[] stream(Msg... messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Msg m : messages) {
      out.writeBytes(m.bytes());
    }
    out.writeBytes(IpcFormat.END_OF_STREAM);
    return out.toByteArray();
  }

  static byte[] file(Msg schema, List<Msg> dictionaries, List<Msg> batches) {
    return file(schema, true, dictionaries, batches);
  }

  /** A file; without {@code schemaMessage} the schema is only in the footer (as Arrow JS writes files). */
  static byte[] file(Msg schema, boolean schemaMessage, List<Msg> dictionaries, List<Msg> batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(IpcFormat.MAGIC);
    out.writeBytes(new byte[2]);
    if (schemaMessage) {
      out.writeBytes(schema.bytes());
    }
    List<long[]> dictBlocks = new ArrayList<>();
    List<long[]> batchBlocks = new ArrayList<>();
    for (Msg m : dictionaries) {
      dictBlocks.add(new long[] {out.size(), m.metadataLength(), m.bodyLength()});
      out.writeBytes(m.bytes());
    }
    for (Msg m : batches) {
      batchBlocks.add(new long[] {out.size(), m.metadataLength(), m.bodyLength()});
      out.writeBytes(m.bytes());
    }
    out.writeBytes(IpcFormat.END_OF_STREAM);
    // The footer's schema: re-read from the schema message.
    ByteBuffer schemaMeta = ByteBuffer.wrap(schema.bytes(), 8, schema.metadataLength() - 8).slice()
        .order(ByteOrder.LITTLE_ENDIAN);
    Schema fbSchema = (Schema) Message.getRootAsMessage(schemaMeta).header(new Schema());
    FlatBufferBuilder b = new FlatBufferBuilder();
    int schemaOffset = copySchema(b, fbSchema);
    Footer.startDictionariesVector(b, dictBlocks.size());
    for (int i = dictBlocks.size() - 1; i >= 0; i--) {
      long[] x = dictBlocks.get(i);
      Block.createBlock(b, x[0], (int) x[1], x[2]);
    }
    int dicts = b.endVector();
    Footer.startRecordBatchesVector(b, batchBlocks.size());
    for (int i = batchBlocks.size() - 1; i >= 0; i--) {
      long[] x = batchBlocks.get(i);
      Block.createBlock(b, x[0], (int) x[1], x[2]);
    }
    int recs = b.endVector();
    b.finish(Footer.createFooter(b, MetadataVersion.V5, schemaOffset, dicts, recs, 0));
    byte[] footer = b.sizedByteArray();
    out.writeBytes(footer);
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.length).array());
    out.writeBytes(IpcFormat.MAGIC);
    return out.toByteArray();
  }

  /** Rebuilds the schema from specs is simpler than copying: the footer gets the same fields. */
  private static int copySchema(FlatBufferBuilder b, Schema s) {
    List<Spec> specs = new ArrayList<>();
    for (int i = 0; i < s.fieldsLength(); i++) {
      specs.add(spec(s.fields(i)));
    }
    int fieldsVector = Schema.createFieldsVector(b, fields(b, specs));
    return Schema.createSchema(b, s.endianness(), fieldsVector, 0, 0);
  }

  private static Spec spec(Field f) {
    List<Spec> children = new ArrayList<>();
    for (int i = 0; i < f.childrenLength(); i++) {
      children.add(spec(f.children(i)));
    }
    String kind = f.dictionary() != null ? "dict"
        : f.typeType() == Type.Int ? "int32" : f.typeType() == Type.Utf8 ? "utf8" : "struct";
    return new Spec(f.name(), kind, f.dictionary() != null ? f.dictionary().id() : -1, children);
  }

  static byte[] int32s(int... values) {
    ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      out.putInt(v);
    }
    return out.array();
  }

  /** {offsets, data} of utf8 values. */
  static byte[][] utf8(String... values) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int[] offsets = new int[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      data.writeBytes(values[i].getBytes(StandardCharsets.UTF_8));
      offsets[i + 1] = data.size();
    }
    return new byte[][] {int32s(offsets), data.toByteArray()};
  }
}
