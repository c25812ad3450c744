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
    return type instanceof ArrowType.Bool ? BITS : type.byteWidth();
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
