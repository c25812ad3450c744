package dev.quiver.ipc;

import dev.quiver.columnar.ArrowType;

/** Value widths of the fixed-width layouts (validity + one values buffer), for the writer side. */
final class FixedWidths {
  private FixedWidths() {}

  /** Bit width marker for Bool, whose values are bit-packed. */
  static final int BITS = -2;

  /**
   * Bytes per value of a fixed-width type ({@link #BITS} for Bool), -1 when the type is not laid out
   * as validity + fixed-width values.
   */
  static int byteWidth(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return BITS;
    }
    if (type instanceof ArrowType.Int t) {
      return t.bitWidth() / 8;
    }
    if (type instanceof ArrowType.FloatingPoint t) {
      return switch (t.precision()) {
        case HALF -> 2;
        case SINGLE -> 4;
        case DOUBLE -> 8;
      };
    }
    if (type instanceof ArrowType.Decimal t) {
      return t.bitWidth() / 8;
    }
    if (type instanceof ArrowType.Date t) {
      return t.unit() == ArrowType.DateUnit.DAY ? 4 : 8;
    }
    if (type instanceof ArrowType.Time t) {
      return t.bitWidth() / 8;
    }
    if (type instanceof ArrowType.Timestamp || type instanceof ArrowType.Duration) {
      return 8;
    }
    if (type instanceof ArrowType.Interval t) {
      return switch (t.unit()) {
        case YEAR_MONTH -> 4;
        case DAY_TIME -> 8;
        case MONTH_DAY_NANO -> 16;
      };
    }
    if (type instanceof ArrowType.FixedSizeBinary t) {
      return t.byteWidth();
    }
    return -1;
  }

  /** Bytes of the values buffer for {@code length} values of a fixed-width type. */
  static long valuesBytes(int byteWidth, long length) {
    return byteWidth == BITS ? (length + 7) >>> 3 : byteWidth * length;
  }

  /** Whether offsets of this var-width or list type are int64. */
  static boolean largeOffsets(ArrowType type) {
    return type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.LargeBinary
        || type instanceof ArrowType.LargeList || type instanceof ArrowType.LargeListView;
  }
}
