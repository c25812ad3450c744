package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * run_end_encoded from plain logical values: equal consecutive JSON values (nulls included) become one run;
 * each batch starts new runs.
 */
final class RunEndBuilder extends ColumnBuilder {
  private final ColumnBuilder values;
  private final int width;
  private final long maxEnd;
  private BufferBuilder ends;
  private int runs;
  private JsonValue last;

  RunEndBuilder(Field field, String path, ColumnBuilder values) {
    super(field, path);
    this.values = values;
    this.width = ((ArrowType.Int) field.child(0).type()).bitWidth() / 8;
    this.maxEnd = width == 2 ? Short.MAX_VALUE : width == 4 ? Integer.MAX_VALUE : Long.MAX_VALUE;
    reset();
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    if (!extend(value)) {
      values.append(value, ctx);
      startRun(value, ctx);
    }
    markValid();
  }

  @Override
  protected boolean nullsLiveInChildren() {
    return field.child(1).nullable();
  }

  @Override
  protected void appendEmptyValue() {
    if (!extend(JsonValue.NULL)) {
      values.appendHidden();
      startRun(JsonValue.NULL, null);
    }
  }

  /** Lengthens the last run when {@code value} equals its value. */
  private boolean extend(JsonValue value) {
    if (last == null || !last.equals(value)) {
      return false;
    }
    putEnd(runs - 1, length() + 1L);
    return true;
  }

  private void startRun(JsonValue value, RowContext ctx) {
    if (length() + 1L > maxEnd) {
      String where = ctx == null ? "field \"" + path + "\"" : ctx.where(path);
      throw new LimitExceededException(where + ": a run_end_encoded batch with int" + 8 * width
          + " run ends holds at most " + maxEnd + " rows; use a smaller batchSize or wider run ends");
    }
    ends.resize(ends.size() + width);
    runs++;
    putEnd(runs - 1, length() + 1L);
    last = value;
  }

  private void putEnd(int run, long end) {
    ByteBuffer b = ends.toByteBuffer();
    switch (width) {
      case 2 -> b.putShort(run * 2, (short) end);
      case 4 -> b.putInt(run * 4, (int) end);
      default -> b.putLong(run * 8, end);
    }
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    ArrayData runEnds = new ArrayData(field.child(0), runs, 0, List.of(ArrayData.emptyBuffer(), ends.toByteBuffer()),
        List.of(), null);
    return new ArrayData(field, length, 0, List.of(), List.of(runEnds, values.finish()), null);
  }

  @Override
  protected void reset() {
    ends = new BufferBuilder();
    runs = 0;
    last = null;
  }
}
