package dev.quiver.interop;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.dictionary.Dictionary;

/**
 * arrow-java vectors to Quiver arrays: every buffer slot of the layout (see {@link ArrayData}) is copied into
 * a little-endian heap buffer holding exactly the bytes the array's length needs. A validity bitmap is copied
 * only when the array has nulls (else the slot is empty). A dictionary that is the same arrow-java vector in
 * several batches becomes the same {@link ArrayData} object.
 */
final class ToQuiver {
  private final Map<FieldVector, ArrayData> dictionaryCache = new IdentityHashMap<>();

  static List<RecordBatch> convert(ArrowJavaData data) {
    ToQuiver converter = new ToQuiver();
    Schema schema = ArrowJavaSchemas.toQuiver(data.schema());
    List<RecordBatch> out = new ArrayList<>();
    for (ArrowJavaData.Batch b : data.batches()) {
      List<ArrayData> columns = new ArrayList<>();
      for (int i = 0; i < schema.size(); i++) {
        columns.add(converter.array(b.root().getVector(i), schema.field(i), b.dictionaries()));
      }
      out.add(new RecordBatch(schema, b.rowCount(), columns));
    }
    return out;
  }

  private ArrayData array(FieldVector v, Field f, Map<Long, Dictionary> dictionaries) {
    int n = v.getValueCount();
    List<ArrowBuf> src = v.getFieldBuffers();
    List<ByteBuffer> buffers = new ArrayList<>();
    List<ArrayData> children = new ArrayList<>();
    if (f.isDictionaryEncoded()) {
      int nulls = v.getNullCount();
      buffers.add(validity(src.get(0), n, nulls));
      buffers.add(copy(src.get(1), (long) n * f.dictionary().indexType().bitWidth() / 8));
      Dictionary d = dictionaries.get(f.dictionary().id());
      if (d == null) {
        throw new IllegalArgumentException("no dictionary " + f.dictionary().id() + " for field " + f.name());
      }
      ArrayData values = dictionaryCache.get(d.getVector());
      if (values == null) {
        values = array(d.getVector(), f.valueField(), dictionaries);
        dictionaryCache.put(d.getVector(), values);
      }
      return new ArrayData(f, n, nulls, buffers, children, values);
    }
    ArrowType t = f.type();
    if (t instanceof ArrowType.Null) {
      return new ArrayData(f, n, n, buffers, children, null);
    }
    int nulls = v.getNullCount();
    buffers.add(validity(src.get(0), n, nulls));
    int width = fixedWidthBytes(t);
    if (t instanceof ArrowType.Bool) {
      buffers.add(copy(src.get(1), Bits.bytesFor(n)));
    } else if (width > 0) {
      buffers.add(copy(src.get(1), (long) n * width));
    } else if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.Binary) {
      ByteBuffer offsets = copy(src.get(1), (n + 1L) * 4);
      buffers.add(offsets);
      buffers.add(copy(src.get(2), offsets.getInt(n * 4)));
    } else if (t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.LargeBinary) {
      ByteBuffer offsets = copy(src.get(1), (n + 1L) * 8);
      buffers.add(offsets);
      buffers.add(copy(src.get(2), offsets.getLong(n * 8)));
    } else if (t instanceof ArrowType.List_ || t instanceof ArrowType.Map) {
      buffers.add(copy(src.get(1), (n + 1L) * 4));
    } else if (t instanceof ArrowType.LargeList) {
      buffers.add(copy(src.get(1), (n + 1L) * 8));
    } else if (!(t instanceof ArrowType.Struct || t instanceof ArrowType.FixedSizeList)) {
      throw new UnsupportedOperationException("type not supported by the bridge: " + t + " (" + f.name() + ")");
    }
    List<FieldVector> childVectors = v.getChildrenFromFields();
    if (childVectors.size() != f.children().size()) {
      throw new IllegalStateException("field " + f.name() + ": " + f.children().size()
          + " child fields but " + childVectors.size() + " child vectors");
    }
    for (int i = 0; i < childVectors.size(); i++) {
      children.add(array(childVectors.get(i), f.child(i), dictionaries));
    }
    return new ArrayData(f, n, nulls, buffers, children, null);
  }

  /** Bytes per value of a fixed-width type other than Bool, else 0. */
  static int fixedWidthBytes(ArrowType t) {
    return Math.max(0, t.byteWidth());
  }

  private static ByteBuffer validity(ArrowBuf buf, int length, int nullCount) {
    return nullCount == 0 ? ArrayData.emptyBuffer() : copy(buf, Bits.bytesFor(length));
  }

  /** The first {@code length} bytes of {@code buf} (zeros past its capacity, e.g. an empty offsets buffer). */
  private static ByteBuffer copy(ArrowBuf buf, long length) {
    if (length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("buffer too large for the bridge: " + length);
    }
    byte[] bytes = new byte[(int) length];
    long available = Math.min(length, buf.capacity());
    if (available > 0) {
      buf.getBytes(0, bytes, 0, (int) available);
    }
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
