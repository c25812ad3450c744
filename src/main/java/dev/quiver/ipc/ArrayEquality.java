package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Logical equality of array slots: same nullness and, for valid slots, the same value (bytes of fixed-width
 * values, byte strings of var-width values, element-wise for nested values, decoded values for
 * dictionary-encoded children). Used to recognise a dictionary that extends the one written before.
 */
final class ArrayEquality {
  private ArrayEquality() {}

  /** Whether slots [0, count) of {@code a} and {@code b} hold the same values. */
  static boolean rangeEquals(ArrayData a, ArrayData b, int count) {
    if (a.length() < count || b.length() < count || !a.type().equals(b.type())
        || a.field().isDictionaryEncoded() != b.field().isDictionaryEncoded()) {
      return false;
    }
    int width = FixedWidths.byteWidth(a.type());
    if (width > 0 && !a.field().isDictionaryEncoded() && a.nullCount() == 0 && b.nullCount() == 0) {
      return a.buffer(1).slice(0, count * width).equals(b.buffer(1).slice(0, count * width));
    }
    for (int i = 0; i < count; i++) {
      if (!valueEquals(a, i, b, i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether slot i of {@code a} and slot j of {@code b} (arrays of the same type) are equal. */
  static boolean valueEquals(ArrayData a, int i, ArrayData b, int j) {
    ArrowType type = a.type();
    if (type instanceof ArrowType.Null) {
      return true;
    }
    if (a.hasValidityBitmap()) {
      boolean va = a.isValid(i);
      if (va != b.isValid(j)) {
        return false;
      }
      if (!va) {
        return true;
      }
    }
    if (a.field().isDictionaryEncoded()) {
      ArrowType.Int indexType = a.field().dictionary().indexType();
      int ia = (int) dictionaryIndex(a.buffer(1), i, indexType);
      int ib = (int) dictionaryIndex(b.buffer(1), j, indexType);
      return valueEquals(a.dictionary(), ia, b.dictionary(), ib);
    }
    int width = FixedWidths.byteWidth(type);
    if (width == FixedWidths.BITS) {
      return Bits.get(a.buffer(1), i) == Bits.get(b.buffer(1), j);
    }
    if (width >= 0) {
      return a.buffer(1).slice(i * width, width).equals(b.buffer(1).slice(j * width, width));
    }
    if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary
        || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.LargeBinary) {
      return bytes(a, i).equals(bytes(b, j));
    }
    if (type instanceof ArrowType.Utf8View || type instanceof ArrowType.BinaryView) {
      return viewBytes(a, i).equals(viewBytes(b, j));
    }
    if (type instanceof ArrowType.List_ || type instanceof ArrowType.LargeList
        || type instanceof ArrowType.Map) {
      boolean large = FixedWidths.largeOffsets(type);
      long sa = offset(a.buffer(1), i, large);
      long sb = offset(b.buffer(1), j, large);
      long na = offset(a.buffer(1), i + 1, large) - sa;
      long nb = offset(b.buffer(1), j + 1, large) - sb;
      return elementsEqual(a.child(0), sa, b.child(0), sb, na, nb);
    }
    if (type instanceof ArrowType.ListView || type instanceof ArrowType.LargeListView) {
      boolean large = FixedWidths.largeOffsets(type);
      return elementsEqual(a.child(0), offset(a.buffer(1), i, large), b.child(0),
          offset(b.buffer(1), j, large), offset(a.buffer(2), i, large), offset(b.buffer(2), j, large));
    }
    if (type instanceof ArrowType.FixedSizeList f) {
      long n = f.listSize();
      return elementsEqual(a.child(0), i * n, b.child(0), j * n, n, n);
    }
    if (type instanceof ArrowType.Struct) {
      for (int k = 0; k < a.children().size(); k++) {
        if (!valueEquals(a.child(k), i, b.child(k), j)) {
          return false;
        }
      }
      return true;
    }
    if (type instanceof ArrowType.Union u) {
      byte ta = a.buffer(0).get(i);
      if (ta != b.buffer(0).get(j)) {
        return false;
      }
      int child = u.typeIds().indexOf((int) ta);
      if (child < 0) {
        return false;
      }
      boolean dense = u.mode() == ArrowType.UnionMode.DENSE;
      int ia = dense ? (int) index(a.buffer(1), i, 4) : i;
      int ib = dense ? (int) index(b.buffer(1), j, 4) : j;
      return valueEquals(a.child(child), ia, b.child(child), ib);
    }
    if (type instanceof ArrowType.RunEndEncoded) {
      return valueEquals(a.child(1), physicalIndex(a.child(0), i), b.child(1), physicalIndex(b.child(0), j));
    }
    throw new IllegalArgumentException("unsupported type: " + type);
  }

  private static boolean elementsEqual(ArrayData a, long sa, ArrayData b, long sb, long na, long nb) {
    if (na != nb) {
      return false;
    }
    for (long k = 0; k < na; k++) {
      if (!valueEquals(a, (int) (sa + k), b, (int) (sb + k))) {
        return false;
      }
    }
    return true;
  }

  /** The index of the run holding logical slot i: the first run end greater than i. */
  static int physicalIndex(ArrayData runEnds, int i) {
    int width = ((ArrowType.Int) runEnds.type()).bitWidth() / 8;
    int lo = 0;
    int hi = runEnds.length() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (index(runEnds.buffer(1), mid, width) > i) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static long index(ByteBuffer buffer, int i, int width) {
    ByteBuffer le = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    return switch (width) {
      case 1 -> le.get(i);
      case 2 -> le.getShort(i * 2);
      case 4 -> le.getInt(i * 4);
      default -> le.getLong(i * 8);
    };
  }

  /** A dictionary index, unsigned index types read as unsigned. */
  static long dictionaryIndex(ByteBuffer indices, int i, ArrowType.Int indexType) {
    int width = indexType.bitWidth() / 8;
    long v = index(indices, i, width);
    if (!indexType.signed() && width < 8) {
      v &= (1L << (8 * width)) - 1;
    }
    return v;
  }

  static long offset(ByteBuffer offsets, int i, boolean large) {
    ByteBuffer le = offsets.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    return large ? le.getLong(i * 8) : le.getInt(i * 4);
  }

  private static ByteBuffer bytes(ArrayData a, int i) {
    boolean large = FixedWidths.largeOffsets(a.type());
    int start = (int) offset(a.buffer(1), i, large);
    int end = (int) offset(a.buffer(1), i + 1, large);
    return a.buffer(2).slice(start, end - start);
  }

  private static ByteBuffer viewBytes(ArrayData a, int i) {
    ByteBuffer views = a.buffer(1).duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int size = views.getInt(i * 16);
    if (size <= 12) {
      return a.buffer(1).slice(i * 16 + 4, size);
    }
    int bufferIndex = views.getInt(i * 16 + 8);
    int offset = views.getInt(i * 16 + 12);
    return a.buffer(2 + bufferIndex).slice(offset, size);
  }
}
