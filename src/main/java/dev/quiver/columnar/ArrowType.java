package dev.quiver.columnar;

import java.util.List;

/**
 * The logical type of an Arrow field, one record per type of the Arrow columnar format. Parameters are the
 * ones the format defines; children of nested types live in {@link Field#children()}, as in the format.
 */
public sealed interface ArrowType {

  enum TimeUnit { SECOND, MILLISECOND, MICROSECOND, NANOSECOND }

  enum DateUnit { DAY, MILLISECOND }

  enum Precision { HALF, SINGLE, DOUBLE }

  enum IntervalUnit { YEAR_MONTH, DAY_TIME, MONTH_DAY_NANO }

  enum UnionMode { SPARSE, DENSE }

  record Null() implements ArrowType {}

  record Bool() implements ArrowType {}

  /** bitWidth is 8, 16, 32 or 64. */
  record Int(int bitWidth, boolean signed) implements ArrowType {}

  record FloatingPoint(Precision precision) implements ArrowType {}

  record Utf8() implements ArrowType {}

  record LargeUtf8() implements ArrowType {}

  record Utf8View() implements ArrowType {}

  record Binary() implements ArrowType {}

  record LargeBinary() implements ArrowType {}

  record BinaryView() implements ArrowType {}

  record FixedSizeBinary(int byteWidth) implements ArrowType {}

  /** bitWidth is 32, 64, 128 or 256. */
  record Decimal(int precision, int scale, int bitWidth) implements ArrowType {}

  record Date(DateUnit unit) implements ArrowType {}

  /** bitWidth is 32 for SECOND and MILLISECOND, 64 for MICROSECOND and NANOSECOND. */
  record Time(TimeUnit unit, int bitWidth) implements ArrowType {}

  /** timezone is null for a naive (wall-clock) timestamp. */
  record Timestamp(TimeUnit unit, String timezone) implements ArrowType {}

  record Duration(TimeUnit unit) implements ArrowType {}

  record Interval(IntervalUnit unit) implements ArrowType {}

  record List_() implements ArrowType {}

  record LargeList() implements ArrowType {}

  record ListView() implements ArrowType {}

  record LargeListView() implements ArrowType {}

  record FixedSizeList(int listSize) implements ArrowType {}

  record Struct() implements ArrowType {}

  /** Physically a list of a non-null struct of (key, value). */
  record Map(boolean keysSorted) implements ArrowType {}

  /** typeIds[i] is the type id of child i. */
  record Union(UnionMode mode, List<Integer> typeIds) implements ArrowType {
    public Union {
      typeIds = List.copyOf(typeIds);
    }
  }

  record RunEndEncoded() implements ArrowType {}

  Null NULL = new Null();
  Bool BOOL = new Bool();
  Int INT8 = new Int(8, true);
  Int INT16 = new Int(16, true);
  Int INT32 = new Int(32, true);
  Int INT64 = new Int(64, true);
  Int UINT8 = new Int(8, false);
  Int UINT16 = new Int(16, false);
  Int UINT32 = new Int(32, false);
  Int UINT64 = new Int(64, false);
  FloatingPoint FLOAT16 = new FloatingPoint(Precision.HALF);
  FloatingPoint FLOAT32 = new FloatingPoint(Precision.SINGLE);
  FloatingPoint FLOAT64 = new FloatingPoint(Precision.DOUBLE);
  Utf8 UTF8 = new Utf8();
  LargeUtf8 LARGE_UTF8 = new LargeUtf8();
  Utf8View UTF8_VIEW = new Utf8View();
  Binary BINARY = new Binary();
  LargeBinary LARGE_BINARY = new LargeBinary();
  BinaryView BINARY_VIEW = new BinaryView();
  Date DATE32 = new Date(DateUnit.DAY);
  Date DATE64 = new Date(DateUnit.MILLISECOND);
  List_ LIST = new List_();
  LargeList LARGE_LIST = new LargeList();
  ListView LIST_VIEW = new ListView();
  LargeListView LARGE_LIST_VIEW = new LargeListView();
  Struct STRUCT = new Struct();
  RunEndEncoded RUN_END_ENCODED = new RunEndEncoded();

  /**
   * Bytes per value of a fixed-width type (ints, floats, decimals, dates, times, timestamps, durations,
   * intervals, fixed-size binary); -1 for every other type (Bool is bit-packed, so -1 too).
   */
  default int byteWidth() {
    if (this instanceof Int t) {
      return t.bitWidth() / 8;
    } else if (this instanceof FloatingPoint t) {
      return switch (t.precision()) {
        case HALF -> 2;
        case SINGLE -> 4;
        case DOUBLE -> 8;
      };
    } else if (this instanceof Decimal t) {
      return t.bitWidth() / 8;
    } else if (this instanceof Date t) {
      return t.unit() == DateUnit.DAY ? 4 : 8;
    } else if (this instanceof Time t) {
      return t.bitWidth() / 8;
    } else if (this instanceof Timestamp || this instanceof Duration) {
      return 8;
    } else if (this instanceof Interval t) {
      return switch (t.unit()) {
        case YEAR_MONTH -> 4;
        case DAY_TIME -> 8;
        case MONTH_DAY_NANO -> 16;
      };
    } else if (this instanceof FixedSizeBinary t) {
      return t.byteWidth();
    }
    return -1;
  }

  /** True for types whose arrays have child arrays (their fields are {@link Field#children()}). */
  default boolean isNested() {
    return this instanceof List_ || this instanceof LargeList || this instanceof ListView
        || this instanceof LargeListView || this instanceof FixedSizeList || this instanceof Struct
        || this instanceof Map || this instanceof Union || this instanceof RunEndEncoded;
  }
}
