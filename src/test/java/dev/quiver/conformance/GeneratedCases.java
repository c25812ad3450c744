package dev.quiver.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthViewVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.LargeListViewVector;
import org.apache.arrow.vector.complex.ListViewVector;
import org.apache.arrow.vector.complex.RunEndEncodedVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Cases the golden files lack, built with arrow-java: view types (inline and out-of-line values, several
 * variadic buffers), list views (out of order, overlapping, empty and null views), run-end encoded arrays
 * (int16/int32/int64 run ends), month_day_nano intervals, and delta and replacement dictionaries. Every
 * case has nulls and three batches (one of them empty).
 */
final class GeneratedCases {
  /**
   * A generated case: its table rows, whether the file format can hold it (dictionary replacements
   * cannot), and how arrow-java builds it.
   */
  record Spec(String name, Set<String> features, boolean fileable, Function<BufferAllocator, ArrowJavaCase> build) {
    @Override
    public String toString() {
      return name;
    }
  }

  private GeneratedCases() {}

  static List<Spec> all() {
    List<Spec> out = new ArrayList<>();
    out.add(new Spec("utf8_view", Set.of("utf8_view"), true, a -> views(a, ArrowType.Utf8View.INSTANCE)));
    out.add(new Spec("binary_view", Set.of("binary_view"), true, a -> views(a, ArrowType.BinaryView.INSTANCE)));
    out.add(new Spec("list_view", Set.of("list_view", "int32"), true, a -> listViews(a, false)));
    out.add(new Spec("large_list_view", Set.of("large_list_view", "utf8"), true, a -> listViews(a, true)));
    for (int bits : new int[] {16, 32, 64}) {
      out.add(new Spec("run_end_encoded_int" + bits, Set.of("run_end_encoded", "int" + bits, "utf8"), true,
          a -> runEndEncoded(a, bits)));
    }
    out.add(new Spec("interval_month_day_nano", Set.of("interval[month_day_nano]"), true,
        GeneratedCases::monthDayNano));
    out.add(new Spec("dictionary_delta", Set.of("dictionary", "dictionary delta", "utf8", "int32"), true,
        a -> dictionaries(a, true)));
    out.add(new Spec("dictionary_replacement", Set.of("dictionary", "dictionary replacement", "utf8", "int32"),
        false, a -> dictionaries(a, false)));
    return out;
  }

  /** The features with a codec's row added (for the compressed steps). */
  static Set<String> with(Set<String> features, String extra) {
    Set<String> out = new TreeSet<>(features);
    out.add(extra);
    return out;
  }

  // ---- views ----

  private static ArrowJavaCase views(BufferAllocator allocator, ArrowType type) {
    Schema schema = new Schema(List.of(
        new Field("value", FieldType.nullable(type), null),
        new Field("value_not_null", FieldType.notNullable(type), null)));
    ArrowJavaCase c = new ArrowJavaCase(allocator, schema);
    for (int rows : new int[] {9, 0, 1500}) {
      VectorSchemaRoot root = c.newRoot();
      for (int col = 0; col < 2; col++) {
        BaseVariableWidthViewVector v = (BaseVariableWidthViewVector) root.getVector(col);
        v.allocateNew();
        for (int i = 0; i < rows; i++) {
          if (col == 0 && i % 5 == 3) {
            v.setNull(i);
          } else {
            v.setSafe(i, viewValue(i + col).getBytes(StandardCharsets.UTF_8));
          }
        }
        v.setValueCount(rows);
        if (rows > 100 && v.getDataBuffers().size() < 2) {
          throw new IllegalStateException("expected several variadic buffers, got " + v.getDataBuffers().size());
        }
      }
      root.setRowCount(rows);
      c.add(root, List.of(), Map.of());
    }
    return c;
  }

  /** Empty, short (inline: at most 12 bytes), exactly 12 and 13 bytes, non-ASCII and long values. */
  static String viewValue(int i) {
    return switch (i % 8) {
      case 0 -> "";
      case 1 -> "a" + i;
      case 2 -> "twelve bytes";
      case 3 -> "thirteen byte";
      case 4 -> "h\u00e9llo w\u00f6rld \u2713 " + i;
      case 5 -> ("out-of-line value " + i + " ").repeat(1 + i % 17);
      case 6 -> "\u6f22\u5b57" + i;
      default -> "x".repeat(200 + i % 300);
    };
  }

  // ---- list views ----

  private static ArrowJavaCase listViews(BufferAllocator allocator, boolean large) {
    Field item = large ? new Field("item", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)
        : new Field("item", FieldType.nullable(new ArrowType.Int(32, true)), null);
    ArrowType type = large ? ArrowType.LargeListView.INSTANCE : ArrowType.ListView.INSTANCE;
    Schema schema = new Schema(List.of(new Field("value", FieldType.nullable(type), List.of(item))));
    ArrowJavaCase c = new ArrowJavaCase(allocator, schema);
    // (offset, size) per row, -1 offset = null: out of order, overlapping, empty, shared and null views
    int[][][] batches = {
        {{4, 3}, {0, 2}, {2, 4}, {0, 0}, {-1, 0}, {7, 1}, {1, 6}, {4, 3}},
        {},
        {{10, 5}, {0, 10}, {3, 3}, {-1, 0}, {14, 1}, {0, 0}, {5, 10}, {9, 2}, {-1, 0}, {12, 3}}};
    int[] childLengths = {8, 0, 15};
    for (int b = 0; b < batches.length; b++) {
      VectorSchemaRoot root = c.newRoot();
      FieldVector v = root.getVector(0);
      int rows = batches[b].length;
      v.setInitialCapacity(Math.max(rows, 1));
      v.allocateNew();
      FieldVector child = large ? ((LargeListViewVector) v).getDataVector() : ((ListViewVector) v).getDataVector();
      child.allocateNew();
      for (int k = 0; k < childLengths[b]; k++) {
        if (k % 6 == 5) {
          child.setNull(k);
        } else if (large) {
          ((VarCharVector) child).setSafe(k, ("item " + b + "." + k).getBytes(StandardCharsets.UTF_8));
        } else {
          ((IntVector) child).setSafe(k, k * 10 - 7 + b);
        }
      }
      child.setValueCount(childLengths[b]);
      for (int i = 0; i < rows; i++) {
        int offset = batches[b][i][0];
        int size = batches[b][i][1];
        if (large) {
          LargeListViewVector l = (LargeListViewVector) v;
          l.setOffset(i, Math.max(offset, 0));
          l.setSize(i, size);
          l.setValidity(i, offset < 0 ? 0 : 1);
        } else {
          ListViewVector l = (ListViewVector) v;
          l.setOffset(i, Math.max(offset, 0));
          l.setSize(i, size);
          l.setValidity(i, offset < 0 ? 0 : 1);
        }
      }
      v.setValueCount(rows);
      root.setRowCount(rows);
      c.add(root, List.of(), Map.of());
    }
    return c;
  }

  // ---- run-end encoded ----

  private static ArrowJavaCase runEndEncoded(BufferAllocator allocator, int bits) {
    Field runEnds = new Field("run_ends", FieldType.notNullable(new ArrowType.Int(bits, true)), null);
    Field values = new Field("values", FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
    Schema schema = new Schema(List.of(
        new Field("value", FieldType.nullable(ArrowType.RunEndEncoded.INSTANCE), List.of(runEnds, values))));
    ArrowJavaCase c = new ArrowJavaCase(allocator, schema);
    int[][] runLengths = {{3, 1, 4, 1, 5}, {}, {1, 200, 2, 7, 1, 1, 30}};
    for (int b = 0; b < runLengths.length; b++) {
      VectorSchemaRoot root = c.newRoot();
      RunEndEncodedVector v = (RunEndEncodedVector) root.getVector(0);
      v.allocateNew();
      FieldVector ends = v.getChildrenFromFields().get(0);
      VarCharVector vals = (VarCharVector) v.getChildrenFromFields().get(1);
      ends.allocateNew();
      vals.allocateNew();
      int end = 0;
      for (int r = 0; r < runLengths[b].length; r++) {
        end += runLengths[b][r];
        setInt(ends, r, end);
        if (r % 3 == 1) {
          vals.setNull(r);
        } else {
          vals.setSafe(r, ("run " + b + "." + r).getBytes(StandardCharsets.UTF_8));
        }
      }
      ends.setValueCount(runLengths[b].length);
      vals.setValueCount(runLengths[b].length);
      v.setValueCount(end);
      root.setRowCount(end);
      c.add(root, List.of(), Map.of());
    }
    return c;
  }

  private static void setInt(FieldVector v, int i, long value) {
    if (v instanceof SmallIntVector s) {
      s.setSafe(i, (int) value);
    } else if (v instanceof IntVector s) {
      s.setSafe(i, (int) value);
    } else {
      ((BigIntVector) v).setSafe(i, value);
    }
  }

  // ---- intervals ----

  private static ArrowJavaCase monthDayNano(BufferAllocator allocator) {
    ArrowType type = new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO);
    Schema schema = new Schema(List.of(new Field("value", FieldType.nullable(type), null)));
    ArrowJavaCase c = new ArrowJavaCase(allocator, schema);
    long[][] values = {{0, 0, 0}, {1, 2, 3}, {-1, -30, -999_999_999L}, {Integer.MAX_VALUE, Integer.MIN_VALUE,
        Long.MAX_VALUE}, {Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE}, {12, 0, 86_400_000_000_000L}};
    for (int rows : new int[] {7, 0, 50}) {
      VectorSchemaRoot root = c.newRoot();
      IntervalMonthDayNanoVector v = (IntervalMonthDayNanoVector) root.getVector(0);
      v.allocateNew();
      for (int i = 0; i < rows; i++) {
        if (i % 7 == 3) {
          v.setNull(i);
        } else {
          long[] x = values[i % values.length];
          v.setSafe(i, (int) x[0] + i / values.length, (int) x[1], x[2]);
        }
      }
      v.setValueCount(rows);
      root.setRowCount(rows);
      c.add(root, List.of(), Map.of());
    }
    return c;
  }

  // ---- dictionaries ----

  /**
   * A dictionary-encoded utf8 column (plus a plain int32 column). With {@code delta}: [a, b, c], then the
   * deltas [d, e] and [f] (the file holds them too). Otherwise: [a, b], then a replacement [x, y, z] kept
   * for the last batch (streams only).
   */
  private static ArrowJavaCase dictionaries(BufferAllocator allocator, boolean delta) {
    DictionaryEncoding encoding = new DictionaryEncoding(0, false, new ArrowType.Int(32, true));
    Schema schema = new Schema(List.of(
        new Field("value", new FieldType(true, new ArrowType.Int(32, true), encoding), null),
        new Field("n", FieldType.nullable(new ArrowType.Int(32, true)), null)));
    ArrowJavaCase c = new ArrowJavaCase(allocator, schema);
    List<List<String>> sent = delta
        ? List.of(List.of("a", "b", "c"), List.of("d", "e"), List.of("f"))
        : List.of(List.of("a", "b"), List.of("x", "y", "z"), List.of());
    Integer[][] indices = delta
        ? new Integer[][] {{0, 1, 2, null, 0}, {3, 4, 0}, {5, 5, 1, null, 2, 4}}
        : new Integer[][] {{0, 1, null}, {2, 1, 0, null}, {0, 2}};
    List<String> inForce = new ArrayList<>();
    Dictionary current = null;
    for (int b = 0; b < 3; b++) {
      List<ArrowJavaCase.DictionaryMessage> messages = new ArrayList<>();
      if (!sent.get(b).isEmpty()) {
        if (!delta) {
          inForce.clear();
        }
        inForce.addAll(sent.get(b));
        boolean isDelta = delta && b > 0;
        messages.add(new ArrowJavaCase.DictionaryMessage(
            new Dictionary(strings(allocator, sent.get(b)), encoding), isDelta));
        current = isDelta ? new Dictionary(strings(allocator, inForce), encoding) : messages.get(0).dictionary();
      }
      VectorSchemaRoot root = c.newRoot();
      IntVector v = (IntVector) root.getVector(0);
      IntVector n = (IntVector) root.getVector(1);
      v.allocateNew();
      n.allocateNew();
      for (int i = 0; i < indices[b].length; i++) {
        if (indices[b][i] == null) {
          v.setNull(i);
        } else {
          v.setSafe(i, indices[b][i]);
        }
        n.setSafe(i, b * 100 + i);
      }
      v.setValueCount(indices[b].length);
      n.setValueCount(indices[b].length);
      root.setRowCount(indices[b].length);
      Map<Long, Dictionary> dictionaries = new LinkedHashMap<>();
      dictionaries.put(0L, current);
      c.add(root, messages, dictionaries);
    }
    return c;
  }

  private static VarCharVector strings(BufferAllocator allocator, List<String> values) {
    VarCharVector v = new VarCharVector(new Field("value", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
        allocator);
    v.allocateNew();
    for (int i = 0; i < values.size(); i++) {
      v.setSafe(i, values.get(i).getBytes(StandardCharsets.UTF_8));
    }
    v.setValueCount(values.size());
    return v;
  }
}
