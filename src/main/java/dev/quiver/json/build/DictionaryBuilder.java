package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary-encoded field: values are deduplicated into a dictionary (first-seen order) that grows across
 * batches; a batch that adds no value reuses the previous dictionary object, otherwise a new dictionary
 * starts with all previous entries (so writers can send a delta).
 */
final class DictionaryBuilder extends ColumnBuilder {
  private final DictionaryValues values;
  private final ArrowType.Int indexType;
  private final long maxEntries;
  private final Map<FixedWidthBuilder.Key, Integer> index = new HashMap<>();
  private BufferBuilder indices = new BufferBuilder();
  private ArrayData lastDictionary;

  DictionaryBuilder(Field field, String path, DictionaryValues values) {
    super(field, path);
    this.values = values;
    this.indexType = field.dictionary().indexType();
    int usable = indexType.signed() ? indexType.bitWidth() - 1 : indexType.bitWidth();
    this.maxEntries = usable >= 31 ? Integer.MAX_VALUE : 1L << usable;
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    values.append(value, ctx);
    FixedWidthBuilder.Key key = values.lastKey();
    Integer i = index.get(key);
    if (i != null) {
      values.removeLast();
    } else {
      if (index.size() >= maxEntries) {
        values.removeLast();
        throw ctx.error(path, "more than " + maxEntries + " distinct values for dictionary indices of type "
            + dev.quiver.json.TypeStrings.formatType(indexType) + "; use a wider index type");
      }
      i = index.size();
      index.put(key, i);
    }
    putIndex(i);
    markValid();
  }

  private void putIndex(int i) {
    switch (indexType.bitWidth()) {
      case 8:
        indices.putByte(i);
        break;
      case 16:
        indices.putShort(i);
        break;
      case 32:
        indices.putInt(i);
        break;
      default:
        indices.putLong(i);
    }
  }

  @Override
  protected void appendEmptyValue() {
    putIndex(0);
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    if (lastDictionary == null || lastDictionary.length() != values.length()) {
      lastDictionary = values.snapshot();
    }
    return new ArrayData(field, length, nullCount, List.of(validityBitmap, indices.toByteBuffer()), List.of(),
        lastDictionary);
  }

  @Override
  protected void reset() {
    indices = new BufferBuilder();
  }
}
