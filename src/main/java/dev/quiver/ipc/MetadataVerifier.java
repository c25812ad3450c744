package dev.quiver.ipc;

import dev.quiver.columnar.LimitExceededException;
import java.nio.ByteBuffer;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.Type;

/**
 * Walks the Arrow metadata flatbuffers (Message, Footer) with {@link FlatBufferVerifier} so every table,
 * vector and string the decoders later read through the generated classes lies inside the buffer. Field ids
 * follow Message.fbs, Schema.fbs and File.fbs (vtable offset = 4 + 2 * id).
 */
final class MetadataVerifier {
  private final FlatBufferVerifier v;
  private final IpcLimits limits;
  private int fieldCount;

  private MetadataVerifier(ByteBuffer metadata, IpcLimits limits, String where) {
    this.v = new FlatBufferVerifier(metadata, where);
    this.limits = limits;
  }

  /** Checks a Message flatbuffer starting at index 0 of {@code metadata}. */
  static void verifyMessage(ByteBuffer metadata, IpcLimits limits, String where) {
    new MetadataVerifier(metadata, limits, where).message();
  }

  /** Checks a Footer flatbuffer starting at index 0 of {@code footer}. */
  static void verifyFooter(ByteBuffer footer, IpcLimits limits, String where) {
    new MetadataVerifier(footer, limits, where).footer();
  }

  private void message() {
    int m = v.root("Message");
    v.scalar(m, 4, 2, "Message.version");
    v.scalar(m, 6, 1, "Message.header_type");
    v.scalar(m, 10, 8, "Message.bodyLength");
    keyValues(m, 12, "Message.custom_metadata");
    int header = v.subTable(m, 8, "Message.header");
    if (header == 0) {
      return;
    }
    switch (v.byteField(m, 6)) {
      case MessageHeader.Schema -> schema(header);
      case MessageHeader.RecordBatch -> recordBatch(header);
      case MessageHeader.DictionaryBatch -> {
        v.scalar(header, 4, 8, "DictionaryBatch.id");
        v.scalar(header, 8, 1, "DictionaryBatch.isDelta");
        int data = v.subTable(header, 6, "DictionaryBatch.data");
        if (data != 0) {
          recordBatch(data);
        }
      }
      default -> { } // rejected by the decoder with a precise message
    }
  }

  private void footer() {
    int f = v.root("Footer");
    v.scalar(f, 4, 2, "Footer.version");
    int schema = v.subTable(f, 6, "Footer.schema");
    if (schema != 0) {
      schema(schema);
    }
    v.vector(f, 8, 24, "Footer.dictionaries");
    v.vector(f, 10, 24, "Footer.recordBatches");
    keyValues(f, 12, "Footer.custom_metadata");
  }

  private void schema(int s) {
    v.scalar(s, 4, 2, "Schema.endianness");
    v.vector(s, 10, 8, "Schema.features");
    keyValues(s, 8, "Schema.custom_metadata");
    fields(s, 6, 1, "Schema.fields");
  }

  private void fields(int table, int vo, int depth, String what) {
    int vec = v.vector(table, vo, 4, what);
    int n = v.length(vec);
    for (int i = 0; i < n; i++) {
      field(v.tableAt(vec, i, what + "[" + i + "]"), depth, what + "[" + i + "]");
    }
  }

  private void field(int f, int depth, String what) {
    if (depth > limits.maxNestingDepth()) {
      throw new LimitExceededException(
          "schema nesting deeper than " + limits.maxNestingDepth() + " levels at " + what);
    }
    if (++fieldCount > limits.maxFields()) {
      throw new LimitExceededException("schema has more than " + limits.maxFields() + " fields");
    }
    v.string(f, 4, what + ".name");
    v.scalar(f, 6, 1, what + ".nullable");
    v.scalar(f, 8, 1, what + ".type_type");
    int type = v.subTable(f, 10, what + ".type");
    if (type != 0) {
      type(type, v.byteField(f, 8), what + ".type");
    }
    int dict = v.subTable(f, 12, what + ".dictionary");
    if (dict != 0) {
      v.scalar(dict, 4, 8, what + ".dictionary.id");
      v.scalar(dict, 8, 1, what + ".dictionary.isOrdered");
      v.scalar(dict, 10, 2, what + ".dictionary.dictionaryKind");
      int index = v.subTable(dict, 6, what + ".dictionary.indexType");
      if (index != 0) {
        type(index, Type.Int, what + ".dictionary.indexType");
      }
    }
    fields(f, 14, depth + 1, what + ".children");
    keyValues(f, 16, what + ".custom_metadata");
  }

  private void type(int t, byte tag, String what) {
    switch (tag) {
      case Type.Int -> {
        v.scalar(t, 4, 4, what);
        v.scalar(t, 6, 1, what);
      }
      case Type.FloatingPoint, Type.Date, Type.Interval, Type.Duration, Type.Union -> {
        v.scalar(t, 4, 2, what);
        if (tag == Type.Union) {
          v.vector(t, 6, 4, what + ".typeIds");
        }
      }
      case Type.Decimal -> {
        v.scalar(t, 4, 4, what);
        v.scalar(t, 6, 4, what);
        v.scalar(t, 8, 4, what);
      }
      case Type.Time -> {
        v.scalar(t, 4, 2, what);
        v.scalar(t, 6, 4, what);
      }
      case Type.Timestamp -> {
        v.scalar(t, 4, 2, what);
        v.string(t, 6, what + ".timezone");
      }
      case Type.FixedSizeBinary, Type.FixedSizeList -> v.scalar(t, 4, 4, what);
      case Type.Map -> v.scalar(t, 4, 1, what);
      default -> { } // no fields, or an unknown tag the schema decoder rejects
    }
  }

  private void recordBatch(int rb) {
    v.scalar(rb, 4, 8, "RecordBatch.length");
    v.vector(rb, 6, 16, "RecordBatch.nodes");
    v.vector(rb, 8, 16, "RecordBatch.buffers");
    v.vector(rb, 12, 8, "RecordBatch.variadicBufferCounts");
    int compression = v.subTable(rb, 10, "RecordBatch.compression");
    if (compression != 0) {
      v.scalar(compression, 4, 1, "BodyCompression.codec");
      v.scalar(compression, 6, 1, "BodyCompression.method");
    }
  }

  private void keyValues(int table, int vo, String what) {
    int vec = v.vector(table, vo, 4, what);
    int n = v.length(vec);
    for (int i = 0; i < n; i++) {
      int kv = v.tableAt(vec, i, what + "[" + i + "]");
      v.string(kv, 4, what + "[" + i + "].key");
      v.string(kv, 6, what + "[" + i + "].value");
    }
  }
}
