package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.json.JsonInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attaches dictionaries to dictionary-encoded arrays (also inside dictionaries: nested dictionaries), after
 * checking every valid index against the dictionary's length. Each id resolves to one {@link ArrayData}
 * object, shared by every batch (the dictionary is unchanged across the document).
 */
final class DictionaryResolver {
  private final Map<Long, ArrayData> raw;
  private final Map<Long, ArrayData> resolved = new HashMap<>();
  private final Set<Long> resolving = new HashSet<>();

  DictionaryResolver(Map<Long, ArrayData> raw) {
    this.raw = raw;
  }

  /** {@code array} with dictionaries attached to it and its descendants; {@code where} names the batch. */
  ArrayData attach(ArrayData array, String where, String path) {
    Field f = array.field();
    if (f.isDictionaryEncoded()) {
      ArrayData dictionary = dictionary(f.dictionary().id(), where, path);
      checkIndices(array, dictionary.length(), where, path);
      return array.withDictionary(dictionary);
    }
    if (array.children().isEmpty()) {
      return array;
    }
    List<ArrayData> children = new ArrayList<>(array.children().size());
    boolean changed = false;
    for (int i = 0; i < array.children().size(); i++) {
      ArrayData c = array.child(i);
      ArrayData attached = attach(c, where, path + "." + f.child(i).name());
      changed |= attached != c;
      children.add(attached);
    }
    return changed
        ? new ArrayData(f, array.length(), array.nullCount(), array.buffers(), children, array.dictionary())
        : array;
  }

  private ArrayData dictionary(long id, String where, String path) {
    ArrayData done = resolved.get(id);
    if (done != null) {
      return done;
    }
    ArrayData values = raw.get(id);
    if (values == null) {
      throw new JsonInputException(where + ", field \"" + path + "\": dictionary id " + id
          + " is not in \"dictionaries\"");
    }
    if (!resolving.add(id)) {
      throw new JsonInputException("dictionary " + id + " refers to itself through its values");
    }
    ArrayData attached = attach(values, "dictionary " + id, path);
    resolving.remove(id);
    resolved.put(id, attached);
    return attached;
  }

  private static void checkIndices(ArrayData a, int size, String where, String path) {
    ArrowType.Int t = a.field().dictionary().indexType();
    ByteBuffer b = a.buffer(1);
    int w = t.bitWidth() / 8;
    for (int i = 0; i < a.length(); i++) {
      if (!a.isValid(i)) {
        continue;
      }
      long k = switch (w) {
        case 1 -> t.signed() ? b.get(i) : b.get(i) & 0xFFL;
        case 2 -> t.signed() ? b.getShort(2 * i) : b.getShort(2 * i) & 0xFFFFL;
        case 4 -> t.signed() ? b.getInt(4 * i) : b.getInt(4 * i) & 0xFFFFFFFFL;
        default -> b.getLong(8 * i);
      };
      if (k < 0 || k >= size) {
        throw new JsonInputException(where + ", field \"" + path + "\", row " + i + ": dictionary index "
            + (w == 8 && !t.signed() ? Long.toUnsignedString(k) : Long.toString(k)) + " is outside the "
            + size + " values of dictionary " + a.field().dictionary().id());
      }
    }
  }
}
