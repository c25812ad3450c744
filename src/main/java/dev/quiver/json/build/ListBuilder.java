package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.List;

/** list / large_list (and the physical part of map): validity, offsets, one child. */
class ListBuilder extends ColumnBuilder {
  private final boolean large;
  protected final ColumnBuilder child;
  private BufferBuilder offsets;

  ListBuilder(Field field, String path, boolean large, ColumnBuilder child) {
    super(field, path);
    this.large = large;
    this.child = child;
    reset();
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    if (!(value instanceof JsonValue.Arr)) {
      throw mismatch(ctx, "an array", value);
    }
    for (JsonValue item : ((JsonValue.Arr) value).items()) {
      child.append(item, ctx);
    }
    endValue();
  }

  /** Closes the current list value after its items were appended to the child. */
  protected final void endValue() {
    putOffset();
    markValid();
  }

  private void putOffset() {
    if (large) {
      offsets.putLong(child.length());
    } else {
      offsets.putInt(child.length());
    }
  }

  @Override
  protected void appendEmptyValue() {
    putOffset();
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    return new ArrayData(field, length, nullCount, List.of(validityBitmap, offsets.toByteBuffer()),
        List.of(child.finish()), null);
  }

  @Override
  protected void reset() {
    offsets = new BufferBuilder();
    putOffset();
  }
}
