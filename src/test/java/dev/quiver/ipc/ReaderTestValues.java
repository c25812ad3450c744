package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import dev.quiver.columnar.RecordBatch;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Renders any value of our ArrayData as text (dictionaries decoded; struct children by position, since the
 * golden map_non_canonical stream and file name them differently), so two reads can be compared where
 * arrow-java cannot read a file (e.g. duplicate struct child names).
 */
final class ReaderTestValues {
  private ReaderTestValues() {}

  static List<List<String>> rows(RecordBatch batch) {
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

  static String render(ArrayData a, int row) {
    if (a.field().isDictionaryEncoded()) {
      if (a.isNull(row)) {
        return "null";
      }
      ArrowType.Int t = a.field().dictionary().indexType();
      long index = integer(a.buffer(1), row, t.bitWidth() / 8, t.signed());
      return render(a.dictionary(), (int) index);
    }
    ArrowType t = a.type();
    if (t instanceof ArrowType.Union u) {
      int id = a.buffer(0).get(row);
      int child = u.typeIds().indexOf(id);
      int at = u.mode() == ArrowType.UnionMode.DENSE ? a.buffer(1).getInt(row * 4) : row;
      return id + ":" + render(a.child(child), at);
    }
    if (t instanceof ArrowType.RunEndEncoded) {
      ArrayData ends = a.child(0);
      int w = ((ArrowType.Int) ends.type()).bitWidth() / 8;
      int run = 0;
      while (integer(ends.buffer(1), run, w, true) <= row) {
        run++;
      }
      return render(a.child(1), run);
    }
    if (a.isNull(row)) {
      return "null";
    }
    if (t instanceof ArrowType.Null) {
      return "null";
    } else if (t instanceof ArrowType.Bool) {
      return Boolean.toString(Bits.get(a.buffer(1), row));
    } else if (t instanceof ArrowType.Int i) {
      long v = integer(a.buffer(1), row, i.bitWidth() / 8, i.signed());
      return i.signed() ? Long.toString(v) : Long.toUnsignedString(v);
    } else if (t instanceof ArrowType.FloatingPoint fp) {
      return switch (fp.precision()) {
        case HALF -> "half:" + (a.buffer(1).getShort(row * 2) & 0xFFFF);
        case SINGLE -> Float.toString(a.buffer(1).getFloat(row * 4));
        case DOUBLE -> Double.toString(a.buffer(1).getDouble(row * 8));
      };
    } else if (t instanceof ArrowType.Decimal d) {
      int w = d.bitWidth() / 8;
      byte[] be = new byte[w];
      for (int k = 0; k < w; k++) {
        be[w - 1 - k] = a.buffer(1).get(row * w + k);
      }
      return new java.math.BigDecimal(new BigInteger(be), d.scale()).toPlainString();
    } else if (t instanceof ArrowType.Binary || t instanceof ArrowType.Utf8
        || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.LargeUtf8) {
      int w = t instanceof ArrowType.Binary || t instanceof ArrowType.Utf8 ? 4 : 8;
      int from = (int) integer(a.buffer(1), row, w, true);
      int to = (int) integer(a.buffer(1), row + 1, w, true);
      return hex(a.buffer(2), from, to - from);
    } else if (t instanceof ArrowType.BinaryView || t instanceof ArrowType.Utf8View) {
      ByteBuffer views = a.buffer(1);
      int size = views.getInt(row * 16);
      return size <= 12 ? hex(views, row * 16 + 4, size)
          : hex(a.buffer(2 + views.getInt(row * 16 + 8)), views.getInt(row * 16 + 12), size);
    } else if (t instanceof ArrowType.List_ || t instanceof ArrowType.LargeList || t instanceof ArrowType.Map) {
      int w = t instanceof ArrowType.LargeList ? 8 : 4;
      return list(a.child(0), (int) integer(a.buffer(1), row, w, true), (int) integer(a.buffer(1), row + 1, w, true));
    } else if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
      int w = t instanceof ArrowType.ListView ? 4 : 8;
      int from = (int) integer(a.buffer(1), row, w, true);
      return list(a.child(0), from, from + (int) integer(a.buffer(2), row, w, true));
    } else if (t instanceof ArrowType.FixedSizeList fsl) {
      return list(a.child(0), row * fsl.listSize(), (row + 1) * fsl.listSize());
    } else if (t instanceof ArrowType.Struct) {
      StringBuilder out = new StringBuilder("{");
      for (int i = 0; i < a.children().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(render(a.child(i), row));
      }
      return out.append('}').toString();
    }
    int w = ArrayValidator.byteWidth(t);
    return hex(a.buffer(1), row * w, w);
  }

  private static String list(ArrayData child, int from, int to) {
    List<String> values = new ArrayList<>();
    for (int k = from; k < to; k++) {
      values.add(render(child, k));
    }
    return values.toString();
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
    return HexFormat.of().formatHex(bytes);
  }
}
