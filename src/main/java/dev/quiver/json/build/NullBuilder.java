package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.List;

/** The null type: every slot is null, no buffers. */
final class NullBuilder extends ColumnBuilder {
  NullBuilder(Field field, String path) {
    super(field, path);
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    throw mismatch(ctx, "null", value);
  }

  @Override
  protected void appendEmptyValue() {}

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    return new ArrayData(field, length, length, List.of(), List.of(), null);
  }

  @Override
  protected void reset() {}
}
