package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.List;

/** fixed_size_list[N]: validity + a child holding N slots per value. */
final class FixedSizeListBuilder extends ColumnBuilder {
  private final int size;
  private final ColumnBuilder child;

  FixedSizeListBuilder(Field field, String path, int size, ColumnBuilder child) {
    super(field, path);
    this.size = size;
    this.child = child;
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    if (!(value instanceof JsonValue.Arr)) {
      throw mismatch(ctx, "an array of " + size, value);
    }
    List<JsonValue> items = ((JsonValue.Arr) value).items();
    if (items.size() != size) {
      throw ctx.error(path, "expected an array of exactly " + size + " items, found " + items.size());
    }
    for (JsonValue item : items) {
      child.append(item, ctx);
    }
    markValid();
  }

  @Override
  protected void appendEmptyValue() {
    for (int i = 0; i < size; i++) {
      child.appendHidden();
    }
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    return new ArrayData(field, length, nullCount, List.of(validityBitmap), List.of(child.finish()), null);
  }

  @Override
  protected void reset() {}
}
