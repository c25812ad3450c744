package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionaries of one stream or file: the value field of each id declared by the schema (nested
 * dictionary-encoded fields included), the values currently in force, and how dictionary batches change
 * them (first definition, delta append, replacement in streams only).
 */
final class Dictionaries implements RecordBatchDecoder.DictionaryLookup {
  private final Map<Long, Field> valueFields = new LinkedHashMap<>();
  private final Map<Long, ArrayData> values = new HashMap<>();

  Dictionaries(Schema schema, String where) {
    for (Field f : schema.fields()) {
      collect(f, where);
    }
  }

  private void collect(Field f, String where) {
    if (f.isDictionaryEncoded()) {
      Field valueField = f.valueField();
      Field known = valueFields.putIfAbsent(f.dictionary().id(), valueField);
      if (known != null && !sameType(known, valueField)) {
        throw new ArrowFormatException(where + ": dictionary id " + f.dictionary().id()
            + " is used by fields of different value types (" + known.type() + ", " + valueField.type() + ")");
      }
    }
    for (Field child : f.children()) {
      collect(child, where);
    }
  }

  private static boolean sameType(Field a, Field b) {
    if (!a.type().equals(b.type()) || a.children().size() != b.children().size()
        || a.isDictionaryEncoded() != b.isDictionaryEncoded()) {
      return false;
    }
    for (int i = 0; i < a.children().size(); i++) {
      if (!sameType(a.child(i), b.child(i))) {
        return false;
      }
    }
    return true;
  }

  int size() {
    return valueFields.size();
  }

  /** The value field of dictionary {@code id}; an id the schema does not declare is a format error. */
  Field valueField(long id, String where) {
    Field f = valueFields.get(id);
    if (f == null) {
      throw new ArrowFormatException(where + ": dictionary batch for id " + id
          + ", which no field of the schema declares");
    }
    return f;
  }

  boolean isDefined(long id) {
    return values.containsKey(id);
  }

  /**
   * The values in force for the field's dictionary id. Fields sharing an id get the same object (its field
   * is the value field of the first such field in the schema), so "unchanged" stays "same object".
   */
  @Override
  public ArrayData find(Field field) {
    return values.get(field.dictionary().id());
  }

  /**
   * Applies a decoded and validated dictionary batch.
   *
   * @param allowReplacement true in streams; in files a second non-delta batch for an id is an error
   */
  void apply(long id, ArrayData batch, boolean delta, boolean allowReplacement, String where) {
    ArrayData existing = values.get(id);
    if (delta) {
      if (existing == null) {
        throw new ArrowFormatException(where + ": delta dictionary batch for id " + id
            + " before its first definition");
      }
      ArrayData combined;
      try {
        combined = ArrayConcat.concat(existing, batch, where);
      } catch (ArithmeticException | IllegalArgumentException e) {
        throw new ArrowFormatException(where + ": delta for dictionary id " + id + " cannot be appended: " + e);
      }
      if (hasNestedDictionary(combined.field())) {
        // the old entries were validated against the inner dictionaries of their time, which a
        // replacement may have shortened since: the appended whole refers to the current ones
        ArrayValidator.validate(combined, where, "dictionary values after the delta");
      }
      put(id, combined);
    } else {
      if (existing != null && !allowReplacement) {
        throw new ArrowFormatException(where + ": dictionary id " + id
            + " is replaced, which the file format does not allow (only deltas)");
      }
      put(id, batch);
    }
  }

  private static boolean hasNestedDictionary(Field f) {
    if (f.isDictionaryEncoded()) {
      return true;
    }
    for (Field child : f.children()) {
      if (hasNestedDictionary(child)) {
        return true;
      }
    }
    return false;
  }

  private void put(long id, ArrayData data) {
    values.put(id, data);
  }

  /** An id declared by the schema and never defined: used to name the missing one in messages. */
  List<Long> undefined() {
    return valueFields.keySet().stream().filter(id -> !values.containsKey(id)).toList();
  }
}
