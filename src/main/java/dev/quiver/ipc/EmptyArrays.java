package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Zero-length arrays of any field, with every buffer slot the layout defines (offsets hold one 0). */
final class EmptyArrays {
  private EmptyArrays() {}

  static ArrayData of(Field field) {
    ByteBuffer empty = ArrayData.emptyBuffer();
    if (field.isDictionaryEncoded()) {
      return new ArrayData(field, 0, 0, List.of(empty, empty), List.of(), of(field.valueField()));
    }
    ArrowType type = field.type();
    List<ByteBuffer> buffers;
    if (FixedWidths.byteWidth(type) != -1
        || type instanceof ArrowType.Utf8View || type instanceof ArrowType.BinaryView) {
      buffers = List.of(empty, empty);
    } else if (type instanceof ArrowType.Null || type instanceof ArrowType.RunEndEncoded) {
      buffers = List.of();
    } else if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary
        || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.LargeBinary) {
      buffers = List.of(empty, zeroOffset(type), empty);
    } else if (type instanceof ArrowType.List_ || type instanceof ArrowType.LargeList
        || type instanceof ArrowType.Map) {
      buffers = List.of(empty, zeroOffset(type));
    } else if (type instanceof ArrowType.ListView || type instanceof ArrowType.LargeListView) {
      buffers = List.of(empty, empty, empty);
    } else if (type instanceof ArrowType.FixedSizeList || type instanceof ArrowType.Struct) {
      buffers = List.of(empty);
    } else if (type instanceof ArrowType.Union u) {
      buffers = u.mode() == ArrowType.UnionMode.DENSE ? List.of(empty, empty) : List.of(empty);
    } else {
      throw new IllegalArgumentException("unsupported type: " + type);
    }
    List<ArrayData> children = new ArrayList<>();
    for (Field child : field.children()) {
      children.add(of(child));
    }
    return new ArrayData(field, 0, 0, buffers, children, null);
  }

  private static ByteBuffer zeroOffset(ArrowType type) {
    return ByteBuffer.allocate(FixedWidths.largeOffsets(type) ? 8 : 4).order(ByteOrder.LITTLE_ENDIAN);
  }
}
