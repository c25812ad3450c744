package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Flattens arrays into field nodes and buffers in pre-order, following the V5 layouts of
 * {@link ArrayData}'s javadoc. Each buffer is a view trimmed to the bytes the layout needs (a validity
 * bitmap is written with length 0 when the array has no nulls); nothing is copied except an offsets
 * buffer of a zero-length array that was stored empty, which is written as a single 0 offset.
 *
 * <p>The layout follows the writer's schema field; the array must have the same type at every level.
 * Inconsistent arrays (a buffer shorter than the layout needs, a missing slot) are an
 * {@link IllegalArgumentException} naming the column path.
 */
final class RecordBatchEncoder {
  private static final ByteBuffer ZERO_OFFSET =
      ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer();

  private final List<long[]> nodes = new ArrayList<>();
  private final List<ByteBuffer> buffers = new ArrayList<>();
  private final List<Long> variadicCounts = new ArrayList<>();
  private final ByteOrder order;

  private RecordBatchEncoder(ByteOrder order) {
    this.order = order;
  }

  /** Encodes one array per field; {@code length} is the record batch (or dictionary) length. */
  static EncodedBody encode(long length, List<Field> fields, List<ArrayData> arrays, List<String> paths) {
    return encode(length, fields, arrays, paths, ByteOrder.LITTLE_ENDIAN);
  }

  /** As {@link #encode(long, List, List, List)} for arrays whose values are in byte order {@code order}. */
  static EncodedBody encode(long length, List<Field> fields, List<ArrayData> arrays, List<String> paths,
      ByteOrder order) {
    RecordBatchEncoder encoder = new RecordBatchEncoder(order);
    for (int i = 0; i < fields.size(); i++) {
      encoder.visit(fields.get(i), arrays.get(i), paths.get(i));
    }
    long[] lengths = new long[encoder.nodes.size()];
    long[] nullCounts = new long[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = encoder.nodes.get(i)[0];
      nullCounts[i] = encoder.nodes.get(i)[1];
    }
    long[] variadic = encoder.variadicCounts.stream().mapToLong(Long::longValue).toArray();
    return new EncodedBody(length, lengths, nullCounts, encoder.buffers, variadic);
  }

  private void visit(Field field, ArrayData array, String path) {
    ArrowType type = field.type();
    if (!type.equals(array.type())) {
      throw new IllegalArgumentException(
          "column " + path + ": array type " + array.type() + " != schema type " + type);
    }
    if (field.isDictionaryEncoded() != array.field().isDictionaryEncoded()) {
      throw new IllegalArgumentException("column " + path + ": dictionary encoding differs from the schema");
    }
    int length = array.length();
    if (field.isDictionaryEncoded()) {
      node(length, array.nullCount());
      slots(array, 2, path);
      validity(array, path);
      int width = field.dictionary().indexType().bitWidth() / 8;
      buffer(array, 1, (long) width * length, path);
      return;
    }
    int width = FixedWidths.byteWidth(type);
    if (width != -1) {
      node(length, array.nullCount());
      slots(array, 2, path);
      validity(array, path);
      buffer(array, 1, FixedWidths.valuesBytes(width, length), path);
    } else if (type instanceof ArrowType.Null) {
      node(length, length);
    } else if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary
        || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.LargeBinary) {
      node(length, array.nullCount());
      slots(array, 3, path);
      validity(array, path);
      long end = offsets(array, FixedWidths.largeOffsets(type), path);
      buffer(array, 2, end, path);
    } else if (type instanceof ArrowType.Utf8View || type instanceof ArrowType.BinaryView) {
      node(length, array.nullCount());
      slots(array, 2, path);
      validity(array, path);
      buffer(array, 1, 16L * length, path);
      int variadic = array.buffers().size() - 2;
      for (int k = 0; k < variadic; k++) {
        buffer(array, 2 + k, array.buffer(2 + k).capacity(), path);
      }
      variadicCounts.add((long) variadic);
    } else if (type instanceof ArrowType.List_ || type instanceof ArrowType.LargeList
        || type instanceof ArrowType.Map) {
      node(length, array.nullCount());
      slots(array, 2, path);
      validity(array, path);
      long end = offsets(array, FixedWidths.largeOffsets(type), path);
      childLength(array, end, path);
      children(field, array, path);
    } else if (type instanceof ArrowType.ListView || type instanceof ArrowType.LargeListView) {
      node(length, array.nullCount());
      slots(array, 3, path);
      validity(array, path);
      long w = FixedWidths.largeOffsets(type) ? 8 : 4;
      buffer(array, 1, w * length, path);
      buffer(array, 2, w * length, path);
      children(field, array, path);
    } else if (type instanceof ArrowType.FixedSizeList || type instanceof ArrowType.Struct) {
      node(length, array.nullCount());
      slots(array, 1, path);
      validity(array, path);
      long perSlot = type instanceof ArrowType.FixedSizeList f ? f.listSize() : 1;
      childLength(array, perSlot * length, path);
      children(field, array, path);
    } else if (type instanceof ArrowType.Union u) {
      node(length, 0);
      boolean dense = u.mode() == ArrowType.UnionMode.DENSE;
      slots(array, dense ? 2 : 1, path);
      buffer(array, 0, length, path);
      if (dense) {
        buffer(array, 1, 4L * length, path);
      }
      children(field, array, path);
    } else if (type instanceof ArrowType.RunEndEncoded) {
      node(length, 0);
      children(field, array, path);
    } else {
      throw new IllegalArgumentException("column " + path + ": unsupported type " + type);
    }
  }

  private void children(Field field, ArrayData array, String path) {
    if (array.children().size() != field.children().size()) {
      throw new IllegalArgumentException("column " + path + ": " + array.children().size()
          + " child arrays != " + field.children().size() + " schema children");
    }
    for (int i = 0; i < field.children().size(); i++) {
      Field child = field.child(i);
      visit(child, array.child(i), path + "." + child.name());
    }
  }

  /** Every child must hold at least {@code needed} slots. */
  private static void childLength(ArrayData array, long needed, String path) {
    for (int i = 0; i < array.children().size(); i++) {
      if (array.child(i).length() < needed) {
        throw new IllegalArgumentException("column " + path + "." + array.child(i).field().name()
            + ": length " + array.child(i).length() + " < " + needed + " slots the parent uses");
      }
    }
  }

  private void node(long length, long nullCount) {
    nodes.add(new long[] {length, nullCount});
  }

  private static void slots(ArrayData array, int count, String path) {
    if (array.buffers().size() < count) {
      throw new IllegalArgumentException("column " + path + ": " + array.buffers().size()
          + " buffers, the layout of " + array.type() + " needs " + count);
    }
  }

  private void validity(ArrayData array, String path) {
    if (array.nullCount() == 0) {
      buffers.add(ArrayData.emptyBuffer());
    } else {
      buffer(array, 0, (array.length() + 7L) >>> 3, path);
    }
  }

  /** Adds the offsets buffer (slot 1) and returns the last offset (the end of the data). */
  private long offsets(ArrayData array, boolean large, String path) {
    int length = array.length();
    ByteBuffer offsets = array.buffer(1);
    int width = large ? 8 : 4;
    if (length == 0 && offsets.capacity() < width) {
      buffers.add(ZERO_OFFSET.duplicate().limit(width).slice());
      return 0;
    }
    buffer(array, 1, (long) width * (length + 1), path);
    ByteBuffer le = offsets.duplicate().order(order);
    long end = large ? le.getLong(length * 8) : le.getInt(length * 4);
    if (end < 0 || end > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("column " + path + ": last offset out of range: " + end);
    }
    return end;
  }

  private void buffer(ArrayData array, int slot, long bytes, String path) {
    ByteBuffer source = array.buffer(slot);
    if (bytes > source.capacity()) {
      throw new IllegalArgumentException("column " + path + ": buffer " + slot + " holds "
          + source.capacity() + " bytes, " + array.length() + " slots of " + array.type() + " need " + bytes);
    }
    ByteBuffer view = source.duplicate();
    view.clear();
    view.limit((int) bytes);
    buffers.add(view.slice());
  }
}
