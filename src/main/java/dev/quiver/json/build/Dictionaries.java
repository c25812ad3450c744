package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionaries being collected, one per dictionary id (fields that share an id share the dictionary, as
 * in an Arrow stream). A dictionary grows in first-seen order; {@link Dict#current()} returns the same
 * object while nothing was added, else a new one whose first entries are the previous ones.
 */
final class Dictionaries {
  /** One dictionary's state. */
  interface Dict {
    /** The index of the value, adding it if new (a value that does not fit the type throws). */
    int indexOf(JsonValue value, RowContext ctx, String path);

    ArrayData current();
  }

  private final Map<Long, Dict> byId = new HashMap<>();
  private final Map<Long, Field> fieldById = new HashMap<>();

  Dict forField(Field field, String path, Builders factory) {
    long id = field.dictionary().id();
    Field valueField = field.valueField();
    Field known = fieldById.get(id);
    if (known != null) {
      if (!known.type().equals(valueField.type()) || !sameChildren(known, valueField)) {
        throw new JsonInputException("field \"" + path + "\": dictionary id " + id
            + " is shared with a field of another value type");
      }
      return byId.get(id);
    }
    ColumnBuilder values = factory.createValues(valueField, path);
    Dict dict = values instanceof DictionaryValues
        ? new Flat((DictionaryValues) values)
        : new Nested(valueField, path, values, factory);
    fieldById.put(id, valueField);
    byId.put(id, dict);
    return dict;
  }

  private static boolean sameChildren(Field a, Field b) {
    if (a.children().size() != b.children().size()) {
      return false;
    }
    for (int i = 0; i < a.children().size(); i++) {
      if (!a.child(i).type().equals(b.child(i).type())) {
        return false;
      }
    }
    return true;
  }

  /** Values of a flat type, deduplicated by their bytes. */
  private static final class Flat implements Dict {
    private final DictionaryValues values;
    private final Map<FixedWidthBuilder.Key, Integer> index = new HashMap<>();
    private ArrayData last;

    Flat(DictionaryValues values) {
      this.values = values;
    }

    @Override
    public int indexOf(JsonValue value, RowContext ctx, String path) {
      values.append(value, ctx);
      FixedWidthBuilder.Key key = values.lastKey();
      Integer i = index.get(key);
      if (i != null) {
        values.removeLast();
        return i;
      }
      i = index.size();
      index.put(key, i);
      return i;
    }

    @Override
    public ArrayData current() {
      if (last == null || last.length() != values.length()) {
        last = values.snapshot();
      }
      return last;
    }
  }

  /** Values of a nested type, deduplicated by their JSON value; rebuilt when values were added. */
  private static final class Nested implements Dict {
    private final Field valueField;
    private final String path;
    private final ColumnBuilder validator;
    private final Builders factory;
    private final Map<JsonValue, Integer> index = new HashMap<>();
    private final List<JsonValue> distinct = new ArrayList<>();
    private ArrayData last;

    Nested(Field valueField, String path, ColumnBuilder validator, Builders factory) {
      this.valueField = valueField;
      this.path = path;
      this.validator = validator;
      this.factory = factory;
    }

    @Override
    public int indexOf(JsonValue value, RowContext ctx, String path) {
      Integer i = index.get(value);
      if (i == null) {
        validator.append(value, ctx); // rejects a value that does not fit the type, now
        if (validator.length() >= 4096) {
          validator.finish();
        }
        i = distinct.size();
        distinct.add(value);
        index.put(value, i);
      }
      return i;
    }

    @Override
    public ArrayData current() {
      if (last == null || last.length() != distinct.size()) {
        ColumnBuilder values = factory.createValues(valueField, path);
        RowContext ctx = new RowContext();
        for (JsonValue v : distinct) {
          values.append(v, ctx);
        }
        last = values.finish();
      }
      return last;
    }
  }

  static long maxEntries(ArrowType.Int indexType) {
    int usable = indexType.signed() ? indexType.bitWidth() - 1 : indexType.bitWidth();
    return usable >= 31 ? Integer.MAX_VALUE : 1L << usable;
  }
}
