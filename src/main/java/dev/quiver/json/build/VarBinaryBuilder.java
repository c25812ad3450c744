package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** utf8 / binary and their large variants: validity, offsets (int32 or int64), data. */
final class VarBinaryBuilder extends ColumnBuilder implements DictionaryValues {
  private final boolean large;
  private final boolean utf8;
  private BufferBuilder offsets;
  private BufferBuilder data;

  VarBinaryBuilder(Field field, String path, boolean large, boolean utf8) {
    super(field, path);
    this.large = large;
    this.utf8 = utf8;
    reset();
  }

  boolean isUtf8() {
    return utf8;
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    byte[] bytes = stringOrBase64Bytes(value, ctx, utf8);
    appendBytes(bytes, ctx);
    markValid();
  }

  /** Appends raw bytes as a valid value (map keys from JSON object keys). */
  void appendString(String s, RowContext ctx) {
    appendBytes(s.getBytes(StandardCharsets.UTF_8), ctx);
    markValid();
  }

  /** Appends {@code length} bytes of UTF-8 as a valid value (the streaming fast path; utf8 columns). */
  void appendUtf8(byte[] bytes, int length, RowContext ctx) {
    appendBytes(bytes, length, ctx);
    markValid();
  }

  private void appendBytes(byte[] bytes, RowContext ctx) {
    appendBytes(bytes, bytes.length, ctx);
  }

  private void appendBytes(byte[] bytes, int length, RowContext ctx) {
    if (!large && (long) data.size() + length > Integer.MAX_VALUE) {
      throw new LimitExceededException(ctx.where(path)
          + ": more than 2 GiB of data in one batch; use a smaller batchSize or a large_ type");
    }
    data.putBytes(bytes, 0, length);
    putOffset();
  }

  private void putOffset() {
    if (large) {
      offsets.putLong(data.size());
    } else {
      offsets.putInt(data.size());
    }
  }

  @Override
  protected void appendEmptyValue() {
    putOffset();
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    return new ArrayData(field, length, nullCount,
        List.of(validityBitmap, offsets.toByteBuffer(), data.toByteBuffer()), List.of(), null);
  }

  @Override
  protected void reset() {
    offsets = new BufferBuilder();
    data = new BufferBuilder();
    putOffset();
  }

  @Override
  public ArrayData snapshot() {
    return new ArrayData(field, length(), 0,
        List.of(ArrayData.emptyBuffer(), offsets.toByteBuffer(), data.toByteBuffer()), List.of(), null);
  }

  private long offsetAt(int i) {
    ByteBuffer b = offsets.toByteBuffer();
    return large ? b.getLong(i * 8) : b.getInt(i * 4);
  }

  @Override
  public FixedWidthBuilder.Key lastKey() {
    int n = length();
    int start = (int) offsetAt(n - 1);
    int end = (int) offsetAt(n);
    byte[] bytes = new byte[end - start];
    ByteBuffer all = data.toByteBuffer();
    all.position(start);
    all.get(bytes);
    return new FixedWidthBuilder.Key(bytes);
  }

  @Override
  public void removeLast() {
    int n = length();
    int start = (int) offsetAt(n - 1);
    data.resize(start);
    offsets.resize(offsets.size() - (large ? 8 : 4));
    dropLast();
  }
}
