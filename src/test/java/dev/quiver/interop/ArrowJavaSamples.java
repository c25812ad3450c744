package dev.quiver.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Deterministic sample data built with arrow-java, one sample per type of issue #2 plus {@code all_types}
 * (one column of every type) and {@code nested} (lists of structs with maps, lists and dictionary-encoded
 * strings inside, and more).
 *
 * <p>Every sample has three batches of 5, 0 and 100 rows, schema metadata and field metadata. A single-type
 * sample has a nullable column {@code value} (null in row 3 and every 7th row after it) and, except for
 * {@code null}, a non-nullable column {@code value_not_null}; nested children are nullable and hold nulls too.
 * Values start with the type's edge cases ({@link SampleValues}: integer min/max, uint64 max, NaN, infinities,
 * -0.0, empty and non-ASCII strings, empty lists, null structs, null map values, negative decimals,
 * timestamps before 1970, ...). Dictionary ids are 0, 1, ... in schema depth-first order; a data set's
 * dictionaries are the same objects in all its batches.
 */
public final class ArrowJavaSamples {
  /** Rows of the batches of every sample, in order. */
  public static final List<Integer> BATCH_LENGTHS = List.of(5, 0, 100);

  private static final Map<String, Supplier<List<Field>>> SAMPLES = new LinkedHashMap<>();

  static {
    single("null", ArrowType.Null.INSTANCE);
    single("bool", ArrowType.Bool.INSTANCE);
    for (int bits : new int[] {8, 16, 32, 64}) {
      single("int" + bits, new ArrowType.Int(bits, true));
    }
    for (int bits : new int[] {8, 16, 32, 64}) {
      single("uint" + bits, new ArrowType.Int(bits, false));
    }
    single("float16", new ArrowType.FloatingPoint(FloatingPointPrecision.HALF));
    single("float32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
    single("float64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    single("utf8", ArrowType.Utf8.INSTANCE);
    single("large_utf8", ArrowType.LargeUtf8.INSTANCE);
    single("binary", ArrowType.Binary.INSTANCE);
    single("large_binary", ArrowType.LargeBinary.INSTANCE);
    single("fixed_size_binary", new ArrowType.FixedSizeBinary(4));
    single("date32", new ArrowType.Date(DateUnit.DAY));
    single("date64", new ArrowType.Date(DateUnit.MILLISECOND));
    single("time32_s", new ArrowType.Time(TimeUnit.SECOND, 32));
    single("time32_ms", new ArrowType.Time(TimeUnit.MILLISECOND, 32));
    single("time64_us", new ArrowType.Time(TimeUnit.MICROSECOND, 64));
    single("time64_ns", new ArrowType.Time(TimeUnit.NANOSECOND, 64));
    String[] zones = {"UTC", "Europe/Paris", "America/New_York", "+05:30"};
    TimeUnit[] units = TimeUnit.values();
    for (TimeUnit unit : units) {
      single("timestamp_" + suffix(unit), new ArrowType.Timestamp(unit, null));
    }
    for (int i = 0; i < units.length; i++) {
      single("timestamp_" + suffix(units[i]) + "_tz", new ArrowType.Timestamp(units[i], zones[i]));
    }
    for (TimeUnit unit : units) {
      single("duration_" + suffix(unit), new ArrowType.Duration(unit));
    }
    single("decimal128", new ArrowType.Decimal(38, 2, 128));
    single("decimal256", new ArrowType.Decimal(76, 10, 256));
    SAMPLES.put("list", () -> List.of(
        listOf("value", true, leaf("item", true, new ArrowType.Int(32, true))),
        listOf("value_not_null", false, leaf("item", true, new ArrowType.Int(32, true)))));
    SAMPLES.put("large_list", () -> List.of(
        nested("value", true, ArrowType.LargeList.INSTANCE, leaf("item", true, ArrowType.Utf8.INSTANCE)),
        nested("value_not_null", false, ArrowType.LargeList.INSTANCE, leaf("item", true, ArrowType.Utf8.INSTANCE))));
    SAMPLES.put("fixed_size_list", () -> List.of(
        nested("value", true, new ArrowType.FixedSizeList(3), leaf("item", true, float64())),
        nested("value_not_null", false, new ArrowType.FixedSizeList(3), leaf("item", true, float64()))));
    SAMPLES.put("struct", () -> List.of(struct("value", true), struct("value_not_null", false)));
    SAMPLES.put("map", () -> List.of(
        map("value", true, ArrowType.Utf8.INSTANCE, new ArrowType.Int(64, true)),
        map("value_not_null", false, ArrowType.Utf8.INSTANCE, new ArrowType.Int(64, true))));
    SAMPLES.put("dictionary_utf8", () -> List.of(
        dict("value", true, ArrowType.Utf8.INSTANCE, 0, new ArrowType.Int(32, true), false),
        dict("value_not_null", false, ArrowType.Utf8.INSTANCE, 1, new ArrowType.Int(8, true), true)));
    SAMPLES.put("all_types", ArrowJavaSamples::allTypes);
    SAMPLES.put("nested", ArrowJavaSamples::nestedFields);
  }

  private ArrowJavaSamples() {}

  /** Sample names, in a fixed order. */
  public static List<String> names() {
    return List.copyOf(SAMPLES.keySet());
  }

  /** The sample's schema (message format; see {@link ArrowJavaData#schema()}). */
  public static Schema schema(String name) {
    Supplier<List<Field>> fields = SAMPLES.get(name);
    if (fields == null) {
      throw new IllegalArgumentException("unknown sample: " + name + " (known: " + names() + ")");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("quiver.sample", name);
    metadata.put("note", "schema metadata, ünïcödé ✓");
    return new Schema(fields.get(), metadata);
  }

  /** A new copy of the sample's data, owned by the caller. */
  public static ArrowJavaData data(String name, BufferAllocator allocator) {
    Schema schema = schema(name);
    Schema memory = ArrowJavaSchemas.toMemoryFormat(schema);
    SampleFiller filler = new SampleFiller(allocator);
    List<VectorSchemaRoot> roots = new ArrayList<>();
    try {
      for (int b = 0; b < BATCH_LENGTHS.size(); b++) {
        int rows = BATCH_LENGTHS.get(b);
        VectorSchemaRoot root = VectorSchemaRoot.create(memory, allocator);
        roots.add(root);
        filler.seed(b * 1000);
        for (int c = 0; c < schema.getFields().size(); c++) {
          filler.fill(root.getVector(c), schema.getFields().get(c), rows, 0, true);
        }
        root.setRowCount(rows);
      }
    } catch (RuntimeException e) {
      roots.forEach(VectorSchemaRoot::close);
      filler.dictionaries().values().forEach(d -> d.getVector().close());
      throw e;
    }
    List<ArrowJavaData.Batch> batches = new ArrayList<>();
    for (VectorSchemaRoot root : roots) {
      batches.add(new ArrowJavaData.Batch(root, filler.dictionaries()));
    }
    return new ArrowJavaData(allocator, schema, batches);
  }

  private static void single(String name, ArrowType type) {
    SAMPLES.put(name, () -> type instanceof ArrowType.Null
        ? List.of(leafWithMetadata("value", true, type))
        : List.of(leafWithMetadata("value", true, type), leaf("value_not_null", false, type)));
  }

  private static String suffix(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> "s";
      case MILLISECOND -> "ms";
      case MICROSECOND -> "us";
      case NANOSECOND -> "ns";
    };
  }

  private static List<Field> allTypes() {
    List<Field> out = new ArrayList<>();
    for (String name : SAMPLES.keySet()) {
      if (name.equals("all_types") || name.equals("nested") || name.equals("dictionary_utf8")) {
        continue;
      }
      Field f = SAMPLES.get(name).get().get(0);
      out.add(new Field(name, f.getFieldType(), f.getChildren()));
    }
    out.add(dict("dictionary_utf8", true, ArrowType.Utf8.INSTANCE, 0, new ArrowType.Int(32, true), false));
    out.add(dict("dictionary_int64_uint16", true, new ArrowType.Int(64, true), 1, new ArrowType.Int(16, false),
        true));
    out.add(dict("dictionary_utf8_not_null", false, ArrowType.Utf8.INSTANCE, 2, new ArrowType.Int(8, true),
        false));
    return out;
  }

  private static List<Field> nestedFields() {
    Field person = nested("item", true, ArrowType.Struct.INSTANCE,
        leaf("name", true, ArrowType.Utf8.INSTANCE),
        map("tags", true, ArrowType.Utf8.INSTANCE, new ArrowType.Int(32, true)),
        nested("scores", true, ArrowType.List.INSTANCE, leaf("item", true, float64())),
        dict("city", true, ArrowType.Utf8.INSTANCE, 0, new ArrowType.Int(16, true), false));
    return List.of(
        nested("people", true, ArrowType.List.INSTANCE, person),
        nested("matrix", true, new ArrowType.FixedSizeList(2),
            nested("row", true, ArrowType.List.INSTANCE, leaf("item", true, new ArrowType.Int(16, true)))),
        nested("deep", true, ArrowType.Struct.INSTANCE,
            nested("inner", true, ArrowType.Struct.INSTANCE,
                leaf("x", false, new ArrowType.Int(8, true)),
                nested("ys", true, ArrowType.LargeList.INSTANCE, leaf("item", true, ArrowType.Binary.INSTANCE)))),
        nested("list_of_dict", true, ArrowType.List.INSTANCE,
            dict("item", true, ArrowType.Utf8.INSTANCE, 1, new ArrowType.Int(32, true), false)),
        map("map_of_lists", true, new ArrowType.Int(32, true), null));
  }

  private static ArrowType float64() {
    return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  }

  static Field leaf(String name, boolean nullable, ArrowType type) {
    return new Field(name, new FieldType(nullable, type, null), List.of());
  }

  private static Field leafWithMetadata(String name, boolean nullable, ArrowType type) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("quiver.column", name);
    metadata.put("note", "field metadata ✓");
    return new Field(name, new FieldType(nullable, type, null, metadata), List.of());
  }

  static Field nested(String name, boolean nullable, ArrowType type, Field... children) {
    return new Field(name, new FieldType(nullable, type, null), List.of(children));
  }

  private static Field listOf(String name, boolean nullable, Field item) {
    Map<String, String> metadata = Map.of("quiver.column", name);
    return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null, metadata), List.of(item));
  }

  private static Field struct(String name, boolean nullable) {
    return nested(name, nullable, ArrowType.Struct.INSTANCE,
        leaf("a", true, new ArrowType.Int(32, true)),
        leaf("b", false, ArrowType.Utf8.INSTANCE),
        leaf("c", true, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
  }

  /** A map of key type to value type (or, when {@code valueType} is null, to a list of utf8). */
  private static Field map(String name, boolean nullable, ArrowType keyType, ArrowType valueType) {
    Field value = valueType == null
        ? nested("value", true, ArrowType.List.INSTANCE, leaf("item", true, ArrowType.Utf8.INSTANCE))
        : leaf("value", true, valueType);
    Field entries = nested("entries", false, ArrowType.Struct.INSTANCE, leaf("key", false, keyType), value);
    return nested(name, nullable, new ArrowType.Map(false), entries);
  }

  private static Field dict(String name, boolean nullable, ArrowType valueType, long id, ArrowType.Int indexType,
      boolean ordered) {
    return new Field(name,
        new FieldType(nullable, valueType, new DictionaryEncoding(id, ordered, indexType)), List.of());
  }
}
