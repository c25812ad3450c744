package dev.quiver.interop;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.NonNullableStructVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Compares two {@link ArrowJavaData} logically: schemas (names, types, nullability, metadata, dictionary
 * encodings except their ids), then per batch the row count and every value, with dictionary-encoded values
 * looked up in their batch's dictionaries (so different ids or dictionary contents that decode to the same
 * values are equal). Fixed-width values compare by their bytes: floats by bits (NaN equals NaN, -0.0 differs
 * from 0.0). A mismatch throws an {@link AssertionError} naming batch, column path, row and both values.
 */
final class DataComparator {
  private static final int MAX_SHOWN = 200;

  private final ArrowJavaData.Batch expectedBatch;
  private final ArrowJavaData.Batch actualBatch;
  private final int batchIndex;
  private int row;

  private DataComparator(ArrowJavaData.Batch expected, ArrowJavaData.Batch actual, int batchIndex) {
    this.expectedBatch = expected;
    this.actualBatch = actual;
    this.batchIndex = batchIndex;
  }

  static void assertSame(ArrowJavaData expected, ArrowJavaData actual) {
    assertSameSchema(expected.schema(), actual.schema());
    assertSameValues(expected, actual);
  }

  /** Compares batch counts, row counts and values only, not the schemas' names, types and metadata. */
  static void assertSameValues(ArrowJavaData expected, ArrowJavaData actual) {
    if (expected.batches().size() != actual.batches().size()) {
      throw new AssertionError("batch count: expected " + expected.batches().size() + " but was "
          + actual.batches().size() + " (rows expected " + rows(expected) + ", actual " + rows(actual) + ")");
    }
    for (int b = 0; b < expected.batches().size(); b++) {
      ArrowJavaData.Batch e = expected.batch(b);
      ArrowJavaData.Batch a = actual.batch(b);
      if (e.rowCount() != a.rowCount()) {
        throw new AssertionError(
            "batch " + b + ": row count expected " + e.rowCount() + " but was " + a.rowCount());
      }
      DataComparator c = new DataComparator(e, a, b);
      List<Field> fields = expected.schema().getFields();
      for (int col = 0; col < fields.size(); col++) {
        FieldVector ev = e.root().getVector(col);
        FieldVector av = a.root().getVector(col);
        for (int r = 0; r < e.rowCount(); r++) {
          c.row = r;
          c.compare(fields.get(col).getName(), ev, r, av, r);
        }
      }
    }
  }

  private static List<Integer> rows(ArrowJavaData d) {
    return d.batches().stream().map(ArrowJavaData.Batch::rowCount).toList();
  }

  static void assertSameSchema(Schema expected, Schema actual) {
    if (!Objects.equals(expected.getCustomMetadata(), actual.getCustomMetadata())) {
      throw new AssertionError("schema metadata: expected <" + expected.getCustomMetadata() + "> but was <"
          + actual.getCustomMetadata() + ">");
    }
    assertSameFields("", 0, expected.getFields(), actual.getFields());
  }

  /**
   * Compares fields recursively. The names of a map's entries struct and its key and value fields are not
   * compared (they carry no meaning; Arrow C++ writes the canonical "entries", "key", "value" to IPC even
   * where the golden JSON has others).
   */
  private static void assertSameFields(String parent, int mapLevel, List<Field> expected,
      List<Field> actual) {
    if (expected.size() != actual.size()) {
      throw new AssertionError("schema: " + (parent.isEmpty() ? "top level" : "field " + parent)
          + ": expected " + expected.size() + " fields " + names(expected) + " but was " + actual.size()
          + " " + names(actual));
    }
    for (int i = 0; i < expected.size(); i++) {
      Field e = expected.get(i);
      Field a = actual.get(i);
      String path = parent.isEmpty() ? e.getName() : parent + "." + e.getName();
      if (mapLevel == 0) {
        check(Objects.equals(e.getName(), a.getName()), path, "name", e.getName(), a.getName());
      }
      check(e.isNullable() == a.isNullable(), path, "nullable", e.isNullable(), a.isNullable());
      check(e.getType().equals(a.getType()), path, "type", e.getType(), a.getType());
      check(Objects.equals(e.getMetadata(), a.getMetadata()), path, "metadata", e.getMetadata(),
          a.getMetadata());
      DictionaryEncoding ed = e.getDictionary();
      DictionaryEncoding ad = a.getDictionary();
      check((ed == null) == (ad == null), path, "dictionary encoding", ed, ad);
      if (ed != null) {
        check(ed.isOrdered() == ad.isOrdered(), path, "dictionary ordered", ed, ad);
        check(ed.getIndexType().equals(ad.getIndexType()), path, "dictionary index type", ed, ad);
      }
      // mapLevel: 1 for a map's entries, 2 for its key and value, else 0.
      int childLevel = e.getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.Map ? 1
          : mapLevel == 1 ? 2 : 0;
      assertSameFields(path, childLevel, e.getChildren(), a.getChildren());
    }
  }

  private static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::getName).toList();
  }

  private static void check(boolean ok, String path, String what, Object expected, Object actual) {
    if (!ok) {
      throw new AssertionError(
          "schema: field " + path + ": " + what + " expected <" + expected + "> but was <" + actual + ">");
    }
  }

  /** A value position: a vector and an index in it, after resolving dictionary encoding. */
  private record Slot(FieldVector vector, int index) {}

  private Slot resolve(String path, String side, FieldVector v, int i, Map<Long, Dictionary> dictionaries) {
    while (v.getField().getDictionary() != null && !v.isNull(i)) {
      long id = v.getField().getDictionary().getId();
      Dictionary d = dictionaries.get(id);
      if (d == null) {
        fail(path, side + " has no dictionary " + id);
      }
      long index = ((BaseIntVector) v).getValueAsLong(i);
      if (index < 0 || index >= d.getVector().getValueCount()) {
        fail(path, side + " dictionary index " + index + " out of [0, " + d.getVector().getValueCount() + ")");
      }
      v = d.getVector();
      i = (int) index;
    }
    return new Slot(v, i);
  }

  private void compare(String path, FieldVector ev, int ei, FieldVector av, int ai) {
    Slot e = resolve(path, "expected", ev, ei, expectedBatch.dictionaries());
    Slot a = resolve(path, "actual", av, ai, actualBatch.dictionaries());
    boolean eNull = e.vector().isNull(e.index());
    boolean aNull = a.vector().isNull(a.index());
    if (eNull || aNull) {
      if (eNull != aNull) {
        mismatch(path, e, a);
      }
      return;
    }
    FieldVector x = e.vector();
    FieldVector y = a.vector();
    int i = e.index();
    int j = a.index();
    if (!x.getField().getType().equals(y.getField().getType()) || x.getClass() != y.getClass()) {
      fail(path, "value type expected " + x.getField().getType() + " but was " + y.getField().getType());
    }
    if (x instanceof BitVector bx) {
      if (bx.get(i) != ((BitVector) y).get(j)) {
        mismatch(path, e, a);
      }
    } else if (x instanceof BaseFixedWidthVector fx) {
      int w = fx.getTypeWidth();
      ArrowBuf xb = fx.getDataBuffer();
      ArrowBuf yb = ((BaseFixedWidthVector) y).getDataBuffer();
      for (int k = 0; k < w; k++) {
        if (xb.getByte((long) i * w + k) != yb.getByte((long) j * w + k)) {
          mismatch(path, e, a);
        }
      }
    } else if (x instanceof VariableWidthFieldVector vx) {
      if (!Arrays.equals(vx.get(i), ((VariableWidthFieldVector) y).get(j))) {
        mismatch(path, e, a);
      }
    } else if (x instanceof ListVector lx) {
      ListVector ly = (ListVector) y;
      int xs = lx.getOffsetBuffer().getInt(i * 4L);
      int ys = ly.getOffsetBuffer().getInt(j * 4L);
      int xn = lx.getOffsetBuffer().getInt((i + 1) * 4L) - xs;
      int yn = ly.getOffsetBuffer().getInt((j + 1) * 4L) - ys;
      compareElements(path, xn, yn, lx.getDataVector(), xs, ly.getDataVector(), ys, e, a);
    } else if (x instanceof LargeListVector lx) {
      LargeListVector ly = (LargeListVector) y;
      long xs = lx.getOffsetBuffer().getLong(i * 8L);
      long ys = ly.getOffsetBuffer().getLong(j * 8L);
      long xn = lx.getOffsetBuffer().getLong((i + 1) * 8L) - xs;
      long yn = ly.getOffsetBuffer().getLong((j + 1) * 8L) - ys;
      compareElements(path, (int) xn, (int) yn, lx.getDataVector(), (int) xs, ly.getDataVector(), (int) ys, e,
          a);
    } else if (x instanceof FixedSizeListVector lx) {
      int n = lx.getListSize();
      compareElements(path, n, n, lx.getDataVector(), i * n, ((FixedSizeListVector) y).getDataVector(), j * n,
          e, a);
    } else if (x instanceof NonNullableStructVector sx) {
      List<FieldVector> xc = sx.getChildrenFromFields();
      List<FieldVector> yc = ((NonNullableStructVector) y).getChildrenFromFields();
      for (int k = 0; k < xc.size(); k++) {
        compare(path + "." + xc.get(k).getName(), xc.get(k), i, yc.get(k), j);
      }
    } else if (!Objects.deepEquals(x.getObject(i), y.getObject(j))) {
      mismatch(path, e, a);
    }
  }

  private void compareElements(String path, int xn, int yn, FieldVector xd, int xs, FieldVector yd, int ys,
      Slot e, Slot a) {
    if (xn != yn) {
      fail(path, "list size expected " + xn + " but was " + yn + " (expected <" + show(e) + "> but was <"
          + show(a) + ">)");
    }
    for (int k = 0; k < xn; k++) {
      compare(path + "[" + k + "]", xd, xs + k, yd, ys + k);
    }
  }

  private void mismatch(String path, Slot e, Slot a) {
    fail(path, "expected <" + show(e) + "> but was <" + show(a) + ">");
  }

  private void fail(String path, String what) {
    throw new AssertionError("batch " + batchIndex + ", column " + path + ", row " + row + ": " + what);
  }

  private static String show(Slot s) {
    FieldVector v = s.vector();
    int i = s.index();
    if (v.isNull(i)) {
      return "null";
    }
    String text;
    Object o = v.getObject(i);
    if (v instanceof Float4Vector f) {
      text = f.get(i) + " (bits 0x" + Integer.toHexString(Float.floatToRawIntBits(f.get(i))) + ")";
    } else if (v instanceof Float8Vector f) {
      text = f.get(i) + " (bits 0x" + Long.toHexString(Double.doubleToRawLongBits(f.get(i))) + ")";
    } else if (v instanceof Float2Vector f) {
      text = f.getValueAsFloat(i) + " (bits 0x" + Integer.toHexString(f.get(i) & 0xFFFF) + ")";
    } else if (o instanceof byte[] bytes) {
      text = Arrays.toString(bytes);
    } else {
      text = String.valueOf(o);
    }
    return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
  }
}
