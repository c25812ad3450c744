package dev.quiver.conformance;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of the conformance table a schema touches: one per type (spelled as pyarrow prints it, with the
 * parameters that change the layout: {@code int32}, {@code decimal128}, {@code interval[month_day_nano]},
 * {@code union[dense]}), plus encodings and metadata: {@code dictionary}, {@code dictionary (nested)},
 * {@code dictionary (shared by fields)}, {@code custom metadata}, {@code extension type}.
 */
final class Features {
  private static final Map<Class<?>, String> SIMPLE = Map.ofEntries(
      Map.entry(ArrowType.Null.class, "null"),
      Map.entry(ArrowType.Bool.class, "bool"),
      Map.entry(ArrowType.Utf8.class, "utf8"),
      Map.entry(ArrowType.LargeUtf8.class, "large_utf8"),
      Map.entry(ArrowType.Utf8View.class, "utf8_view"),
      Map.entry(ArrowType.Binary.class, "binary"),
      Map.entry(ArrowType.LargeBinary.class, "large_binary"),
      Map.entry(ArrowType.BinaryView.class, "binary_view"),
      Map.entry(ArrowType.FixedSizeBinary.class, "fixed_size_binary"),
      Map.entry(ArrowType.Duration.class, "duration"),
      Map.entry(ArrowType.List_.class, "list"),
      Map.entry(ArrowType.LargeList.class, "large_list"),
      Map.entry(ArrowType.ListView.class, "list_view"),
      Map.entry(ArrowType.LargeListView.class, "large_list_view"),
      Map.entry(ArrowType.FixedSizeList.class, "fixed_size_list"),
      Map.entry(ArrowType.Struct.class, "struct"),
      Map.entry(ArrowType.Map.class, "map"),
      Map.entry(ArrowType.RunEndEncoded.class, "run_end_encoded"));

  private Features() {}

  static Set<String> of(Schema schema) {
    Set<String> out = new TreeSet<>();
    if (!schema.metadata().isEmpty()) {
      out.add("custom metadata");
    }
    Map<Long, Integer> dictionaryUses = new HashMap<>();
    for (Field f : schema.fields()) {
      collect(f, false, out, dictionaryUses);
    }
    if (dictionaryUses.values().stream().anyMatch(n -> n > 1)) {
      out.add("dictionary (shared by fields)");
    }
    return out;
  }

  private static void collect(Field f, boolean insideDictionary, Set<String> out, Map<Long, Integer> uses) {
    out.add(typeName(f.type()));
    if (f.isDictionaryEncoded()) {
      out.add(insideDictionary ? "dictionary (nested)" : "dictionary");
      uses.merge(f.dictionary().id(), 1, Integer::sum);
    }
    if (f.metadata().containsKey("ARROW:extension:name")) {
      out.add("extension type");
    } else if (!f.metadata().isEmpty()) {
      out.add("custom metadata");
    }
    for (Field c : f.children()) {
      collect(c, insideDictionary || f.isDictionaryEncoded(), out, uses);
    }
  }

  /** The type's row name. */
  static String typeName(ArrowType t) {
    if (t instanceof ArrowType.Int i) {
      return (i.signed() ? "int" : "uint") + i.bitWidth();
    } else if (t instanceof ArrowType.FloatingPoint f) {
      return switch (f.precision()) {
        case HALF -> "float16";
        case SINGLE -> "float32";
        case DOUBLE -> "float64";
      };
    } else if (t instanceof ArrowType.Decimal d) {
      return "decimal" + d.bitWidth();
    } else if (t instanceof ArrowType.Date d) {
      return d.unit() == ArrowType.DateUnit.DAY ? "date32" : "date64";
    } else if (t instanceof ArrowType.Time time) {
      return "time" + time.bitWidth();
    } else if (t instanceof ArrowType.Timestamp ts) {
      return ts.timezone() == null ? "timestamp" : "timestamp (with time zone)";
    } else if (t instanceof ArrowType.Interval i) {
      return "interval[" + i.unit().name().toLowerCase(Locale.ROOT) + "]";
    } else if (t instanceof ArrowType.Union u) {
      return "union[" + u.mode().name().toLowerCase(Locale.ROOT) + "]";
    }
    String name = SIMPLE.get(t.getClass());
    return name != null ? name : t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }
}
