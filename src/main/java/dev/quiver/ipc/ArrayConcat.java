package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends one validated array to another of the same field, copying into new heap buffers: how a delta
 * dictionary batch extends the dictionary in force. For offset-based types (binary, utf8, lists, maps) only
 * the used ranges are copied: the first array's data (or child) up to its last offset, then the second's
 * from its first to its last offset, whose offsets are rebased to continue from the first array's last one
 * (writers pad data buffers, and a second array's offsets need not start at 0). List-view, view and
 * dense-union slots address their children or data buffers absolutely: those are appended whole and the
 * second array's slots shifted. Children with a fixed relation to the parent length are cut to size first.
 */
final class ArrayConcat {
  private ArrayConcat() {}

  static ArrayData concat(ArrayData a, ArrayData b, String where) {
    long total = (long) a.length() + b.length();
    if (total > Integer.MAX_VALUE) {
      throw new ArrowFormatException(where + ": dictionary grows past " + Integer.MAX_VALUE + " entries");
    }
    int len = (int) total;
    int nulls = a.nullCount() + b.nullCount();
    ArrowType t = a.type();
    if (a.field().isDictionaryEncoded()) {
      int w = a.field().dictionary().indexType().bitWidth() / 8;
      return new ArrayData(a.field(), len, nulls,
          List.of(validity(a, b), bytes(a.buffer(1), a.length() * w, b.buffer(1), b.length() * w)),
          List.of(), b.dictionary());
    }
    List<ByteBuffer> buffers = new ArrayList<>();
    List<ArrayData> children = new ArrayList<>();
    if (t instanceof ArrowType.Null) {
      return new ArrayData(a.field(), len, len, List.of(), List.of(), null);
    } else if (t instanceof ArrowType.Bool) {
      buffers.add(validity(a, b));
      buffers.add(bits(a.buffer(1), a.length(), b.buffer(1), b.length()));
    } else if (t instanceof ArrowType.Binary || t instanceof ArrowType.Utf8
        || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.LargeUtf8) {
      int w = t instanceof ArrowType.Binary || t instanceof ArrowType.Utf8 ? 4 : 8;
      long aEnd = ArrayValidator.offset(a.buffer(1), a.length(), w);
      long bStart = ArrayValidator.offset(b.buffer(1), 0, w);
      long bEnd = ArrayValidator.offset(b.buffer(1), b.length(), w);
      buffers.add(validity(a, b));
      buffers.add(offsets(a.buffer(1), a.length(), b.buffer(1), b.length(), w));
      ByteBuffer data = allocate(Math.toIntExact(aEnd + (bEnd - bStart)));
      data.put(0, a.buffer(2), 0, (int) aEnd);
      data.put((int) aEnd, b.buffer(2), (int) bStart, (int) (bEnd - bStart));
      buffers.add(data);
    } else if (t instanceof ArrowType.List_ || t instanceof ArrowType.LargeList
        || t instanceof ArrowType.Map) {
      int w = t instanceof ArrowType.LargeList ? 8 : 4;
      int aEnd = Math.toIntExact(ArrayValidator.offset(a.buffer(1), a.length(), w));
      int bStart = Math.toIntExact(ArrayValidator.offset(b.buffer(1), 0, w));
      int bEnd = Math.toIntExact(ArrayValidator.offset(b.buffer(1), b.length(), w));
      buffers.add(validity(a, b));
      buffers.add(offsets(a.buffer(1), a.length(), b.buffer(1), b.length(), w));
      children.add(concat(truncate(a.child(0), aEnd), ArraySlicer.slice(b.child(0), bStart, bEnd - bStart),
          where));
    } else if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
      int w = t instanceof ArrowType.ListView ? 4 : 8;
      buffers.add(validity(a, b));
      ByteBuffer offsets = bytes(a.buffer(1), a.length() * w, b.buffer(1), b.length() * w);
      shift(offsets, a.length(), len, w, a.child(0).length());
      buffers.add(offsets);
      buffers.add(bytes(a.buffer(2), a.length() * w, b.buffer(2), b.length() * w));
      children.add(concat(a.child(0), b.child(0), where));
    } else if (t instanceof ArrowType.FixedSizeList fsl) {
      buffers.add(validity(a, b));
      int n = fsl.listSize();
      children.add(concat(truncate(a.child(0), a.length() * n), truncate(b.child(0), b.length() * n), where));
    } else if (t instanceof ArrowType.Struct) {
      buffers.add(validity(a, b));
      for (int i = 0; i < a.children().size(); i++) {
        children.add(concat(truncate(a.child(i), a.length()), truncate(b.child(i), b.length()), where));
      }
    } else if (t instanceof ArrowType.Union u) {
      buffers.add(bytes(a.buffer(0), a.length(), b.buffer(0), b.length()));
      if (u.mode() == ArrowType.UnionMode.SPARSE) {
        for (int i = 0; i < a.children().size(); i++) {
          children.add(concat(truncate(a.child(i), a.length()), truncate(b.child(i), b.length()), where));
        }
      } else {
        ByteBuffer offsets = bytes(a.buffer(1), a.length() * 4, b.buffer(1), b.length() * 4);
        for (int j = a.length(); j < len; j++) {
          int child = u.typeIds().indexOf((int) b.buffer(0).get(j - a.length()));
          offsets.putInt(j * 4, offsets.getInt(j * 4) + a.child(child).length());
        }
        buffers.add(offsets);
        for (int i = 0; i < a.children().size(); i++) {
          children.add(concat(a.child(i), b.child(i), where));
        }
      }
      nulls = 0;
    } else if (t instanceof ArrowType.BinaryView || t instanceof ArrowType.Utf8View) {
      buffers.add(validity(a, b));
      ByteBuffer views = bytes(a.buffer(1), a.length() * 16, b.buffer(1), b.length() * 16);
      int shift = a.buffers().size() - 2;
      for (int j = a.length(); j < len; j++) {
        if (views.getInt(j * 16) > 12) {
          views.putInt(j * 16 + 8, views.getInt(j * 16 + 8) + shift);
        }
      }
      buffers.add(views);
      buffers.addAll(a.buffers().subList(2, a.buffers().size()));
      buffers.addAll(b.buffers().subList(2, b.buffers().size()));
    } else if (t instanceof ArrowType.RunEndEncoded) {
      throw new ArrowFormatException(where + ": delta of a run-end encoded dictionary is not supported");
    } else {
      int w = ArrayValidator.byteWidth(t);
      buffers.add(validity(a, b));
      buffers.add(bytes(a.buffer(1), a.length() * w, b.buffer(1), b.length() * w));
    }
    return new ArrayData(a.field(), len, nulls, buffers, children, null);
  }

  /** The first {@code length} slots of {@code x} (buffers are shared; only counts and children change). */
  static ArrayData truncate(ArrayData x, int length) {
    if (x.length() == length) {
      return x;
    }
    ArrowType t = x.type();
    int nulls;
    if (t instanceof ArrowType.Null) {
      nulls = length;
    } else if (x.nullCount() == 0 || !x.hasValidityBitmap()) {
      nulls = 0;
    } else {
      nulls = Bits.countZeros(x.buffer(0), length);
    }
    List<ArrayData> children = x.children();
    if (!x.field().isDictionaryEncoded()) {
      if (t instanceof ArrowType.Struct
          || t instanceof ArrowType.Union u && u.mode() == ArrowType.UnionMode.SPARSE) {
        children = children.stream().map(c -> truncate(c, length)).toList();
      } else if (t instanceof ArrowType.FixedSizeList fsl) {
        children = List.of(truncate(children.get(0), length * fsl.listSize()));
      }
    }
    return new ArrayData(x.field(), length, nulls, x.buffers(), children, x.dictionary());
  }

  private static ByteBuffer validity(ArrayData a, ArrayData b) {
    if (a.nullCount() == 0 && b.nullCount() == 0) {
      return ArrayData.emptyBuffer();
    }
    int len = a.length() + b.length();
    ByteBuffer out = allocate(Bits.bytesFor(len));
    for (int i = 0; i < a.length(); i++) {
      if (a.isValid(i)) {
        setBit(out, i);
      }
    }
    for (int i = 0; i < b.length(); i++) {
      if (b.isValid(i)) {
        setBit(out, a.length() + i);
      }
    }
    return out;
  }

  private static ByteBuffer bits(ByteBuffer a, int aLen, ByteBuffer b, int bLen) {
    ByteBuffer out = allocate(Bits.bytesFor((long) aLen + bLen));
    for (int i = 0; i < aLen; i++) {
      if (Bits.get(a, i)) {
        setBit(out, i);
      }
    }
    for (int i = 0; i < bLen; i++) {
      if (Bits.get(b, i)) {
        setBit(out, aLen + i);
      }
    }
    return out;
  }

  private static void setBit(ByteBuffer bitmap, int i) {
    bitmap.put(i >>> 3, (byte) (bitmap.get(i >>> 3) | (1 << (i & 7))));
  }

  private static ByteBuffer bytes(ByteBuffer a, int aBytes, ByteBuffer b, int bBytes) {
    ByteBuffer out = allocate(aBytes + bBytes);
    out.put(0, a, 0, aBytes);
    out.put(aBytes, b, 0, bBytes);
    return out;
  }

  /**
   * a's offsets (aLen + 1), then b's offsets 1..bLen rebased to continue from a's last offset: b's used data
   * (or child) range, from its first offset on, is appended right after a's used range.
   */
  private static ByteBuffer offsets(ByteBuffer a, int aLen, ByteBuffer b, int bLen, int w) {
    ByteBuffer out = allocate(Math.toIntExact(((long) aLen + bLen + 1) * w));
    out.put(0, a, 0, (aLen + 1) * w);
    long shift = ArrayValidator.offset(a, aLen, w) - ArrayValidator.offset(b, 0, w);
    for (int j = 1; j <= bLen; j++) {
      long v = Math.addExact(ArrayValidator.offset(b, j, w), shift);
      if (w == 4) {
        out.putInt((aLen + j) * 4, Math.toIntExact(v));
      } else {
        out.putLong((aLen + j) * 8, v);
      }
    }
    return out;
  }

  private static void shift(ByteBuffer offsets, int from, int to, int w, long by) {
    for (int j = from; j < to; j++) {
      if (w == 4) {
        offsets.putInt(j * 4, Math.toIntExact(offsets.getInt(j * 4) + by));
      } else {
        offsets.putLong(j * 8, offsets.getLong(j * 8) + by);
      }
    }
  }

  private static ByteBuffer allocate(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
