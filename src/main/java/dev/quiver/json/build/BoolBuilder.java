package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Bits;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.List;

/** Booleans: validity + a values bitmap. */
final class BoolBuilder extends ColumnBuilder {
  private BufferBuilder bits = new BufferBuilder();
  private int count;

  BoolBuilder(Field field, String path) {
    super(field, path);
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    if (!(value instanceof JsonValue.Bool)) {
      throw mismatch(ctx, "true or false", value);
    }
    if (((JsonValue.Bool) value).value()) {
      bits.setBit(count);
    }
    count++;
    markValid();
  }

  /** Appends true or false (the streaming fast path). */
  void appendBoolean(boolean v) {
    if (v) {
      bits.setBit(count);
    }
    count++;
    markValid();
  }

  @Override
  protected void appendEmptyValue() {
    count++;
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    bits.resize(Bits.bytesFor(count));
    return new ArrayData(field, length, nullCount, List.of(validityBitmap, bits.toByteBuffer()), List.of(), null);
  }

  @Override
  protected void reset() {
    bits = new BufferBuilder();
    count = 0;
  }
}
