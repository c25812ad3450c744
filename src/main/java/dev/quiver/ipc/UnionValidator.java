package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Checks union arrays: every type id maps to a child; sparse children cover the length; dense offsets. */
final class UnionValidator {
  private UnionValidator() {}

  static void check(ArrayData a, ArrowType.Union u, ArrayValidator.Errors errors, String path) {
    boolean dense = u.mode() == ArrowType.UnionMode.DENSE;
    int len = a.length();
    if (a.buffers().size() != (dense ? 2 : 1) || a.children().size() != u.typeIds().size()) {
      throw errors.error(path, "union has " + a.buffers().size() + " buffers and " + a.children().size()
          + " children for " + u.typeIds().size() + " type ids");
    }
    int[] childOf = new int[128];
    Arrays.fill(childOf, -1);
    for (int i = 0; i < u.typeIds().size(); i++) {
      childOf[u.typeIds().get(i)] = i;
    }
    ByteBuffer typeIds = a.buffer(0);
    if (typeIds.capacity() < len) {
      throw errors.error(path, "type ids buffer has " + typeIds.capacity() + " bytes, needs " + len);
    }
    if (!dense) {
      for (int i = 0; i < a.children().size(); i++) {
        if (a.child(i).length() < len) {
          throw errors.error(path, "sparse union child " + i + " shorter than the union: "
              + a.child(i).length() + " < " + len);
        }
      }
    }
    ByteBuffer offsets = dense ? a.buffer(1) : null;
    if (dense && offsets.capacity() < (long) len * 4) {
      throw errors.error(path, "offsets buffer has " + offsets.capacity() + " bytes, needs " + (long) len * 4);
    }
    int[] last = new int[a.children().size()];
    for (int j = 0; j < len; j++) {
      int id = typeIds.get(j);
      int child = id < 0 ? -1 : childOf[id];
      if (child < 0) {
        throw errors.error(path, "row " + j + ": type id " + id + " is not one of " + u.typeIds());
      }
      if (dense) {
        int offset = offsets.getInt(j * 4);
        if (offset < 0 || offset >= a.child(child).length()) {
          throw errors.error(path, "row " + j + ": offset " + offset + " outside child " + child
              + " of length " + a.child(child).length());
        }
        if (offset < last[child]) {
          throw errors.error(path, "row " + j + ": offsets of child " + child + " decrease");
        }
        last[child] = offset;
      }
    }
  }
}
