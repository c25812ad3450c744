package dev.quiver.ipc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bounds checks for a flatbuffer before the generated accessors touch it (flatbuffers-java has no verifier).
 * Positions are absolute indexes into the buffer, which starts at index 0 and ends at {@code limit()}.
 *
 * <pre>
 * table:   int32 soffset to its vtable (vtable = table - soffset), then the fields
 * vtable:  uint16 vtable size | uint16 table size | uint16 field offset per field id (0 = absent)
 * offset field (table, vector, string): uint32 relative to the field's own position
 * vector:  uint32 element count, then the elements
 * </pre>
 */
final class FlatBufferVerifier {
  private final ByteBuffer bb;
  private final int limit;
  private final String where;

  FlatBufferVerifier(ByteBuffer buffer, String where) {
    this.bb = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.limit = buffer.limit();
    this.where = where;
  }

  ArrowFormatException error(String what) {
    return new ArrowFormatException(where + ": " + what);
  }

  /** The root table's position, checked. */
  int root(String what) {
    need(0, 4, what + " root offset");
    long pos = Integer.toUnsignedLong(bb.getInt(0));
    return table(pos, what);
  }

  /** Checks the table at {@code pos} and its vtable; returns pos. */
  int table(long pos, String what) {
    if (pos < 0 || pos + 4 > limit) {
      throw error(what + ": table offset " + pos + " outside the " + limit + "-byte metadata");
    }
    int p = (int) pos;
    long vt = p - (long) bb.getInt(p);
    if (vt < 0 || vt + 4 > limit) {
      throw error(what + ": vtable offset " + vt + " outside the " + limit + "-byte metadata");
    }
    int vtSize = bb.getShort((int) vt) & 0xFFFF;
    int tableSize = bb.getShort((int) vt + 2) & 0xFFFF;
    if (vtSize < 4 || (vtSize & 1) != 0 || vt + vtSize > limit) {
      throw error(what + ": bad vtable size " + vtSize + " at " + vt);
    }
    if (tableSize < 4 || p + (long) tableSize > limit) {
      throw error(what + ": bad table size " + tableSize + " at " + p);
    }
    return p;
  }

  /** Absolute position of field {@code vo} (vtable offset 4 + 2 * id) of a checked table, or 0 if absent. */
  private int field(int table, int vo, int size, String what) {
    int vt = table - bb.getInt(table);
    int vtSize = bb.getShort(vt) & 0xFFFF;
    if (vo >= vtSize) {
      return 0;
    }
    int off = bb.getShort(vt + vo) & 0xFFFF;
    if (off == 0) {
      return 0;
    }
    int tableSize = bb.getShort(vt + 2) & 0xFFFF;
    if (off + size > tableSize) {
      throw error(what + ": field at " + off + " (+" + size + ") past the table end " + tableSize);
    }
    return table + off;
  }

  /** Checks a scalar field of {@code size} bytes. */
  void scalar(int table, int vo, int size, String what) {
    field(table, vo, size, what);
  }

  /** The position an offset field points to, checked to leave at least 4 bytes, or 0 if absent. */
  private int indirect(int table, int vo, String what) {
    int pos = field(table, vo, 4, what);
    if (pos == 0) {
      return 0;
    }
    long target = pos + Integer.toUnsignedLong(bb.getInt(pos));
    if (target + 4 > limit) {
      throw error(what + ": offset " + target + " outside the " + limit + "-byte metadata");
    }
    return (int) target;
  }

  /** Checks a sub-table field; returns its position or 0 if absent. */
  int subTable(int table, int vo, String what) {
    int target = indirect(table, vo, what);
    return target == 0 ? 0 : table(target, what);
  }

  /** Checks a vector field of {@code elementSize}-byte elements; returns its position or 0 if absent. */
  int vector(int table, int vo, int elementSize, String what) {
    int target = indirect(table, vo, what);
    if (target == 0) {
      return 0;
    }
    int count = bb.getInt(target);
    if (count < 0 || target + 4L + (long) count * elementSize > limit) {
      throw error(what + ": vector of " + Integer.toUnsignedLong(count) + " x " + elementSize
          + " bytes at " + target + " overruns the " + limit + "-byte metadata");
    }
    return target;
  }

  /** Checks a string field (a byte vector). */
  void string(int table, int vo, String what) {
    vector(table, vo, 1, what);
  }

  int length(int vector) {
    return vector == 0 ? 0 : bb.getInt(vector);
  }

  /** Checks and returns the table that element {@code i} of a checked vector of tables points to. */
  int tableAt(int vector, int i, String what) {
    int pos = vector + 4 + 4 * i;
    return table(pos + Integer.toUnsignedLong(bb.getInt(pos)), what);
  }

  byte byteField(int table, int vo) {
    int pos = field(table, vo, 1, "byte field");
    return pos == 0 ? 0 : bb.get(pos);
  }

  private void need(int pos, int size, String what) {
    if (pos < 0 || pos + (long) size > limit) {
      throw error(what + ": " + size + " bytes at " + pos + " outside the " + limit + "-byte metadata");
    }
  }
}
