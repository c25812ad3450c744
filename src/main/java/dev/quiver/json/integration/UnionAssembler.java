package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Unions (type ids, dense offsets) and run-end encoded arrays (run ends), checked against the children. */
final class UnionAssembler {
  private UnionAssembler() {}

  static ArrayData union(Field f, int n, FieldDataReader.Parts x, List<ArrayData> children, ArrowType.Union u) {
    int[] ids = Layouts.typeIds(u, children.size());
    int[] childOf = new int[128];
    java.util.Arrays.fill(childOf, -1);
    for (int c = 0; c < ids.length; c++) {
      childOf[ids[c]] = c;
    }
    Longs typeIds = x.typeIds == null ? new Longs() : x.typeIds;
    if (typeIds.size() != n) {
      throw new IllegalArgumentException("\"TYPE_ID\" has " + typeIds.size() + " entries, \"count\" is " + n);
    }
    boolean dense = u.mode() == ArrowType.UnionMode.DENSE;
    if (!dense) {
      if (x.offsets != null) {
        throw new IllegalArgumentException("a sparse union has no \"OFFSET\"");
      }
      for (int c = 0; c < children.size(); c++) {
        if (children.get(c).length() < n) {
          throw new IllegalArgumentException("sparse union child \"" + f.child(c).name() + "\" has "
              + children.get(c).length() + " values, the union has " + n);
        }
      }
    } else if (x.offsets == null ? n != 0 : x.offsets.size() != n) {
      throw new IllegalArgumentException("a dense union needs " + n + " \"OFFSET\" entries, found "
          + (x.offsets == null ? 0 : x.offsets.size()));
    }
    ByteBuffer types = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer offsets = ByteBuffer.allocate(dense ? 4 * n : 0).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      long id = typeIds.get(i);
      int child = id >= 0 && id < 128 ? childOf[(int) id] : -1;
      if (child < 0) {
        throw new IllegalArgumentException("row " + i + ": TYPE_ID " + id + " is not one of the union's typeIds "
            + java.util.Arrays.toString(ids));
      }
      types.put(i, (byte) id);
      if (dense) {
        long offset = x.offsets.get(i);
        if (offset < 0 || offset >= children.get(child).length()) {
          throw new IllegalArgumentException("row " + i + ": OFFSET " + offset + " is outside child \""
              + f.child(child).name() + "\" (" + children.get(child).length() + " values)");
        }
        offsets.putInt(4 * i, (int) offset);
      }
    }
    List<ByteBuffer> buffers = dense ? List.of(types, offsets) : List.of(types);
    return new ArrayData(f, n, 0, buffers, children, null);
  }

  static ArrayData runEndEncoded(Field f, int n, List<ArrayData> children) {
    ArrayData runEnds = children.get(0);
    ArrayData values = children.get(1);
    if (runEnds.nullCount() != 0) {
      throw new IllegalArgumentException("run_ends has nulls");
    }
    if (runEnds.length() != values.length()) {
      throw new IllegalArgumentException("run_ends has " + runEnds.length() + " values but values has "
          + values.length());
    }
    int width = ((ArrowType.Int) runEnds.type()).bitWidth() / 8;
    ByteBuffer ends = runEnds.buffer(1);
    long previous = 0;
    for (int i = 0; i < runEnds.length(); i++) {
      long end = width == 2 ? ends.getShort(2 * i) : width == 4 ? ends.getInt(4 * i) : ends.getLong(8 * i);
      if (end <= previous) {
        throw new IllegalArgumentException("run_ends must be positive and strictly increasing: entry " + i
            + " = " + end + " after " + previous);
      }
      previous = end;
    }
    if (n > 0 && previous < n) {
      throw new IllegalArgumentException("the last run end " + previous + " is before the length " + n);
    }
    return new ArrayData(f, n, 0, List.of(), children, null);
  }
}
