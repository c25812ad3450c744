package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * string_view / binary_view from strings / base64: values up to 12 bytes inline in the 16-byte view, longer
 * ones in one variadic data buffer per batch (none when every value is inline).
 */
final class ViewBuilder extends ColumnBuilder {
  private final boolean utf8;
  private BufferBuilder views;
  private BufferBuilder data;

  ViewBuilder(Field field, String path, boolean utf8) {
    super(field, path);
    this.utf8 = utf8;
    reset();
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    byte[] bytes = stringOrBase64Bytes(value, ctx, utf8);
    int base = views.size();
    views.resize(base + 16);
    ByteBuffer v = views.toByteBuffer();
    v.putInt(base, bytes.length);
    if (bytes.length <= 12) {
      v.put(base + 4, bytes);
    } else {
      if ((long) data.size() + bytes.length > Integer.MAX_VALUE) {
        throw new LimitExceededException(ctx.where(path) + ": more than 2 GiB of view data in one batch;"
            + " use a smaller batchSize");
      }
      v.put(base + 4, bytes, 0, 4);
      v.putInt(base + 8, 0);
      v.putInt(base + 12, data.size());
      data.putBytes(bytes);
    }
    markValid();
  }

  @Override
  protected void appendEmptyValue() {
    views.resize(views.size() + 16);
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    List<ByteBuffer> buffers = data.size() == 0
        ? List.of(validityBitmap, views.toByteBuffer())
        : List.of(validityBitmap, views.toByteBuffer(), data.toByteBuffer());
    return new ArrayData(field, length, nullCount, buffers, List.of(), null);
  }

  @Override
  protected void reset() {
    views = new BufferBuilder();
    data = new BufferBuilder();
  }
}
