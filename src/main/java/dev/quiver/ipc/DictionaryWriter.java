package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which DictionaryBatch messages must precede a record batch, remembering per dictionary id the
 * dictionary the reader has. Per id, in schema depth-first order with dictionaries nested in a dictionary's
 * values first:
 *
 * <ul>
 *   <li>first time: the whole dictionary (non-delta);
 *   <li>the same object as before: nothing;
 *   <li>a dictionary whose first entries equal (logically) the previous one: a delta with only the new
 *       entries (nothing when there are none);
 *   <li>anything else: a replacement (non-delta) in a stream; in a file an
 *       {@link IllegalArgumentException} naming the column, since files forbid replacement.
 * </ul>
 *
 * An outer dictionary whose nested dictionary was replaced in the same batch is replaced too (its old
 * entries would otherwise decode through the new inner dictionary).
 */
final class DictionaryWriter {
  /** One DictionaryBatch to write: the values (the delta's new entries only, when {@code delta}). */
  record Pending(long id, Field valueField, ArrayData values, boolean delta, WritePath path) {}

  /** The messages a batch needs and the reader-side state after them. */
  static final class Plan {
    final List<Pending> messages = new ArrayList<>();
    private final Map<Long, ArrayData> updates = new HashMap<>();
    private final Map<Long, ArrayData> seen = new HashMap<>();
    private final Map<Long, WritePath> seenPaths = new HashMap<>();
    private final Set<Long> replaced = new HashSet<>();
  }

  private final boolean file;
  private final Map<Long, ArrayData> written = new LinkedHashMap<>();

  DictionaryWriter(boolean file) {
    this.file = file;
  }

  /** Plans the dictionary messages for {@code batch}; throws before anything is decided on bad input. */
  Plan plan(Schema schema, RecordBatch batch) {
    Plan plan = new Plan();
    for (int i = 0; i < schema.size(); i++) {
      Field field = schema.field(i);
      visit(plan, field, batch.column(i), WritePath.of(field.name()));
    }
    return plan;
  }

  /** Records that the planned messages were written. */
  void commit(Plan plan) {
    written.putAll(plan.updates);
  }

  private void visit(Plan plan, Field field, ArrayData array, WritePath path) {
    if (field.isDictionaryEncoded()) {
      ArrayData dictionary = array.dictionary();
      Field valueField = field.valueField();
      if (dictionary != null) {
        visitChildren(plan, valueField, dictionary, path);
      }
      handle(plan, field, valueField, dictionary, path);
    } else {
      visitChildren(plan, field, array, path);
    }
  }

  private void visitChildren(Plan plan, Field field, ArrayData array, WritePath path) {
    if (field.children().isEmpty()) {
      return;
    }
    if (array.children().size() != field.children().size()) {
      throw new IllegalArgumentException("column " + path + ": " + array.children().size()
          + " child arrays != " + field.children().size() + " schema children");
    }
    for (int i = 0; i < field.children().size(); i++) {
      Field child = field.child(i);
      visit(plan, child, array.child(i), path.child(child.name()));
    }
  }

  private void handle(Plan plan, Field field, Field valueField, ArrayData dictionary, WritePath path) {
    long id = field.dictionary().id();
    ArrayData previous = plan.updates.containsKey(id) ? plan.updates.get(id) : written.get(id);
    if (dictionary == null) {
      if (previous != null) {
        return;
      }
      dictionary = EmptyArrays.of(valueField);
    }
    ArrayData seen = plan.seen.get(id);
    if (seen != null) {
      if (seen == dictionary || (seen.length() == dictionary.length()
          && ArrayEquality.rangeEquals(seen, dictionary, seen.length()))) {
        return;
      }
      throw new IllegalArgumentException("column " + path + ": dictionary id " + id
          + " differs from the one column " + plan.seenPaths.get(id) + " carries in the same batch");
    }
    plan.seen.put(id, dictionary);
    plan.seenPaths.put(id, path);
    boolean innerReplaced = !plan.replaced.isEmpty()
        && nestedIds(valueField).stream().anyMatch(plan.replaced::contains);
    if (previous == null) {
      plan.messages.add(new Pending(id, valueField, dictionary, false, path));
    } else if (previous == dictionary && !innerReplaced) {
      return;
    } else if (!innerReplaced && dictionary.length() >= previous.length()
        && ArrayEquality.rangeEquals(previous, dictionary, previous.length())) {
      int added = dictionary.length() - previous.length();
      if (added > 0) {
        ArrayData delta = ArraySlicer.slice(dictionary, previous.length(), added);
        plan.messages.add(new Pending(id, valueField, delta, true, path));
      }
    } else {
      if (file) {
        throw new IllegalArgumentException("column " + path + ": dictionary id " + id
            + " changed and is not an extension of the dictionary written before;"
            + " the IPC file format forbids dictionary replacement");
      }
      plan.messages.add(new Pending(id, valueField, dictionary, false, path));
      plan.replaced.add(id);
    }
    plan.updates.put(id, dictionary);
  }

  /** Ids of the dictionary-encoded fields below a field (its children, recursively, values included). */
  private static Set<Long> nestedIds(Field field) {
    Set<Long> ids = new HashSet<>();
    for (Field child : field.children()) {
      if (child.isDictionaryEncoded()) {
        ids.add(child.dictionary().id());
      }
      ids.addAll(nestedIds(child));
    }
    return ids;
  }
}
