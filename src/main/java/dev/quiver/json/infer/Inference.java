package dev.quiver.json.infer;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.Schema;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.SchemaJson;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonToken;

/**
 * Infers a schema from sample rows: integers int64, other numbers float64 (an int and float mix is
 * float64), strings utf8, booleans bool, arrays list&lt;item: T&gt;, objects struct (union of keys in
 * first-seen order), all-null null; every field nullable. A conflict is a {@link JsonInputException} naming
 * the row and field and suggesting an explicit schema.
 */
public final class Inference {
  private enum Kind { NULL, BOOL, INT, FLOAT, STRING, LIST, STRUCT }

  private static final class Shape {
    Kind kind = Kind.NULL;
    Shape item;
    LinkedHashMap<String, Shape> fields;
  }

  private final Shape root = new Shape();
  private final int maxFields;
  private int fieldCount;

  public Inference(int maxFields) {
    this.maxFields = maxFields;
    root.kind = Kind.STRUCT;
    root.fields = new LinkedHashMap<>();
  }

  private long rowIndex;
  private int rowLine;
  private Shape[] columns = new Shape[0];
  private RuntimeException rowError;

  /** Adds one sample row. */
  public void add(RowSource.Row row) {
    rowIndex = row.index();
    rowLine = row.line();
    merge(root, row.value(), "");
  }

  /**
   * Starts a sample row given member by member ({@link #member}, {@link #scalar}), as {@link #add} would
   * see it. The top-level fields known now are the columns that {@link #scalar} refers to by index.
   */
  public void beginRow(long index, int line) {
    rowIndex = index;
    rowLine = line;
    rowError = null;
    if (columns.length != root.fields.size()) {
      columns = root.fields.values().toArray(new Shape[0]);
    }
  }

  /** Merges a top-level member of the row begun (an error is kept for {@link #rowError()}). */
  public void member(String key, JsonValue value) {
    if (rowError != null) {
      return;
    }
    try {
      mergeMember(root, key, value, "");
    } catch (JsonInputException | LimitExceededException e) {
      rowError = e;
    }
  }

  /**
   * Merges a scalar top-level value (t a null, boolean, number or string token) of the field that was column
   * {@code column} when the row began, named {@code key}.
   */
  public void scalar(int column, String key, JsonToken t) {
    if (rowError != null) {
      return;
    }
    Kind kind = switch (t) {
      case VALUE_TRUE, VALUE_FALSE -> Kind.BOOL;
      case VALUE_NUMBER_INT -> Kind.INT;
      case VALUE_NUMBER_FLOAT -> Kind.FLOAT;
      case VALUE_STRING -> Kind.STRING;
      default -> Kind.NULL;
    };
    Shape shape = columns[column];
    if (shape.kind != kind) {
      try {
        mergeKind(shape, kind, key);
      } catch (JsonInputException e) {
        rowError = e;
      }
    }
  }

  /**
   * The first error merging the members of the row begun (what {@link #add} would have thrown for the
   * whole row), or null.
   */
  public RuntimeException rowError() {
    return rowError;
  }

  /** The schema inferred from the rows added so far. */
  public Schema schema() {
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, Shape> e : root.fields.entrySet()) {
      fields.add(field(e.getKey(), e.getValue()));
    }
    return new Schema(fields);
  }

  /** Merges a value's kind into the shape; false when nothing more is to be merged (null, int/float). */
  private boolean mergeKind(Shape shape, Kind kind, String path) {
    if (kind == Kind.NULL) {
      return false;
    }
    if (shape.kind == Kind.NULL) {
      shape.kind = kind;
    } else if (shape.kind != kind) {
      if ((shape.kind == Kind.INT && kind == Kind.FLOAT) || (shape.kind == Kind.FLOAT && kind == Kind.INT)) {
        shape.kind = Kind.FLOAT;
        return false;
      }
      throw conflict(path, shape.kind, kind);
    }
    return true;
  }

  private void merge(Shape shape, JsonValue v, String path) {
    Kind kind = kindOf(v);
    if (!mergeKind(shape, kind, path)) {
      return;
    }
    if (kind == Kind.LIST) {
      if (shape.item == null) {
        shape.item = new Shape();
      }
      for (JsonValue item : ((JsonValue.Arr) v).items()) {
        merge(shape.item, item, path + "[]");
      }
    } else if (kind == Kind.STRUCT) {
      if (shape.fields == null) {
        shape.fields = new LinkedHashMap<>();
      }
      for (Map.Entry<String, JsonValue> e : ((JsonValue.Obj) v).members().entrySet()) {
        mergeMember(shape, e.getKey(), e.getValue(), path);
      }
    }
  }

  private void mergeMember(Shape shape, String key, JsonValue value, String path) {
    Shape child = shape.fields.get(key);
    if (child == null) {
      if (++fieldCount > maxFields) {
        throw new LimitExceededException("row " + rowIndex + ": the inferred schema has more than "
            + maxFields + " fields");
      }
      child = new Shape();
      shape.fields.put(key, child);
    }
    merge(child, value, path.isEmpty() ? key : path + "." + key);
  }

  private static Kind kindOf(JsonValue v) {
    if (v instanceof JsonValue.Bool) {
      return Kind.BOOL;
    } else if (v instanceof JsonValue.Num) {
      return ((JsonValue.Num) v).integral() ? Kind.INT : Kind.FLOAT;
    } else if (v instanceof JsonValue.Str) {
      return Kind.STRING;
    } else if (v instanceof JsonValue.Arr) {
      return Kind.LIST;
    } else if (v instanceof JsonValue.Obj) {
      return Kind.STRUCT;
    }
    return Kind.NULL;
  }

  private JsonInputException conflict(String path, Kind before, Kind now) {
    String suggestion = SchemaJson.toJson(schema());
    if (suggestion.length() > 600) {
      suggestion = suggestion.substring(0, 597) + "...";
    }
    return new JsonInputException("row " + rowIndex + " (line " + rowLine + "), field \"" + path
        + "\": found " + describe(now) + " but earlier rows have " + describe(before)
        + "; the schema cannot be inferred. Make the values consistent or send an explicit schema,"
        + " e.g. {\"schema\": " + suggestion + ", \"rows\": [...]} with the type of \"" + path + "\" you want");
  }

  private static String describe(Kind k) {
    switch (k) {
      case BOOL:
        return "a boolean (bool)";
      case INT:
        return "an integer (int64)";
      case FLOAT:
        return "a number (double)";
      case STRING:
        return "a string (string)";
      case LIST:
        return "an array (list)";
      case STRUCT:
        return "an object (struct)";
      default:
        return "null";
    }
  }

  private static Field field(String name, Shape s) {
    switch (s.kind) {
      case BOOL:
        return Field.of(name, ArrowType.BOOL, true);
      case INT:
        return Field.of(name, ArrowType.INT64, true);
      case FLOAT:
        return Field.of(name, ArrowType.FLOAT64, true);
      case STRING:
        return Field.of(name, ArrowType.UTF8, true);
      case LIST:
        return Field.of(name, ArrowType.LIST, true, field("item", s.item == null ? new Shape() : s.item));
      case STRUCT: {
        List<Field> children = new ArrayList<>();
        for (Map.Entry<String, Shape> e : s.fields.entrySet()) {
          children.add(field(e.getKey(), e.getValue()));
        }
        return new Field(name, true, ArrowType.STRUCT, null, children, null);
      }
      default:
        return Field.of(name, ArrowType.NULL, true);
    }
  }
}
