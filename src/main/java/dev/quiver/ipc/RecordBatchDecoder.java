package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.MetadataVersion;

/**
 * Builds {@link ArrayData} from a verified RecordBatch flatbuffer and its message body: field nodes and
 * buffers are consumed in a pre-order walk of the fields (a dictionary-encoded field is a leaf holding
 * validity and indices). Buffers are slices of the body; each range is checked to lie inside it. The
 * result still needs {@link ArrayValidator} before use.
 */
final class RecordBatchDecoder {
  /** Finds the dictionary values in force for a dictionary-encoded field, or null if none is defined. */
  interface DictionaryLookup {
    ArrayData find(Field field);
  }

  private final org.apache.arrow.flatbuf.RecordBatch rb;
  private final ByteBuffer body;
  private final boolean v4;
  private final DictionaryLookup dictionaries;
  private final String where;
  private final BufferDecompressor decompressor;
  private final FieldNode nodeView = new FieldNode();
  private final Buffer bufferView = new Buffer();
  private int nodeIndex;
  private int bufferIndex;
  private int variadicIndex;
  private final long maxValues;
  private long values;

  private RecordBatchDecoder(org.apache.arrow.flatbuf.RecordBatch rb, ByteBuffer body, short version,
      DictionaryLookup dictionaries, String where, IpcLimits limits) {
    this.rb = rb;
    this.decompressor = BufferDecompressor.of(rb.compression(), limits, where);
    this.body = body;
    this.v4 = version == MetadataVersion.V4;
    this.dictionaries = dictionaries;
    this.where = where;
    this.maxValues = limits.maxBatchValues();
  }

  /**
   * Decodes one array per field; each must have the batch's length. Compressed buffers are decompressed
   * into heap buffers (within {@link IpcLimits#maxDecompressedBytes()}); with {@code bigEndian} every
   * multi-byte value is swapped into new little-endian buffers. Not yet validated.
   */
  static List<ArrayData> decode(org.apache.arrow.flatbuf.RecordBatch rb, ByteBuffer body, short version,
      List<Field> fields, DictionaryLookup dictionaries, String where, IpcLimits limits, boolean bigEndian) {
    List<ArrayData> columns = MessageDecoder.guard(where,
        () -> new RecordBatchDecoder(rb, body, version, dictionaries, where, limits).decode(fields));
    if (!bigEndian) {
      return columns;
    }
    List<ArrayData> swapped = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      swapped.add(EndianSwapper.swap(columns.get(i), ByteOrder.BIG_ENDIAN));
    }
    return swapped;
  }

  /** The batch's row count, checked to fit an int. */
  static int length(org.apache.arrow.flatbuf.RecordBatch rb, String where) {
    long length = rb.length();
    if (length < 0 || length > Integer.MAX_VALUE) {
      throw new ArrowFormatException(where + ": record batch length out of range: " + length);
    }
    return (int) length;
  }

  private List<ArrayData> decode(List<Field> fields) {
    int length = length(rb, where);
    if (length > maxValues) {
      throw tooManyValues("the batch's " + length + " rows exceed");
    }
    List<ArrayData> columns = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      ColumnPath path = ColumnPath.column(i, f.name());
      ArrayData column = read(f, path);
      if (column.length() != length) {
        throw error(path, "length " + column.length() + " differs from the batch length " + length);
      }
      columns.add(column);
    }
    return columns;
  }

  private ArrayData read(Field f, ColumnPath path) {
    if (nodeIndex >= rb.nodesLength()) {
      throw error(path, "ran out of field nodes (" + rb.nodesLength() + " in the message)");
    }
    FieldNode node = rb.nodes(nodeView, nodeIndex++);
    long len = node.length();
    long nulls = node.nullCount();
    if (len < 0 || len > Integer.MAX_VALUE) {
      throw error(path, "field node length out of range: " + len);
    }
    if (nulls < 0 || nulls > len) {
      throw error(path, "null count out of [0, " + len + "]: " + nulls);
    }
    int length = (int) len;
    int nullCount = (int) nulls;
    values += length;
    if (values > maxValues) {
      throw tooManyValues(path + ": its arrays' lengths add up to " + values + " values so far, over");
    }
    if (f.isDictionaryEncoded()) {
      ByteBuffer validity = validity(nullCount, path);
      ByteBuffer indices = next(path, "indices");
      ArrayData dictionary = dictionaries.find(f);
      if (dictionary == null) {
        throw error(path, "dictionary id " + f.dictionary().id() + " is not defined by an earlier dictionary batch");
      }
      return new ArrayData(f, length, nullCount, List.of(validity, indices), List.of(), dictionary);
    }
    ArrowType t = f.type();
    List<ByteBuffer> buffers = new ArrayList<>(3);
    if (t instanceof ArrowType.Null) {
      return new ArrayData(f, length, length, List.of(), List.of(), null);
    } else if (t instanceof ArrowType.Union u) {
      if (v4) {
        wire(path, "validity");
        if (nullCount > 0) {
          throw error(path, "metadata V4 union with nulls is not supported");
        }
      }
      nullCount = 0;
      buffers.add(next(path, "type ids"));
      if (u.mode() == ArrowType.UnionMode.DENSE) {
        buffers.add(next(path, "offsets"));
      }
    } else if (t instanceof ArrowType.RunEndEncoded) {
      if (nullCount != 0) {
        throw error(path, "run-end encoded array with null count " + nullCount + " (must be 0)");
      }
    } else {
      buffers.add(validity(nullCount, path));
      if (t instanceof ArrowType.Binary || t instanceof ArrowType.Utf8 || t instanceof ArrowType.List_
          || t instanceof ArrowType.Map) {
        buffers.add(offsets(length, 4, path));
      } else if (t instanceof ArrowType.LargeBinary || t instanceof ArrowType.LargeUtf8
          || t instanceof ArrowType.LargeList) {
        buffers.add(offsets(length, 8, path));
      } else if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
        buffers.add(next(path, "offsets"));
        buffers.add(next(path, "sizes"));
      } else if (t instanceof ArrowType.BinaryView || t instanceof ArrowType.Utf8View) {
        buffers.add(next(path, "views"));
        long count = variadicCount(path);
        for (long k = 0; k < count; k++) {
          buffers.add(next(path, "variadic data buffer " + k));
        }
      } else if (!(t instanceof ArrowType.Struct || t instanceof ArrowType.FixedSizeList)) {
        buffers.add(next(path, "values"));
      }
      if (t instanceof ArrowType.Binary || t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeBinary
          || t instanceof ArrowType.LargeUtf8) {
        buffers.add(next(path, "data"));
      }
    }
    int childCount = f.children().size();
    if (childCount == 0) {
      return new ArrayData(f, length, nullCount, buffers, List.of(), null);
    }
    ArrayData[] children = new ArrayData[childCount];
    for (int i = 0; i < childCount; i++) {
      Field child = f.child(i);
      children[i] = read(child, path.child(i, child.name()));
    }
    return new ArrayData(f, length, nullCount, buffers, List.of(children), null);
  }

  private long variadicCount(ColumnPath path) {
    if (variadicIndex >= rb.variadicBufferCountsLength()) {
      throw error(path, "variadicBufferCounts has no entry for this view array");
    }
    long count = rb.variadicBufferCounts(variadicIndex++);
    if (count < 0 || count > rb.buffersLength() - bufferIndex) {
      throw error(path, "variadic buffer count out of range: " + count);
    }
    return count;
  }

  private ByteBuffer validity(int nullCount, ColumnPath path) {
    if (nullCount == 0) {
      wire(path, "validity");
      return ArrayData.emptyBuffer();
    }
    return next(path, "validity");
  }

  /** An offsets buffer; a zero-length array may ship it empty, which becomes a single zero offset. */
  private ByteBuffer offsets(int length, int width, ColumnPath path) {
    ByteBuffer offsets = next(path, "offsets");
    if (length == 0 && offsets.capacity() < width) {
      return ByteBuffer.allocate(width).order(ByteOrder.LITTLE_ENDIAN);
    }
    return offsets;
  }

  /** The next buffer's plain bytes (decompressed when the body is compressed). */
  private ByteBuffer next(ColumnPath path, String what) {
    ByteBuffer wire = wire(path, what);
    return decompressor == null ? wire : decompressor.decompress(wire, where + ", " + path + ", " + what);
  }

  /** The next buffer's bytes as stored in the body. */
  private ByteBuffer wire(ColumnPath path, String what) {
    if (bufferIndex >= rb.buffersLength()) {
      throw error(path, "ran out of buffers for " + what + " (" + rb.buffersLength() + " in the message)");
    }
    Buffer b = rb.buffers(bufferView, bufferIndex++);
    long offset = b.offset();
    long length = b.length();
    int bodyLength = body.capacity();
    if (offset < 0 || length < 0 || length > bodyLength || offset > bodyLength - length) {
      throw error(path, what + " buffer [" + offset + ", +" + length + ") outside the "
          + bodyLength + "-byte body");
    }
    if (length > 0 && offset % IpcFormat.ALIGNMENT != 0) {
      throw error(path, what + " buffer offset " + offset + " is not a multiple of 8");
    }
    return body.slice((int) offset, (int) length).order(ByteOrder.LITTLE_ENDIAN);
  }

  private LimitExceededException tooManyValues(String what) {
    return new LimitExceededException(where + ": " + what + " the limit of " + maxValues
        + " values per batch (rows, and the lengths of all its arrays added up)");
  }

  private ArrowFormatException error(ColumnPath path, String what) {
    return new ArrowFormatException(where + ", " + path + ": " + what);
  }
}
