package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import dev.quiver.columnar.BufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the slots [offset, offset + length) of an array into a new array starting at slot 0: bitmaps are
 * re-aligned, offsets rebased to 0, children sliced to the range the slots use. Variadic data buffers of
 * view arrays, list-view children and dense-union children are shared, not copied (their slots address
 * them by absolute position). A dictionary-encoded array keeps its dictionary.
 */
final class ArraySlicer {
  private ArraySlicer() {}

  static ArrayData slice(ArrayData array, int offset, int length) {
    if (offset < 0 || length < 0 || (long) offset + length > array.length()) {
      throw new IllegalArgumentException(
          "slice [" + offset + ", +" + length + ") out of [0, " + array.length() + ")");
    }
    ArrowType type = array.type();
    List<ByteBuffer> buffers = new ArrayList<>();
    List<ArrayData> children = new ArrayList<>();
    int nullCount = 0;
    if (array.hasValidityBitmap() && !(type instanceof ArrowType.Null)) {
      if (array.nullCount() == 0) {
        buffers.add(ArrayData.emptyBuffer());
      } else {
        ByteBuffer bits = copyBits(array.buffer(0), offset, length);
        buffers.add(bits);
        nullCount = Bits.countZeros(bits, length);
      }
    }
    if (array.field().isDictionaryEncoded()) {
      int width = array.field().dictionary().indexType().bitWidth() / 8;
      buffers.add(copyBytes(array.buffer(1), offset * width, length * width));
      return new ArrayData(array.field(), length, nullCount, buffers, children, array.dictionary());
    }
    int width = FixedWidths.byteWidth(type);
    if (width == FixedWidths.BITS) {
      buffers.add(copyBits(array.buffer(1), offset, length));
    } else if (width >= 0) {
      buffers.add(copyBytes(array.buffer(1), offset * width, length * width));
    } else if (type instanceof ArrowType.Null) {
      nullCount = length;
    } else if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary
        || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.LargeBinary) {
      long[] range = rebasedOffsets(array, offset, length, buffers);
      buffers.add(copyBytes(array.buffer(2), (int) range[0], (int) (range[1] - range[0])));
    } else if (type instanceof ArrowType.Utf8View || type instanceof ArrowType.BinaryView) {
      buffers.add(copyBytes(array.buffer(1), offset * 16, length * 16));
      buffers.addAll(array.buffers().subList(2, array.buffers().size()));
    } else if (type instanceof ArrowType.List_ || type instanceof ArrowType.LargeList
        || type instanceof ArrowType.Map) {
      long[] range = rebasedOffsets(array, offset, length, buffers);
      children.add(slice(array.child(0), (int) range[0], (int) (range[1] - range[0])));
    } else if (type instanceof ArrowType.ListView || type instanceof ArrowType.LargeListView) {
      int w = FixedWidths.largeOffsets(type) ? 8 : 4;
      buffers.add(copyBytes(array.buffer(1), offset * w, length * w));
      buffers.add(copyBytes(array.buffer(2), offset * w, length * w));
      children.add(array.child(0));
    } else if (type instanceof ArrowType.FixedSizeList f) {
      children.add(slice(array.child(0), offset * f.listSize(), length * f.listSize()));
    } else if (type instanceof ArrowType.Struct) {
      for (ArrayData child : array.children()) {
        children.add(slice(child, offset, length));
      }
    } else if (type instanceof ArrowType.Union u) {
      buffers.add(copyBytes(array.buffer(0), offset, length));
      if (u.mode() == ArrowType.UnionMode.DENSE) {
        buffers.add(copyBytes(array.buffer(1), offset * 4, length * 4));
        children.addAll(array.children());
      } else {
        for (ArrayData child : array.children()) {
          children.add(slice(child, offset, length));
        }
      }
    } else if (type instanceof ArrowType.RunEndEncoded) {
      sliceRunEnds(array, offset, length, children);
    } else {
      throw new IllegalArgumentException("unsupported type: " + type);
    }
    return new ArrayData(array.field(), length, nullCount, buffers, children, array.dictionary());
  }

  /** Adds offsets rebased to start at 0; returns the original [first, last] offsets of the range. */
  private static long[] rebasedOffsets(ArrayData array, int offset, int length, List<ByteBuffer> out) {
    boolean large = FixedWidths.largeOffsets(array.type());
    ByteBuffer offsets = array.buffer(1);
    long first = array.length() == 0 && offsets.capacity() == 0 ? 0 : ArrayEquality.offset(offsets, offset, large);
    BufferBuilder b = new BufferBuilder((length + 1) * (large ? 8 : 4));
    long last = first;
    for (int i = 0; i <= length; i++) {
      last = length == 0 ? first : ArrayEquality.offset(offsets, offset + i, large);
      if (large) {
        b.putLong(last - first);
      } else {
        b.putInt((int) (last - first));
      }
    }
    out.add(b.toByteBuffer());
    return new long[] {first, last};
  }

  private static void sliceRunEnds(ArrayData array, int offset, int length, List<ArrayData> children) {
    ArrayData runEnds = array.child(0);
    ArrayData values = array.child(1);
    if (length == 0) {
      children.add(ArraySlicer.slice(runEnds, 0, 0));
      children.add(ArraySlicer.slice(values, 0, 0));
      return;
    }
    int first = ArrayEquality.physicalIndex(runEnds, offset);
    int last = ArrayEquality.physicalIndex(runEnds, offset + length - 1);
    int width = ((ArrowType.Int) runEnds.type()).bitWidth() / 8;
    BufferBuilder ends = new BufferBuilder((last - first + 1) * width);
    for (int r = first; r <= last; r++) {
      long end = Math.min(ArrayEquality.index(runEnds.buffer(1), r, width) - offset, length);
      switch (width) {
        case 2 -> ends.putShort((int) end);
        case 4 -> ends.putInt((int) end);
        default -> ends.putLong(end);
      }
    }
    children.add(new ArrayData(runEnds.field(), last - first + 1, 0,
        List.of(ArrayData.emptyBuffer(), ends.toByteBuffer()), List.of(), null));
    children.add(slice(values, first, last - first + 1));
  }

  /** Copies {@code length} bits starting at bit {@code offset} into a new bitmap starting at bit 0. */
  static ByteBuffer copyBits(ByteBuffer bitmap, int offset, int length) {
    byte[] bytes = new byte[Bits.bytesFor(length)];
    if ((offset & 7) == 0) {
      bitmap.duplicate().clear().position(offset >>> 3).get(bytes);
      if ((length & 7) != 0) {
        bytes[bytes.length - 1] &= (byte) ((1 << (length & 7)) - 1);
      }
    } else {
      for (int i = 0; i < length; i++) {
        if (Bits.get(bitmap, offset + i)) {
          bytes[i >>> 3] |= (byte) (1 << (i & 7));
        }
      }
    }
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  static ByteBuffer copyBytes(ByteBuffer source, int from, int length) {
    byte[] bytes = new byte[length];
    source.duplicate().clear().position(from).get(bytes);
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
