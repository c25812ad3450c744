package dev.quiver.json.integration;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.json.JsonInputException;
import java.util.HashSet;
import java.util.Set;

/** Structural rules of fields (children per type, parameter ranges) checked when a schema is read. */
final class Layouts {
  private Layouts() {}

  static void checkField(Field f, String path) {
    ArrowType t = f.type();
    int children = f.children().size();
    if (t instanceof ArrowType.Decimal d) {
      int w = d.bitWidth();
      if (w != 32 && w != 64 && w != 128 && w != 256) {
        throw error(path, "decimal bitWidth must be 32, 64, 128 or 256, not " + w);
      }
    } else if (t instanceof ArrowType.Time tt) {
      boolean small = tt.unit() == ArrowType.TimeUnit.SECOND || tt.unit() == ArrowType.TimeUnit.MILLISECOND;
      if (tt.bitWidth() != (small ? 32 : 64)) {
        throw error(path, "time " + tt.unit() + " needs bitWidth " + (small ? 32 : 64));
      }
    } else if (t instanceof ArrowType.FixedSizeList fsl && fsl.listSize() < 0) {
      throw error(path, "fixedsizelist listSize must be >= 0");
    }
    if (!t.isNested()) {
      if (children != 0) {
        throw error(path, "a field of type " + t + " has no children, found " + children);
      }
      return;
    }
    if (t instanceof ArrowType.Struct) {
      return;
    }
    if (t instanceof ArrowType.Union u) {
      if (u.typeIds().size() != children && !u.typeIds().isEmpty()) {
        throw error(path, "union has " + children + " children but " + u.typeIds().size() + " typeIds");
      }
      Set<Integer> seen = new HashSet<>();
      for (int id : u.typeIds()) {
        if (id < 0 || id > 127 || !seen.add(id)) {
          throw error(path, "union typeIds must be distinct and in [0, 127]: " + u.typeIds());
        }
      }
      if (children > 128) {
        throw error(path, "a union has at most 128 children");
      }
      return;
    }
    if (t instanceof ArrowType.RunEndEncoded) {
      if (children != 2) {
        throw error(path, "runendencoded needs two children (run_ends, values), found " + children);
      }
      ArrowType ends = f.child(0).type();
      if (!(ends instanceof ArrowType.Int i) || !i.signed() || i.bitWidth() == 8
          || f.child(0).isDictionaryEncoded()) {
        throw error(path, "run_ends must be int16, int32 or int64");
      }
      return;
    }
    if (children != 1) {
      throw error(path, "a field of type " + t + " needs exactly one child, found " + children);
    }
    if (t instanceof ArrowType.Map) {
      Field entries = f.child(0);
      if (!(entries.type() instanceof ArrowType.Struct) || entries.children().size() != 2
          || entries.isDictionaryEncoded()) {
        throw error(path, "a map's child must be a struct of two fields (key, value)");
      }
    }
  }

  /** Type ids of a union: the declared ones, or 0..n-1 when none are declared. */
  static int[] typeIds(ArrowType.Union u, int children) {
    int[] ids = new int[children];
    for (int i = 0; i < children; i++) {
      ids[i] = u.typeIds().isEmpty() ? i : u.typeIds().get(i);
    }
    return ids;
  }

  private static JsonInputException error(String path, String message) {
    return new JsonInputException("schema field \"" + path + "\": " + message);
  }
}
