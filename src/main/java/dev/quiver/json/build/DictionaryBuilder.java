package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A dictionary-encoded field: validity + indices into a dictionary (see {@link Dictionaries}) that grows
 * across batches; a batch that adds no value reuses the previous dictionary object, otherwise the new
 * dictionary starts with all previous entries (so writers can send a delta).
 */
final class DictionaryBuilder extends ColumnBuilder {
  private final Dictionaries.Dict dictionary;
  private final ArrowType.Int indexType;
  private final long maxEntries;
  private BufferBuilder indices = new BufferBuilder();

  DictionaryBuilder(Field field, String path, Dictionaries.Dict dictionary) {
    super(field, path);
    this.dictionary = dictionary;
    this.indexType = field.dictionary().indexType();
    this.maxEntries = Dictionaries.maxEntries(indexType);
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    int i = dictionary.indexOf(value, ctx, path);
    if (i >= maxEntries) {
      throw ctx.error(path, "more than " + maxEntries + " distinct values for dictionary indices of type "
          + dev.quiver.json.TypeStrings.formatType(indexType) + "; use a wider index type");
    }
    putIndex(indices, indexType, i);
    markValid();
  }

  static void putIndex(BufferBuilder out, ArrowType.Int indexType, int i) {
    switch (indexType.bitWidth()) {
      case 8:
        out.putByte(i);
        break;
      case 16:
        out.putShort(i);
        break;
      case 32:
        out.putInt(i);
        break;
      default:
        out.putLong(i);
    }
  }

  @Override
  protected void appendEmptyValue() {
    putIndex(indices, indexType, 0);
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    return new ArrayData(field, length, nullCount, List.of(validityBitmap, indices.toByteBuffer()), List.of(),
        dictionary.current());
  }

  @Override
  protected void reset() {
    indices = new BufferBuilder();
  }
}
