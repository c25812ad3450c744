package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import dev.quiver.json.value.JsonKinds;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * sparse_union / dense_union. A value tagged {"type_id": id, "value": v} goes to the child with that type
 * id; any other value goes to the first child (in schema order) that writes that kind of JSON value (number,
 * string, array...) and accepts it, tried on a scratch builder; null goes to the first nullable child. Mirrors the writer, which tags exactly the values this rule would
 * send elsewhere, so rows round-trip exactly.
 */
final class UnionBuilder extends ColumnBuilder {
  private final boolean dense;
  private final int[] typeIds;
  private final List<ColumnBuilder> children;
  private final Builders[] probes;
  private final int nullChild;
  private BufferBuilder types;
  private BufferBuilder offsets;

  UnionBuilder(Field field, String path, List<ColumnBuilder> children) {
    super(field, path);
    ArrowType.Union u = (ArrowType.Union) field.type();
    this.dense = u.mode() == ArrowType.UnionMode.DENSE;
    this.children = List.copyOf(children);
    this.typeIds = new int[children.size()];
    for (int c = 0; c < typeIds.length; c++) {
      typeIds[c] = u.typeIds().isEmpty() ? c : u.typeIds().get(c);
    }
    this.probes = new Builders[children.size()];
    this.nullChild = JsonKinds.firstNullChild(field);
    reset();
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    if (value instanceof JsonValue.Obj o && o.members().size() == 2 && o.members().containsKey("type_id")
        && o.members().containsKey("value")) {
      appendTo(childOf(o.members().get("type_id"), ctx), o.members().get("value"), ctx);
      return;
    }
    JsonKinds.Kind kind = kind(value);
    StringBuilder tried = new StringBuilder();
    for (int c = 0; c < typeIds.length; c++) {
      if (!JsonKinds.writes(field.child(c), kind)) {
        continue;
      }
      String problem = probe(c, value, ctx);
      if (problem == null) {
        appendTo(c, value, ctx);
        return;
      }
      tried.append(tried.length() == 0 ? "" : "; ").append(field.child(c).name()).append(": ").append(problem);
    }
    throw ctx.error(path, "no member of the union accepts " + value.describe()
        + (tried.length() == 0 ? " (no member is written as that kind of JSON value)" : " (" + tried + ")")
        + "; tag the value as {\"type_id\": id, \"value\": v}");
  }

  private static JsonKinds.Kind kind(JsonValue v) {
    if (v instanceof JsonValue.Bool) {
      return JsonKinds.Kind.BOOL;
    } else if (v instanceof JsonValue.Num) {
      return JsonKinds.Kind.NUMBER;
    } else if (v instanceof JsonValue.Str) {
      return JsonKinds.Kind.STRING;
    } else if (v instanceof JsonValue.Arr) {
      return JsonKinds.Kind.ARRAY;
    } else if (v instanceof JsonValue.Obj) {
      return JsonKinds.Kind.OBJECT;
    }
    return JsonKinds.Kind.NULL;
  }

  private int childOf(JsonValue id, RowContext ctx) {
    if (id instanceof JsonValue.Num n && n.integral() && n.text().length() < 5) {
      int k = Integer.parseInt(n.text());
      for (int c = 0; c < typeIds.length; c++) {
        if (typeIds[c] == k) {
          return c;
        }
      }
    }
    throw ctx.error(path, "\"type_id\" " + id.describe() + " is not one of the union's type ids "
        + java.util.Arrays.toString(typeIds));
  }

  /** Null when child c accepts the value, else why not. */
  private String probe(int c, JsonValue value, RowContext ctx) {
    if (probes[c] == null) {
      Field f = field.child(c);
      probes[c] = new Builders(new Schema(List.of(f.withName("v"))));
    }
    LinkedHashMap<String, JsonValue> row = new LinkedHashMap<>();
    row.put("v", value);
    try {
      probes[c].appendRow(new JsonValue.Obj(row), new RowContext());
      return null;
    } catch (JsonInputException e) {
      String m = e.getMessage();
      int colon = m.indexOf("\": ");
      return colon >= 0 ? m.substring(colon + 3) : m;
    } finally {
      probes[c].finishBatch();
    }
  }

  private void appendTo(int c, JsonValue value, RowContext ctx) {
    types.putByte(typeIds[c]);
    if (dense) {
      offsets.putInt(children.get(c).length());
      children.get(c).append(value, ctx);
    } else {
      for (int k = 0; k < children.size(); k++) {
        if (k == c) {
          children.get(k).append(value, ctx);
        } else {
          children.get(k).appendHidden();
        }
      }
    }
    markValid();
  }

  @Override
  protected boolean nullsLiveInChildren() {
    return nullChild >= 0;
  }

  /** A null union slot: a null in the first child that takes nulls (else a hidden slot of child 0). */
  @Override
  protected void appendEmptyValue() {
    int c = Math.max(nullChild, 0);
    types.putByte(typeIds.length == 0 ? 0 : typeIds[c]);
    if (typeIds.length == 0) {
      return;
    }
    if (dense) {
      offsets.putInt(children.get(c).length());
      children.get(c).appendHidden();
    } else {
      children.forEach(ColumnBuilder::appendHidden);
    }
  }

  @Override
  protected ArrayData build(ByteBuffer validityBitmap, int length, int nullCount) {
    List<ArrayData> done = new ArrayList<>(children.size());
    for (ColumnBuilder c : children) {
      done.add(c.finish());
    }
    List<ByteBuffer> buffers = dense
        ? List.of(types.toByteBuffer(), offsets.toByteBuffer()) : List.of(types.toByteBuffer());
    return new ArrayData(field, length, 0, buffers, done, null);
  }

  @Override
  protected void reset() {
    types = new BufferBuilder();
    offsets = new BufferBuilder();
  }
}
