package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Flattens arrays into field nodes and buffers in pre-order, following the V5 layouts of
 * {@link ArrayData}'s javadoc. Each body buffer is an array's own buffer and the count of its leading bytes
 * the layout needs (a validity bitmap is written with length 0 when the array has no nulls); nothing is
 * copied, and an offsets buffer of a zero-length array that was stored empty is written as a single 0
 * offset. Column paths for error messages are built only when an error is thrown.
 *
 * <p>The layout follows the writer's schema field; the array must have the same type at every level.
 * Inconsistent arrays (a buffer shorter than the layout needs, a missing slot) are an
 * {@link IllegalArgumentException} naming the column path.
 */
final class RecordBatchEncoder {
  private static final ByteBuffer ZERO_OFFSET =
      ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer();
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
  private static final long[] NO_VARIADIC_COUNTS = new long[0];

  private final ByteOrder order;
  private int nodeCount;
  private long[] nodeLengths;
  private long[] nodeNullCounts;
  private int bufferCount;
  private ByteBuffer[] buffers;
  private int[] bufferLengths;
  private int variadicCount;
  private long[] variadicCounts = NO_VARIADIC_COUNTS;

  private RecordBatchEncoder(ByteOrder order, int expectedNodes) {
    this.order = order;
    int nodes = Math.max(4, expectedNodes);
    this.nodeLengths = new long[nodes];
    this.nodeNullCounts = new long[nodes];
    this.buffers = new ByteBuffer[2 * nodes];
    this.bufferLengths = new int[2 * nodes];
  }

  /** The columns of a record batch, each named by its schema field in error messages. */
  static EncodedBody encodeColumns(long length, List<Field> fields, List<ArrayData> arrays, ByteOrder order) {
    RecordBatchEncoder encoder = new RecordBatchEncoder(order, fields.size());
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      encoder.visit(field, arrays.get(i), WritePath.of(field.name()));
    }
    return encoder.body(length);
  }

  /** The values of a dictionary batch; {@code path} names them in error messages. */
  static EncodedBody encodeDictionary(Field valueField, ArrayData values, WritePath path, ByteOrder order) {
    RecordBatchEncoder encoder = new RecordBatchEncoder(order, 1 + valueField.children().size());
    encoder.visit(valueField, values, path);
    return encoder.body(values.length());
  }

  private EncodedBody body(long length) {
    long[] variadic = variadicCount == variadicCounts.length
        ? variadicCounts
        : Arrays.copyOf(variadicCounts, variadicCount);
    return new EncodedBody(length, nodeCount, nodeLengths, nodeNullCounts, bufferCount, buffers, bufferLengths,
        variadic, BodyCompression.NONE);
  }

  private void visit(Field field, ArrayData array, WritePath path) {
    ArrowType type = field.type();
    if (type != array.type() && !type.equals(array.type())) {
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
      if (variadicCount == variadicCounts.length) {
        variadicCounts = Arrays.copyOf(variadicCounts, Math.max(4, 2 * variadicCount));
      }
      variadicCounts[variadicCount++] = variadic;
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

  private void children(Field field, ArrayData array, WritePath path) {
    if (array.children().size() != field.children().size()) {
      throw new IllegalArgumentException("column " + path + ": " + array.children().size()
          + " child arrays != " + field.children().size() + " schema children");
    }
    for (int i = 0; i < field.children().size(); i++) {
      Field child = field.child(i);
      visit(child, array.child(i), path.child(child.name()));
    }
  }

  /** Every child must hold at least {@code needed} slots. */
  private static void childLength(ArrayData array, long needed, WritePath path) {
    for (int i = 0; i < array.children().size(); i++) {
      if (array.child(i).length() < needed) {
        throw new IllegalArgumentException("column " + path.child(array.child(i).field().name())
            + ": length " + array.child(i).length() + " < " + needed + " slots the parent uses");
      }
    }
  }

  private void node(long length, long nullCount) {
    if (nodeCount == nodeLengths.length) {
      nodeLengths = Arrays.copyOf(nodeLengths, 2 * nodeCount);
      nodeNullCounts = Arrays.copyOf(nodeNullCounts, 2 * nodeCount);
    }
    nodeLengths[nodeCount] = length;
    nodeNullCounts[nodeCount] = nullCount;
    nodeCount++;
  }

  /** Adds the first {@code bytes} bytes of {@code source} (from its index 0) as the next body buffer. */
  private void add(ByteBuffer source, int bytes) {
    if (bufferCount == buffers.length) {
      buffers = Arrays.copyOf(buffers, 2 * bufferCount);
      bufferLengths = Arrays.copyOf(bufferLengths, 2 * bufferCount);
    }
    buffers[bufferCount] = source;
    bufferLengths[bufferCount] = bytes;
    bufferCount++;
  }

  private static void slots(ArrayData array, int count, WritePath path) {
    if (array.buffers().size() < count) {
      throw new IllegalArgumentException("column " + path + ": " + array.buffers().size()
          + " buffers, the layout of " + array.type() + " needs " + count);
    }
  }

  private void validity(ArrayData array, WritePath path) {
    if (array.nullCount() == 0) {
      add(EMPTY, 0);
    } else {
      buffer(array, 0, (array.length() + 7L) >>> 3, path);
    }
  }

  /** Adds the offsets buffer (slot 1) and returns the last offset (the end of the data). */
  private long offsets(ArrayData array, boolean large, WritePath path) {
    int length = array.length();
    ByteBuffer offsets = array.buffer(1);
    int width = large ? 8 : 4;
    if (length == 0 && offsets.capacity() < width) {
      add(ZERO_OFFSET, width);
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

  private void buffer(ArrayData array, int slot, long bytes, WritePath path) {
    ByteBuffer source = array.buffer(slot);
    if (bytes > source.capacity()) {
      throw new IllegalArgumentException("column " + path + ": buffer " + slot + " holds "
          + source.capacity() + " bytes, " + array.length() + " slots of " + array.type() + " need " + bytes);
    }
    add(source, (int) bytes);
  }
}
