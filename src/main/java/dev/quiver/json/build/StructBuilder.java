package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** struct (and a row: the top-level fields): validity + one child per field; missing keys are null. */
final class StructBuilder extends ColumnBuilder {
  private final List<ColumnBuilder> children;
  private final String[] names;
  private final Set<String> nameSet = new HashSet<>();

  StructBuilder(Field field, String path, List<ColumnBuilder> children) {
    super(field, path);
    this.children = List.copyOf(children);
    this.names = new String[children.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = children.get(i).field().name();
      nameSet.add(names[i]);
    }
  }

  ColumnBuilder child(int i) {
    return children.get(i);
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    if (!(value instanceof JsonValue.Obj)) {
      throw mismatch(ctx, "an object", value);
    }
    Map<String, JsonValue> members = ((JsonValue.Obj) value).members();
    int found = 0;
    for (int i = 0; i < names.length; i++) {
      JsonValue v = members.get(names[i]);
      if (v != null) {
        found++;
      }
      children.get(i).append(v, ctx);
    }
    if (found < members.size()) {
      for (String key : members.keySet()) {
        if (!nameSet.contains(key)) {
          throw unknownKey(key, ctx);
        }
      }
    }
    markValid();
  }

  /** The error for a key that is not one of this struct's fields. */
  RuntimeException unknownKey(String key, RowContext ctx) {
    String where = path.isEmpty() ? "the row" : "field \"" + path + "\"";
    return ctx.error(null, "unknown key \"" + key + "\" in " + where + " (the schema has " + describeNames() + ")");
  }

  private String describeNames() {
    if (names.length == 0) {
      return "no fields";
    }
    StringBuilder sb = new StringBuilder("fields ");
    for (int i = 0; i < names.length && i < 20; i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(names[i]).append('"');
    }
    return names.length > 20 ? sb.append(", ...").toString() : sb.toString();
  }

  /** Marks an entry whose children were appended directly (map entries from a JSON object). */
  void markEntryValid() {
    markValid();
  }

  @Override
  protected void appendEmptyValue() {
    for (ColumnBuilder c : children) {
      c.appendHidden();
    }
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    return new ArrayData(field, length, nullCount, List.of(validityBitmap), finishChildren(), null);
  }

  /** Finishes every child (for the top level: the batch's columns). */
  List<ArrayData> finishChildren() {
    List<ArrayData> out = new ArrayList<>(children.size());
    for (ColumnBuilder c : children) {
      out.add(c.finish());
    }
    return out;
  }

  @Override
  protected void reset() {}
}
