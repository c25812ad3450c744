package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.List;

/** list_view / large_list_view from arrays: each value's items appended in order (offset, size per slot). */
final class ListViewBuilder extends ColumnBuilder {
  private final boolean large;
  private final ColumnBuilder child;
  private BufferBuilder offsets;
  private BufferBuilder sizes;

  ListViewBuilder(Field field, String path, boolean large, ColumnBuilder child) {
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
    int start = child.length();
    for (JsonValue item : ((JsonValue.Arr) value).items()) {
      child.append(item, ctx);
    }
    put(offsets, start);
    put(sizes, child.length() - start);
    markValid();
  }

  private void put(BufferBuilder b, long v) {
    if (large) {
      b.putLong(v);
    } else {
      b.putInt((int) v);
    }
  }

  @Override
  protected void appendEmptyValue() {
    put(offsets, child.length());
    put(sizes, 0);
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    return new ArrayData(field, length, nullCount,
        List.of(validityBitmap, offsets.toByteBuffer(), sizes.toByteBuffer()), List.of(child.finish()), null);
  }

  @Override
  protected void reset() {
    offsets = new BufferBuilder();
    sizes = new BufferBuilder();
  }
}
