package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte-swaps an array between big-endian and little-endian bodies into new heap buffers (buffers that need
 * no swap are kept as they are). Per layout, each value is swapped word by word:
 *
 * <pre>
 *   Int, FloatingPoint, Date, Time, Timestamp, Duration,
 *   Interval YEAR_MONTH, dictionary indices              one word of the value's width (1 byte: unchanged)
 *   Interval DAY_TIME                                    int32 days, int32 milliseconds
 *   Interval MONTH_DAY_NANO                              int32 months, int32 days, int64 nanoseconds
 *   Decimal 32/64/128/256                                the whole 4/8/16/32-byte two's complement integer
 *   (Large)Binary/Utf8, (Large)List, Map                 offsets (int32 / int64); data bytes unchanged
 *   (Large)ListView                                      offsets and sizes (int32 / int64)
 *   BinaryView, Utf8View                                 int32 length; if length &gt; 12 also the int32
 *                                                        buffer index and offset (inline bytes and the
 *                                                        4-byte prefix unchanged); variadic data unchanged
 *   Union dense                                          int32 offsets (int8 type ids unchanged)
 *   bitmaps, Bool, FixedSizeBinary, Struct, FixedSizeList, Null, RunEndEncoded parent    unchanged
 * </pre>
 *
 * Children are swapped recursively (so run ends, which are an Int child, are too); a dictionary-encoded
 * array keeps its dictionary object (dictionary batches are swapped when they are decoded).
 */
final class EndianSwapper {
  private static final int[] INT32 = {4};
  private static final int[] INT64 = {8};

  private final ByteOrder from;

  private EndianSwapper(ByteOrder from) {
    this.from = from;
  }

  /**
   * The array with every multi-byte value converted from byte order {@code from} to the other one.
   * Buffers shorter than the layout needs are swapped as far as they go (validation rejects them later).
   */
  static ArrayData swap(ArrayData array, ByteOrder from) {
    return new EndianSwapper(from).array(array);
  }

  private ArrayData array(ArrayData a) {
    Field f = a.field();
    List<ByteBuffer> buffers = new ArrayList<>(a.buffers());
    if (f.isDictionaryEncoded()) {
      swapSlot(buffers, 1, new int[] {f.dictionary().indexType().bitWidth() / 8});
      return new ArrayData(f, a.length(), a.nullCount(), buffers, a.children(), a.dictionary());
    }
    ArrowType t = f.type();
    if (t instanceof ArrowType.Decimal d) {
      swapSlot(buffers, 1, new int[] {d.bitWidth() / 8});
    } else if (t instanceof ArrowType.Interval iv) {
      swapSlot(buffers, 1, switch (iv.unit()) {
        case YEAR_MONTH -> INT32;
        case DAY_TIME -> new int[] {4, 4};
        case MONTH_DAY_NANO -> new int[] {4, 4, 8};
      });
    } else if (t instanceof ArrowType.FixedSizeBinary || t instanceof ArrowType.Bool) {
      // bytes and bits: nothing to swap
    } else if (FixedWidths.byteWidth(t) > 1) {
      swapSlot(buffers, 1, new int[] {FixedWidths.byteWidth(t)});
    } else if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.Binary || t instanceof ArrowType.List_
        || t instanceof ArrowType.Map) {
      swapSlot(buffers, 1, INT32);
    } else if (t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.LargeBinary
        || t instanceof ArrowType.LargeList) {
      swapSlot(buffers, 1, INT64);
    } else if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
      int[] word = FixedWidths.largeOffsets(t) ? INT64 : INT32;
      swapSlot(buffers, 1, word);
      swapSlot(buffers, 2, word);
    } else if (t instanceof ArrowType.BinaryView || t instanceof ArrowType.Utf8View) {
      if (buffers.size() > 1) {
        buffers.set(1, views(buffers.get(1)));
      }
    } else if (t instanceof ArrowType.Union u && u.mode() == ArrowType.UnionMode.DENSE) {
      swapSlot(buffers, 1, INT32);
    }
    List<ArrayData> children = new ArrayList<>(a.children().size());
    for (ArrayData child : a.children()) {
      children.add(array(child));
    }
    return new ArrayData(f, a.length(), a.nullCount(), buffers, children, a.dictionary());
  }

  private static void swapSlot(List<ByteBuffer> buffers, int slot, int[] words) {
    if (slot < buffers.size() && !(words.length == 1 && words[0] == 1)) {
      buffers.set(slot, words(buffers.get(slot), words));
    }
  }

  /** Each element (the words in order) with every word's bytes reversed; a partial tail is copied as is. */
  static ByteBuffer words(ByteBuffer source, int[] words) {
    int elementSize = 0;
    for (int w : words) {
      elementSize += w;
    }
    byte[] in = bytes(source);
    byte[] out = new byte[in.length];
    int whole = in.length - in.length % elementSize;
    int p = 0;
    while (p < whole) {
      for (int w : words) {
        for (int k = 0; k < w; k++) {
          out[p + k] = in[p + w - 1 - k];
        }
        p += w;
      }
    }
    System.arraycopy(in, whole, out, whole, in.length - whole);
    return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** 16-byte views: the length always; buffer index and offset only for out-of-line values. */
  private ByteBuffer views(ByteBuffer source) {
    byte[] in = bytes(source);
    byte[] out = in.clone();
    ByteBuffer read = ByteBuffer.wrap(in).order(from);
    for (int p = 0; p + 16 <= in.length; p += 16) {
      int size = read.getInt(p);
      reverse(in, out, p, 4);
      if (size > 12) {
        reverse(in, out, p + 8, 4);
        reverse(in, out, p + 12, 4);
      }
    }
    return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void reverse(byte[] in, byte[] out, int at, int width) {
    for (int k = 0; k < width; k++) {
      out[at + k] = in[at + width - 1 - k];
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer all = buffer.duplicate();
    all.clear();
    byte[] bytes = new byte[all.remaining()];
    all.get(bytes);
    return bytes;
  }
}
