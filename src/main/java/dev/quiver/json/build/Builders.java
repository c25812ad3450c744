package dev.quiver.json.build;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.TypeStrings;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.infer.Inference;
import dev.quiver.json.read.RowContext;
import dev.quiver.json.read.RowSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Creates the column builders of a schema and appends whole rows to them. */
public final class Builders {
  private final StructBuilder root;
  private final Dictionaries dictionaries = new Dictionaries();
  private final RowStreamer streamer;

  /** @throws JsonInputException when a field's type cannot be read from JSON rows */
  public Builders(Schema schema) {
    Set<String> names = new HashSet<>();
    List<ColumnBuilder> columns = new ArrayList<>();
    for (Field f : schema.fields()) {
      if (!names.add(f.name())) {
        throw new JsonInputException("the schema has two fields named \"" + f.name()
            + "\"; JSON rows need unique names");
      }
      columns.add(create(f, f.name()));
    }
    root = new StructBuilder(Field.of("", ArrowType.STRUCT, false), "", columns);
    streamer = hasDictionary(schema.fields()) ? null : new RowStreamer(root, columns.size());
  }

  private static boolean hasDictionary(List<Field> fields) {
    for (Field f : fields) {
      if (f.isDictionaryEncoded() || hasDictionary(f.children())) {
        return true;
      }
    }
    return false;
  }

  /** True when rows can be appended straight from the parser with {@link #streamRow}. */
  public boolean canStream() {
    return streamer != null;
  }

  /**
   * Reads the row object the source's parser is on (see {@link RowSource#beginRow}) and appends it, with the
   * same result and errors as parsing it with {@link RowSource#next()} and {@link #appendRow}.
   */
  public void streamRow(RowSource source, RowContext ctx) {
    streamer.appendRow(source, ctx, null);
  }

  /**
   * As {@link #streamRow}, also merging the row into the inference (whose error for the row is thrown once
   * the row is parsed); an append error is not thrown but gives false: the batch is then to be appended
   * again, to fresh builders, from parsed rows.
   */
  public boolean sampleRow(RowSource source, RowContext ctx, Inference inference) {
    return streamer.appendRow(source, ctx, inference);
  }

  /** Appends one row object. */
  public void appendRow(JsonValue.Obj row, RowContext ctx) {
    root.append(row, ctx);
  }

  /** Rows appended since the last call. */
  public int rowCount() {
    return root.length();
  }

  /** The columns of the rows appended since the last call, then starts a new batch. */
  public List<ArrayData> finishBatch() {
    return root.finish().children();
  }

  ColumnBuilder create(Field field, String path) {
    if (field.isDictionaryEncoded()) {
      return new DictionaryBuilder(field, path, dictionaries.forField(field, path, this));
    }
    return createValues(field, path);
  }

  ColumnBuilder createValues(Field field, String path) {
    ArrowType t = field.type();
    if (t instanceof ArrowType.Null) {
      return new NullBuilder(field, path);
    } else if (t instanceof ArrowType.Bool) {
      return new BoolBuilder(field, path);
    } else if (t instanceof ArrowType.Int) {
      ArrowType.Int i = (ArrowType.Int) t;
      return new FixedWidthBuilder(field, path, i.bitWidth() / 8, Scalars.integer(i));
    } else if (t instanceof ArrowType.FloatingPoint) {
      ArrowType.Precision p = ((ArrowType.FloatingPoint) t).precision();
      int width = p == ArrowType.Precision.HALF ? 2 : p == ArrowType.Precision.SINGLE ? 4 : 8;
      return new FixedWidthBuilder(field, path, width, Scalars.floating(p));
    } else if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8) {
      return new VarBinaryBuilder(field, path, t instanceof ArrowType.LargeUtf8, true);
    } else if (t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary) {
      return new VarBinaryBuilder(field, path, t instanceof ArrowType.LargeBinary, false);
    } else if (t instanceof ArrowType.FixedSizeBinary) {
      int w = ((ArrowType.FixedSizeBinary) t).byteWidth();
      return new FixedWidthBuilder(field, path, w, Scalars.fixedSizeBinary(w));
    } else if (t instanceof ArrowType.Decimal) {
      ArrowType.Decimal d = (ArrowType.Decimal) t;
      return new FixedWidthBuilder(field, path, d.bitWidth() / 8, Scalars.decimal(d));
    } else if (t instanceof ArrowType.Date) {
      ArrowType.Date d = (ArrowType.Date) t;
      return new FixedWidthBuilder(field, path, d.unit() == ArrowType.DateUnit.DAY ? 4 : 8, Scalars.date(d));
    } else if (t instanceof ArrowType.Time) {
      ArrowType.Time tt = (ArrowType.Time) t;
      return new FixedWidthBuilder(field, path, tt.bitWidth() / 8, Scalars.time(tt));
    } else if (t instanceof ArrowType.Timestamp) {
      try {
        return new FixedWidthBuilder(field, path, 8, Scalars.timestamp((ArrowType.Timestamp) t));
      } catch (IllegalArgumentException e) {
        throw new JsonInputException("field \"" + path + "\": " + e.getMessage());
      }
    } else if (t instanceof ArrowType.Duration) {
      return new FixedWidthBuilder(field, path, 8, Scalars.duration());
    } else if (t instanceof ArrowType.Interval iv) {
      int width = iv.unit() == ArrowType.IntervalUnit.YEAR_MONTH ? 4
          : iv.unit() == ArrowType.IntervalUnit.DAY_TIME ? 8 : 16;
      return new FixedWidthBuilder(field, path, width, Scalars.interval(iv.unit()));
    } else if (t instanceof ArrowType.Utf8View || t instanceof ArrowType.BinaryView) {
      return new ViewBuilder(field, path, t instanceof ArrowType.Utf8View);
    }
    return createNested(field, path);
  }

  private ColumnBuilder createNested(Field field, String path) {
    ArrowType t = field.type();
    if (t instanceof ArrowType.List_ || t instanceof ArrowType.LargeList) {
      Field item = onlyChild(field, path);
      return new ListBuilder(field, path, t instanceof ArrowType.LargeList, create(item, path + "[]"));
    } else if (t instanceof ArrowType.FixedSizeList) {
      Field item = onlyChild(field, path);
      int size = ((ArrowType.FixedSizeList) t).listSize();
      return new FixedSizeListBuilder(field, path, size, create(item, path + "[]"));
    } else if (t instanceof ArrowType.Struct) {
      List<ColumnBuilder> children = new ArrayList<>();
      for (Field c : field.children()) {
        children.add(create(c, path.isEmpty() ? c.name() : path + "." + c.name()));
      }
      return new StructBuilder(field, path, children);
    } else if (t instanceof ArrowType.Map) {
      Field entries = onlyChild(field, path);
      if (!(entries.type() instanceof ArrowType.Struct) || entries.children().size() != 2) {
        throw new JsonInputException("field \"" + path + "\": a map's child must be a struct of key and value");
      }
      List<ColumnBuilder> kv = List.of(
          create(entries.child(0), path + "[].key"), create(entries.child(1), path + "[].value"));
      return new MapBuilder(field, path, new StructBuilder(entries, path + "[]", kv));
    }
    if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
      Field item = onlyChild(field, path);
      return new ListViewBuilder(field, path, t instanceof ArrowType.LargeListView, create(item, path + "[]"));
    } else if (t instanceof ArrowType.Union) {
      List<ColumnBuilder> children = new ArrayList<>();
      for (Field c : field.children()) {
        children.add(create(c, path + "." + c.name()));
      }
      return new UnionBuilder(field, path, children);
    } else if (t instanceof ArrowType.RunEndEncoded) {
      if (field.children().size() != 2 || !(field.child(0).type() instanceof ArrowType.Int i)
          || i.bitWidth() < 16 || !i.signed()) {
        throw new JsonInputException("field \"" + path + "\": run_end_encoded needs children run_ends"
            + " (int16, int32 or int64) and values");
      }
      return new RunEndBuilder(field, path, create(field.child(1), path));
    }
    throw unsupported(field, path, TypeStrings.format(field));
  }

  private static Field onlyChild(Field field, String path) {
    if (field.children().size() != 1) {
      throw new JsonInputException("field \"" + path + "\": expected exactly one child field, found "
          + field.children().size());
    }
    return field.child(0);
  }

  private static JsonInputException unsupported(Field field, String path, String what) {
    return new JsonInputException("field \"" + path + "\": " + what
        + " cannot be read from JSON rows (not in the JSON value mapping)");
  }
}
