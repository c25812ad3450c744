package dev.quiver.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The framing of a VALID Arrow stream or file, parsed so the mutator can aim at its fields: message
 * boundaries, metadata and body ranges, the position of every length, offset and count field of the
 * flatbuffers (Message, RecordBatch, DictionaryBatch, Schema, Field, Footer, Block), and the range of every
 * buffer inside each body. Positions are absolute indexes into the input. Only used on trusted seeds; a
 * parse problem just leaves the layout partial.
 */
final class IpcLayout {
  /** What a slot holds, so mutated values can be chosen to be plausible. */
  enum Kind { PREFIX_LENGTH, BODY_LENGTH, ROW_COUNT, NODE_LENGTH, NULL_COUNT, BUFFER_OFFSET, BUFFER_LENGTH,
    VARIADIC_COUNT, VECTOR_COUNT, BLOCK_OFFSET, BLOCK_METADATA_LENGTH, BLOCK_BODY_LENGTH, FOOTER_LENGTH,
    DICTIONARY_ID, ENUM, TYPE_PARAMETER, OFFSET_FIELD }

  /** A little-endian integer field of {@code width} bytes at absolute {@code position}. */
  record Slot(int position, int width, Kind kind) {}

  /** A buffer inside a message body (every buffer of the message, in order): absolute start and length. */
  record BufferRange(int start, int length) {}

  /** One encapsulated message: [start, end) covers prefix, metadata and body. */
  record Message(int start, int metadataStart, int metadataLength, int bodyStart, int bodyLength, byte headerType,
      List<BufferRange> buffers) {
    int end() {
      return bodyStart + bodyLength;
    }
  }

  final boolean file;
  final byte[] bytes;
  final List<Message> messages = new ArrayList<>();
  final List<Slot> slots = new ArrayList<>();
  /** Where the end-of-stream marker starts, or -1. */
  int endOfStream = -1;
  int footerStart = -1;
  private final ByteBuffer bb;

  private IpcLayout(byte[] bytes, boolean file) {
    this.bytes = bytes;
    this.file = file;
    this.bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  static IpcLayout parse(byte[] bytes, boolean file) {
    IpcLayout layout = new IpcLayout(bytes, file);
    try {
      layout.parse();
    } catch (RuntimeException e) {
      // partial layout: the mutator only uses what was found
    }
    return layout;
  }

  private void parse() {
    int end = bytes.length;
    if (file) {
      int footerLength = bb.getInt(bytes.length - 10);
      footerStart = bytes.length - 10 - footerLength;
      slots.add(new Slot(bytes.length - 10, 4, Kind.FOOTER_LENGTH));
      end = footerStart;
    }
    int p = file ? 8 : 0;
    while (p + 4 <= end) {
      int first = bb.getInt(p);
      int prefix;
      int size;
      if (first == -1) {
        prefix = 8;
        size = bb.getInt(p + 4);
      } else {
        prefix = 4;
        size = first;
      }
      if (size == 0) {
        endOfStream = p;
        break;
      }
      slots.add(new Slot(p + prefix - 4, 4, Kind.PREFIX_LENGTH));
      int metadataStart = p + prefix;
      Message m = message(p, metadataStart, size);
      messages.add(m);
      p = m.end();
    }
    if (file) {
      footer(footerStart);
    }
  }

  // --- flatbuffer navigation (absolute positions) ---

  private int field(int table, int id) {
    int vt = table - bb.getInt(table);
    int vtSize = bb.getShort(vt) & 0xFFFF;
    int vo = 4 + 2 * id;
    if (vo >= vtSize) {
      return 0;
    }
    int off = bb.getShort(vt + vo) & 0xFFFF;
    return off == 0 ? 0 : table + off;
  }

  private int deref(int pos) {
    return pos + bb.getInt(pos);
  }

  private void scalar(int table, int id, int width, Kind kind) {
    int pos = field(table, id);
    if (pos != 0) {
      slots.add(new Slot(pos, width, kind));
    }
  }

  /** A vector field: records its count slot and the offset field pointing to it; returns its position or 0. */
  private int vector(int table, int id) {
    int pos = field(table, id);
    if (pos == 0) {
      return 0;
    }
    slots.add(new Slot(pos, 4, Kind.OFFSET_FIELD));
    int v = deref(pos);
    slots.add(new Slot(v, 4, Kind.VECTOR_COUNT));
    return v;
  }

  private int subTable(int table, int id) {
    int pos = field(table, id);
    if (pos == 0) {
      return 0;
    }
    slots.add(new Slot(pos, 4, Kind.OFFSET_FIELD));
    return deref(pos);
  }

  private Message message(int start, int metadataStart, int size) {
    int root = metadataStart + bb.getInt(metadataStart);
    scalar(root, 0, 2, Kind.ENUM);
    scalar(root, 1, 1, Kind.ENUM);
    scalar(root, 3, 8, Kind.BODY_LENGTH);
    int typePos = field(root, 1);
    byte type = typePos == 0 ? 0 : bytes[typePos];
    int bodyLengthPos = field(root, 3);
    long bodyLength = bodyLengthPos == 0 ? 0 : bb.getLong(bodyLengthPos);
    int bodyStart = metadataStart + size;
    List<BufferRange> buffers = new ArrayList<>();
    int header = subTable(root, 2);
    if (header != 0) {
      switch (type) {
        case 1 -> schema(header);
        case 3 -> recordBatch(header, bodyStart, buffers);
        case 2 -> {
          scalar(header, 0, 8, Kind.DICTIONARY_ID);
          scalar(header, 2, 1, Kind.ENUM);
          int data = subTable(header, 1);
          if (data != 0) {
            recordBatch(data, bodyStart, buffers);
          }
        }
        default -> { }
      }
    }
    return new Message(start, metadataStart, size, bodyStart, (int) bodyLength, type, buffers);
  }

  private void recordBatch(int rb, int bodyStart, List<BufferRange> buffers) {
    scalar(rb, 0, 8, Kind.ROW_COUNT);
    int nodes = vector(rb, 1);
    if (nodes != 0) {
      int n = bb.getInt(nodes);
      for (int i = 0; i < n; i++) {
        slots.add(new Slot(nodes + 4 + 16 * i, 8, Kind.NODE_LENGTH));
        slots.add(new Slot(nodes + 4 + 16 * i + 8, 8, Kind.NULL_COUNT));
      }
    }
    int bufs = vector(rb, 2);
    if (bufs != 0) {
      int n = bb.getInt(bufs);
      for (int i = 0; i < n; i++) {
        int at = bufs + 4 + 16 * i;
        slots.add(new Slot(at, 8, Kind.BUFFER_OFFSET));
        slots.add(new Slot(at + 8, 8, Kind.BUFFER_LENGTH));
        long offset = bb.getLong(at);
        long length = bb.getLong(at + 8);
        buffers.add(new BufferRange(bodyStart + (int) offset, (int) length));
      }
    }
    int variadic = vector(rb, 4);
    if (variadic != 0) {
      int n = bb.getInt(variadic);
      for (int i = 0; i < n; i++) {
        slots.add(new Slot(variadic + 4 + 8 * i, 8, Kind.VARIADIC_COUNT));
      }
    }
    int compression = subTable(rb, 3);
    if (compression != 0) {
      scalar(compression, 0, 1, Kind.ENUM);
      scalar(compression, 1, 1, Kind.ENUM);
    }
  }

  private void schema(int s) {
    scalar(s, 0, 2, Kind.ENUM);
    fields(s, 1, 0);
    vector(s, 3);
  }

  private void fields(int table, int id, int depth) {
    int vec = vector(table, id);
    if (vec == 0 || depth > 64) {
      return;
    }
    int n = bb.getInt(vec);
    for (int i = 0; i < n; i++) {
      int at = vec + 4 + 4 * i;
      slots.add(new Slot(at, 4, Kind.OFFSET_FIELD));
      fieldTable(deref(at), depth);
    }
  }

  private void fieldTable(int f, int depth) {
    vector(f, 0); // name
    scalar(f, 1, 1, Kind.ENUM);
    scalar(f, 2, 1, Kind.ENUM);
    int type = subTable(f, 3);
    if (type != 0) {
      typeTable(type);
    }
    int dictionary = subTable(f, 4);
    if (dictionary != 0) {
      scalar(dictionary, 0, 8, Kind.DICTIONARY_ID);
      scalar(dictionary, 2, 1, Kind.ENUM);
      scalar(dictionary, 3, 2, Kind.ENUM);
      int index = subTable(dictionary, 1);
      if (index != 0) {
        typeTable(index);
      }
    }
    fields(f, 5, depth + 1);
  }

  /** Every present field of a type table; widths are unknown, so each is offered as 1, 2 and 4 bytes. */
  private void typeTable(int t) {
    int vt = t - bb.getInt(t);
    int vtSize = bb.getShort(vt) & 0xFFFF;
    for (int vo = 4; vo < vtSize; vo += 2) {
      int off = bb.getShort(vt + vo) & 0xFFFF;
      if (off != 0) {
        slots.add(new Slot(t + off, 1, Kind.TYPE_PARAMETER));
        slots.add(new Slot(t + off, 2, Kind.TYPE_PARAMETER));
        slots.add(new Slot(t + off, 4, Kind.TYPE_PARAMETER));
      }
    }
  }

  private void footer(int start) {
    int root = start + bb.getInt(start);
    scalar(root, 0, 2, Kind.ENUM);
    int schema = subTable(root, 1);
    if (schema != 0) {
      schema(schema);
    }
    for (int id = 2; id <= 3; id++) {
      int vec = vector(root, id);
      if (vec != 0) {
        int n = bb.getInt(vec);
        for (int i = 0; i < n; i++) {
          int at = vec + 4 + 24 * i;
          slots.add(new Slot(at, 8, Kind.BLOCK_OFFSET));
          slots.add(new Slot(at + 8, 4, Kind.BLOCK_METADATA_LENGTH));
          slots.add(new Slot(at + 16, 8, Kind.BLOCK_BODY_LENGTH));
        }
      }
    }
  }

  /** Little-endian value of a slot in {@code data}. */
  static long read(byte[] data, Slot s) {
    long v = 0;
    for (int i = s.width() - 1; i >= 0; i--) {
      v = (v << 8) | (data[s.position() + i] & 0xFF);
    }
    // sign-extend
    int shift = 64 - 8 * s.width();
    return (v << shift) >> shift;
  }

  static void write(byte[] data, int position, int width, long value) {
    for (int i = 0; i < width && position + i < data.length; i++) {
      data[position + i] = (byte) (value >>> (8 * i));
    }
  }
}
