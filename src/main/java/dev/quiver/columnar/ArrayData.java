package dev.quiver.columnar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * One Arrow array: its field, length, null count, buffers, child arrays and, for a dictionary-encoded field,
 * the dictionary's values. Buffers are little-endian {@link ByteBuffer}s whose bytes run from index 0 to
 * {@code capacity()}; they are usually views (slices) over a received or memory-mapped message body, never
 * copies. A buffer slot the layout defines is always present; an empty validity buffer means "all valid".
 *
 * <p>Buffer layout per type (format version 5), in slot order:
 *
 * <pre>
 *   Null                                   (none)
 *   Bool, Int, FloatingPoint, Decimal,
 *   Date, Time, Timestamp, Duration,
 *   Interval, FixedSizeBinary              validity, values
 *   Binary, Utf8                           validity, int32 offsets (length + 1), data
 *   LargeBinary, LargeUtf8                 validity, int64 offsets (length + 1), data
 *   BinaryView, Utf8View                   validity, 16-byte views, variadic data buffers...
 *   List, Map                              validity, int32 offsets (length + 1)       + 1 child
 *   LargeList                              validity, int64 offsets (length + 1)       + 1 child
 *   ListView / LargeListView               validity, offsets, sizes (int32 / int64)   + 1 child
 *   FixedSizeList, Struct                  validity                                   + children
 *   Union sparse / dense                   int8 type ids [, int32 offsets]            + children
 *   RunEndEncoded                          (none)                       + run_ends, values children
 *   any dictionary-encoded field           validity, indices; values in dictionary()
 * </pre>
 */
public final class ArrayData {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);

  private final Field field;
  private final int length;
  private final int nullCount;
  private final List<ByteBuffer> buffers;
  private final List<ArrayData> children;
  private final ArrayData dictionary;

  public ArrayData(
      Field field,
      int length,
      int nullCount,
      List<ByteBuffer> buffers,
      List<ArrayData> children,
      ArrayData dictionary) {
    this.field = Objects.requireNonNull(field, "field");
    if (length < 0) {
      throw new IllegalArgumentException("length < 0: " + length);
    }
    if (nullCount < 0 || nullCount > length) {
      throw new IllegalArgumentException("nullCount out of [0, " + length + "]: " + nullCount);
    }
    this.length = length;
    this.nullCount = nullCount;
    this.buffers = List.copyOf(buffers);
    this.children = List.copyOf(children);
    this.dictionary = dictionary;
  }

  /** An empty little-endian buffer, for absent validity bitmaps and empty slots. */
  public static ByteBuffer emptyBuffer() {
    return EMPTY.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  public Field field() {
    return field;
  }

  public ArrowType type() {
    return field.type();
  }

  public int length() {
    return length;
  }

  public int nullCount() {
    return nullCount;
  }

  public List<ByteBuffer> buffers() {
    return buffers;
  }

  public ByteBuffer buffer(int slot) {
    return buffers.get(slot);
  }

  public List<ArrayData> children() {
    return children;
  }

  public ArrayData child(int i) {
    return children.get(i);
  }

  /** The dictionary's values for a dictionary-encoded field, else null. */
  public ArrayData dictionary() {
    return dictionary;
  }

  /** Whether slot i holds a value, from the validity bitmap in slot 0 (types without one: always true). */
  public boolean isValid(int i) {
    if (nullCount == 0) {
      return true;
    }
    if (field.type() instanceof ArrowType.Null) {
      return false;
    }
    if (!hasValidityBitmap()) {
      return true;
    }
    return Bits.get(buffers.get(0), i);
  }

  public boolean isNull(int i) {
    return !isValid(i);
  }

  /** Whether buffer slot 0 is a validity bitmap for this array's layout. */
  public boolean hasValidityBitmap() {
    if (field.isDictionaryEncoded()) {
      return true;
    }
    ArrowType t = field.type();
    return !(t instanceof ArrowType.Null
        || t instanceof ArrowType.Union
        || t instanceof ArrowType.RunEndEncoded);
  }

  /** A copy of this array that refers to a different dictionary (same buffers and children). */
  public ArrayData withDictionary(ArrayData newDictionary) {
    return new ArrayData(field, length, nullCount, buffers, children, newDictionary);
  }

  /** A copy of this array described by another field of the same layout (e.g. renamed). */
  public ArrayData withField(Field newField) {
    return new ArrayData(newField, length, nullCount, buffers, children, dictionary);
  }

  @Override
  public String toString() {
    return "ArrayData[" + field.name() + ": " + field.type() + ", length=" + length
        + ", nullCount=" + nullCount + ", buffers=" + buffers.size() + ", children=" + children.size()
        + (dictionary != null ? ", dictionary=" + dictionary.length() : "") + "]";
  }
}
