package dev.quiver.json.build;

import dev.quiver.columnar.Field;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import java.util.Map;

/**
 * map: a list of non-null (key, value) entry structs (whatever the entry fields are named). Accepts an array of {"key": k, "value": v} objects,
 * or, when the key type is a string, a JSON object.
 */
final class MapBuilder extends ListBuilder {
  private final StructBuilder entries;
  private final boolean stringKeys;

  MapBuilder(Field field, String path, StructBuilder entries) {
    super(field, path, false, entries);
    this.entries = entries;
    this.stringKeys = entries.child(0) instanceof VarBinaryBuilder
        && ((VarBinaryBuilder) entries.child(0)).isUtf8();
  }

  @Override
  protected void appendValue(JsonValue value, RowContext ctx) {
    if (value instanceof JsonValue.Obj && stringKeys) {
      for (Map.Entry<String, JsonValue> e : ((JsonValue.Obj) value).members().entrySet()) {
        ((VarBinaryBuilder) entries.child(0)).appendString(e.getKey(), ctx);
        entries.child(1).append(e.getValue(), ctx);
        entries.markEntryValid();
      }
      endValue();
      return;
    }
    if (!(value instanceof JsonValue.Arr)) {
      throw mismatch(ctx, stringKeys ? "an object or an array of {\"key\": k, \"value\": v} objects"
          : "an array of {\"key\": k, \"value\": v} objects", value);
    }
    for (JsonValue item : ((JsonValue.Arr) value).items()) {
      if (!(item instanceof JsonValue.Obj)) {
        throw ctx.error(path, "expected map entries {\"key\": k, \"value\": v}, found " + item.describe());
      }
      Map<String, JsonValue> members = ((JsonValue.Obj) item).members();
      for (String k : members.keySet()) {
        if (!k.equals("key") && !k.equals("value")) {
          throw ctx.error(path, "unknown key \"" + k + "\" in a map entry (expected \"key\" and \"value\")");
        }
      }
      entries.child(0).append(members.get("key"), ctx);
      entries.child(1).append(members.get("value"), ctx);
      entries.markEntryValid();
    }
    endValue();
  }
}
