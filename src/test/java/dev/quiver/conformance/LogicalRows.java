package dev.quiver.conformance;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import dev.quiver.columnar.RecordBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.LargeListViewVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.ListViewVector;
import org.apache.arrow.vector.complex.NonNullableStructVector;
import org.apache.arrow.vector.complex.RunEndEncodedVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Renders the logical values of a record batch as text, the same way for Quiver's {@link RecordBatch} and
 * for arrow-java's vectors, so the two can be compared for every type -- including those the interop bridge
 * does not convert (unions, views, list views, run-end encoded). Dictionaries are decoded, run-end encoded
 * values expanded, list views followed through their offsets and sizes; struct children are shown by
 * position; a union value is {@code typeId:value}; fixed-width values are the hex of their little-endian
 * bytes (exact for floats, decimals, temporals and intervals alike); binary and string values are hex too.
 */
final class LogicalRows {
  private static final HexFormat HEX = HexFormat.of();

  private LogicalRows() {}

  /** Rows of our batch: one list of rendered column values per row. */
  static List<List<String>> of(RecordBatch batch) {
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < batch.length(); r++) {
      List<String> row = new ArrayList<>();
      for (ArrayData column : batch.columns()) {
        row.add(render(column, r));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Rows of arrow-java's batch, with the dictionaries (by id) in force for it and the message-format schema
   * (arrow-java's sparse union vectors carry minor-type ordinals as type ids in their own fields, while the
   * data holds the ids of the schema message, so union children are found through the message schema).
   */
  static List<List<String>> of(VectorSchemaRoot root, Map<Long, Dictionary> dictionaries,
      org.apache.arrow.vector.types.pojo.Schema message) {
    List<List<String>> rows = new ArrayList<>();
    List<FieldVector> columns = root.getFieldVectors();
    for (int r = 0; r < root.getRowCount(); r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        row.add(render(columns.get(c), message.getFields().get(c), r, dictionaries));
      }
      rows.add(row);
    }
    return rows;
  }

  // ---- Quiver ----

  static String render(ArrayData a, int row) {
    if (a.field().isDictionaryEncoded()) {
      if (a.isNull(row)) {
        return "null";
      }
      ArrowType.Int t = a.field().dictionary().indexType();
      long index = integer(a.buffer(1), row, t.bitWidth() / 8, t.signed());
      return render(a.dictionary(), Math.toIntExact(index));
    }
    ArrowType t = a.type();
    if (t instanceof ArrowType.Union u) {
      int id = a.buffer(0).get(row);
      int child = u.typeIds().isEmpty() ? id : u.typeIds().indexOf(id);
      int at = u.mode() == ArrowType.UnionMode.DENSE ? a.buffer(1).getInt(row * 4) : row;
      return id + ":" + render(a.child(child), at);
    }
    if (t instanceof ArrowType.RunEndEncoded) {
      ArrayData ends = a.child(0);
      int w = ((ArrowType.Int) ends.type()).bitWidth() / 8;
      return render(a.child(1), physical(row, ends.length(), k -> integer(ends.buffer(1), k, w, true)));
    }
    if (t instanceof ArrowType.Null || a.isNull(row)) {
      return "null";
    }
    if (t instanceof ArrowType.Bool) {
      return Boolean.toString(Bits.get(a.buffer(1), row));
    } else if (t instanceof ArrowType.Binary || t instanceof ArrowType.Utf8) {
      int from = a.buffer(1).getInt(row * 4);
      return hex(a.buffer(2), from, a.buffer(1).getInt(row * 4 + 4) - from);
    } else if (t instanceof ArrowType.LargeBinary || t instanceof ArrowType.LargeUtf8) {
      int from = Math.toIntExact(a.buffer(1).getLong(row * 8));
      return hex(a.buffer(2), from, Math.toIntExact(a.buffer(1).getLong(row * 8 + 8)) - from);
    } else if (t instanceof ArrowType.BinaryView || t instanceof ArrowType.Utf8View) {
      ByteBuffer views = a.buffer(1);
      int size = views.getInt(row * 16);
      return size <= 12 ? hex(views, row * 16 + 4, size)
          : hex(a.buffer(2 + views.getInt(row * 16 + 8)), views.getInt(row * 16 + 12), size);
    } else if (t instanceof ArrowType.List_ || t instanceof ArrowType.Map) {
      return list(a.child(0), a.buffer(1).getInt(row * 4), a.buffer(1).getInt(row * 4 + 4));
    } else if (t instanceof ArrowType.LargeList) {
      return list(a.child(0), Math.toIntExact(a.buffer(1).getLong(row * 8)),
          Math.toIntExact(a.buffer(1).getLong(row * 8 + 8)));
    } else if (t instanceof ArrowType.ListView) {
      int from = a.buffer(1).getInt(row * 4);
      return list(a.child(0), from, from + a.buffer(2).getInt(row * 4));
    } else if (t instanceof ArrowType.LargeListView) {
      int from = Math.toIntExact(a.buffer(1).getLong(row * 8));
      return list(a.child(0), from, from + Math.toIntExact(a.buffer(2).getLong(row * 8)));
    } else if (t instanceof ArrowType.FixedSizeList f) {
      return list(a.child(0), row * f.listSize(), (row + 1) * f.listSize());
    } else if (t instanceof ArrowType.Struct) {
      List<String> values = new ArrayList<>();
      for (ArrayData child : a.children()) {
        values.add(render(child, row));
      }
      return "{" + String.join(", ", values) + "}";
    }
    int w = byteWidth(t);
    return hex(a.buffer(1), row * w, w);
  }

  private static String list(ArrayData child, int from, int to) {
    List<String> values = new ArrayList<>();
    for (int k = from; k < to; k++) {
      values.add(render(child, k));
    }
    return values.toString();
  }

  /** Bytes per value of a fixed-width type. */
  static int byteWidth(ArrowType t) {
    int width = t.byteWidth();
    if (width < 0) {
      throw new IllegalArgumentException("not a fixed-width type: " + t);
    }
    return width;
  }

  private static long integer(ByteBuffer b, int i, int width, boolean signed) {
    return switch (width) {
      case 1 -> signed ? b.get(i) : b.get(i) & 0xFF;
      case 2 -> signed ? b.getShort(i * 2) : b.getShort(i * 2) & 0xFFFF;
      case 4 -> signed ? b.getInt(i * 4) : b.getInt(i * 4) & 0xFFFFFFFFL;
      default -> b.getLong(i * 8);
    };
  }

  private static String hex(ByteBuffer b, int from, int length) {
    byte[] bytes = new byte[length];
    b.get(from, bytes);
    return HEX.formatHex(bytes);
  }

  // ---- arrow-java ----

  static String render(FieldVector v, Field f, int row, Map<Long, Dictionary> dictionaries) {
    if (v.getField().getDictionary() != null) {
      if (v.isNull(row)) {
        return "null";
      }
      long id = v.getField().getDictionary().getId();
      Dictionary d = dictionaries.get(id);
      if (d == null) {
        throw new AssertionError("no dictionary " + id + " for " + v.getField().getName());
      }
      Field values = new Field(f.getName(), new FieldType(f.isNullable(), f.getType(), null, f.getMetadata()),
          f.getChildren());
      return render(d.getVector(), values, Math.toIntExact(((BaseIntVector) v).getValueAsLong(row)), dictionaries);
    }
    if (v instanceof UnionVector u) {
      byte id = u.getTypeBuffer().getByte(row);
      int k = unionChild(f, id);
      return id + ":" + render(v.getChildrenFromFields().get(k), f.getChildren().get(k), row, dictionaries);
    }
    if (v instanceof DenseUnionVector u) {
      byte id = u.getTypeId(row);
      int k = unionChild(f, id);
      return id + ":" + render(v.getChildrenFromFields().get(k), f.getChildren().get(k), u.getOffset(row),
          dictionaries);
    }
    if (v instanceof RunEndEncodedVector ree) {
      BaseIntVector ends = (BaseIntVector) ree.getChildrenFromFields().get(0);
      FieldVector values = ree.getChildrenFromFields().get(1);
      return render(values, f.getChildren().get(1), physical(row, ends.getValueCount(), ends::getValueAsLong),
          dictionaries);
    }
    if (v instanceof NullVector || v.isNull(row)) {
      return "null";
    }
    if (v instanceof BitVector b) {
      return Boolean.toString(b.get(row) != 0);
    } else if (v instanceof BaseFixedWidthVector fw) {
      int w = fw.getTypeWidth();
      return hex(fw.getDataBuffer(), (long) row * w, w);
    } else if (v instanceof VariableWidthFieldVector vw) {
      return HEX.formatHex(vw.get(row));
    } else if (v instanceof ListVector l) { // and MapVector
      ArrowBuf o = l.getOffsetBuffer();
      return list(l.getDataVector(), f, o.getInt(row * 4L), o.getInt(row * 4L + 4), dictionaries);
    } else if (v instanceof LargeListVector l) {
      ArrowBuf o = l.getOffsetBuffer();
      return list(l.getDataVector(), f, Math.toIntExact(o.getLong(row * 8L)),
          Math.toIntExact(o.getLong(row * 8L + 8)), dictionaries);
    } else if (v instanceof ListViewVector l) {
      int from = l.getOffsetBuffer().getInt(row * 4L);
      return list(l.getDataVector(), f, from, from + l.getSizeBuffer().getInt(row * 4L), dictionaries);
    } else if (v instanceof LargeListViewVector l) {
      int from = Math.toIntExact(l.getOffsetBuffer().getLong(row * 8L));
      return list(l.getDataVector(), f, from, from + Math.toIntExact(l.getSizeBuffer().getLong(row * 8L)),
          dictionaries);
    } else if (v instanceof FixedSizeListVector l) {
      int n = l.getListSize();
      return list(l.getDataVector(), f, row * n, (row + 1) * n, dictionaries);
    } else if (v instanceof NonNullableStructVector s) {
      List<String> values = new ArrayList<>();
      List<FieldVector> children = s.getChildrenFromFields();
      for (int k = 0; k < children.size(); k++) {
        values.add(render(children.get(k), f.getChildren().get(k), row, dictionaries));
      }
      return "{" + String.join(", ", values) + "}";
    }
    throw new IllegalArgumentException("cannot render " + v.getClass().getSimpleName());
  }

  /** The position of the union child with {@code typeId} (type ids of the message-format field). */
  private static int unionChild(Field union, byte typeId) {
    int[] ids = ((org.apache.arrow.vector.types.pojo.ArrowType.Union) union.getType()).getTypeIds();
    if (ids == null) {
      return typeId;
    }
    for (int k = 0; k < ids.length; k++) {
      if (ids[k] == typeId) {
        return k;
      }
    }
    throw new AssertionError("union " + union.getName() + ": type id " + typeId + " not in its type ids");
  }

  private static String list(FieldVector child, Field list, int from, int to,
      Map<Long, Dictionary> dictionaries) {
    List<String> values = new ArrayList<>();
    for (int k = from; k < to; k++) {
      values.add(render(child, list.getChildren().get(0), k, dictionaries));
    }
    return values.toString();
  }

  private static String hex(ArrowBuf b, long from, int length) {
    byte[] bytes = new byte[length];
    b.getBytes(from, bytes);
    return HEX.formatHex(bytes);
  }

  /** The run holding logical {@code row}: the first run whose end is greater than row (binary search). */
  private static int physical(int row, int runs, java.util.function.IntToLongFunction end) {
    int lo = 0;
    int hi = runs - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (end.applyAsLong(mid) > row) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
