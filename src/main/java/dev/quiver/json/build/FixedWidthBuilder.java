package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/** Fixed-width values (ints, floats, decimals, temporals, fixed_size_binary): validity + values. */
final class FixedWidthBuilder extends ColumnBuilder implements DictionaryValues {
  private final int byteWidth;
  private final Scalars.Scalar scalar;
  private BufferBuilder values = new BufferBuilder();

  FixedWidthBuilder(Field field, String path, int byteWidth, Scalars.Scalar scalar) {
    super(field, path);
    this.byteWidth = byteWidth;
    this.scalar = scalar;
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    int before = values.size();
    try {
      scalar.put(value, values);
    } catch (Scalars.Mismatch e) {
      values.resize(before);
      throw mismatch(ctx, e.getMessage(), value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      values.resize(before);
      throw ctx.error(path, e.getMessage() + " (" + typeName() + ")");
    }
    markValid();
  }

  /** Appends an integer already checked to fit the column's type (the streaming fast path). */
  void appendLong(long x) {
    switch (byteWidth) {
      case 1 -> values.putByte((int) x);
      case 2 -> values.putShort((int) x);
      case 4 -> values.putInt((int) x);
      default -> values.putLong(x);
    }
    markValid();
  }

  /** Appends a float64 (the streaming fast path; the column is float64). */
  void appendDouble(double x) {
    values.putDouble(x);
    markValid();
  }

  @Override
  protected void appendEmptyValue() {
    values.resize(values.size() + byteWidth);
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    return new ArrayData(field, length, nullCount, List.of(validityBitmap, values.toByteBuffer()), List.of(), null);
  }

  @Override
  protected void reset() {
    values = new BufferBuilder();
  }

  @Override
  public ArrayData snapshot() {
    return new ArrayData(field, length(), 0, List.of(ArrayData.emptyBuffer(), values.toByteBuffer()),
        List.of(), null);
  }

  @Override
  public Key lastKey() {
    int end = values.size();
    byte[] bytes = new byte[byteWidth];
    ByteBuffer all = values.toByteBuffer();
    all.position(end - byteWidth);
    all.get(bytes);
    return new Key(bytes);
  }

  @Override
  public void removeLast() {
    values.resize(values.size() - byteWidth);
    dropLast();
  }

  /** The bytes of one dictionary value. */
  record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key && Arrays.equals(bytes, ((Key) o).bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }
}
