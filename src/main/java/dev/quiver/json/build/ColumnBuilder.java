package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;

/**
 * Appends JSON values of one field to columnar buffers and hands them out as an {@link ArrayData} per batch.
 * Subclasses append the value's bytes and then call {@link #markValid()}; nulls are handled here.
 */
public abstract class ColumnBuilder {
  protected final Field field;
  protected final String path;
  private BufferBuilder validity = new BufferBuilder();
  private int length;
  private int nullCount;

  protected ColumnBuilder(Field field, String path) {
    this.field = field;
    this.path = path;
  }

  public Field field() {
    return field;
  }

  public int length() {
    return length;
  }

  /** Appends a value (JSON null or absent = null). */
  public final void append(JsonValue value, RowContext ctx) {
    if (value == null || value instanceof JsonValue.Null) {
      appendNull(ctx);
    } else {
      appendValue(value, ctx);
    }
  }

  /** Appends a null, an error for a non-nullable field. */
  public final void appendNull(RowContext ctx) {
    if (!field.nullable() && !(field.type() instanceof ArrowType.Null) && !nullsLiveInChildren()) {
      throw ctx.error(path, "null (or a missing key) in a non-nullable field");
    }
    appendNullSlot();
  }

  /**
   * True for layouts without a validity bitmap whose nulls are a child's (unions, run-end encoded): a null
   * is accepted whatever the field's own nullability when a child can hold it.
   */
  protected boolean nullsLiveInChildren() {
    return false;
  }

  /** Appends a slot hidden by a null parent: null if allowed, else an empty valid value. */
  public final void appendHidden() {
    if (field.nullable() || field.type() instanceof ArrowType.Null) {
      appendNullSlot();
    } else {
      appendEmptyValue();
      markValid();
    }
  }

  private void appendNullSlot() {
    appendEmptyValue();
    validity.resize(Bits.bytesFor(length + 1L));
    nullCount++;
    length++;
  }

  /** Appends a non-null value; calls {@link #markValid()} when done. */
  protected abstract void appendValue(JsonValue value, RowContext ctx);

  /** Appends the placeholder bytes of a null (or hidden) slot, without touching validity. */
  protected abstract void appendEmptyValue();

  protected final void markValid() {
    validity.setBit(length);
    length++;
  }

  /** Forgets the last slot (used by dictionaries after appending a value that already exists). */
  protected void dropLast() {
    length--;
  }

  /** The array of the rows appended since the last call, then starts over. */
  public ArrayData finish() {
    ByteBuffer bitmap;
    if (nullCount == 0) {
      bitmap = ArrayData.emptyBuffer();
    } else {
      validity.resize(Bits.bytesFor(length));
      bitmap = validity.toByteBuffer();
    }
    ArrayData data = build(bitmap, length, nullCount);
    validity = new BufferBuilder();
    length = 0;
    nullCount = 0;
    reset();
    return data;
  }

  /** Builds the array from this batch's buffers (validity given); children are finished here too. */
  protected abstract ArrayData build(ByteBuffer validityBitmap, int length, int nullCount);

  /** Starts new value buffers for the next batch (the old ones now belong to the finished array). */
  protected abstract void reset();

  /**
   * The bytes of a string value: its UTF-8 encoding ({@code utf8}), or the bytes its base64 text decodes to
   * (binary types).
   */
  protected final byte[] stringOrBase64Bytes(JsonValue value, RowContext ctx, boolean utf8) {
    if (!(value instanceof JsonValue.Str)) {
      throw mismatch(ctx, utf8 ? "a string" : "a base64 string", value);
    }
    String s = ((JsonValue.Str) value).value();
    if (utf8) {
      return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    try {
      return Scalars.base64(s);
    } catch (IllegalArgumentException e) {
      throw ctx.error(path, e.getMessage());
    }
  }

  protected final RuntimeException mismatch(RowContext ctx, String expected, JsonValue found) {
    return ctx.error(path, "expected " + expected + " for " + typeName() + ", found " + found.describe());
  }

  protected String typeName() {
    return dev.quiver.json.TypeStrings.format(field.valueField());
  }
}
