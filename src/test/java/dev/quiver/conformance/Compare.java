package dev.quiver.conformance;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** Comparisons of schemas and rendered rows ({@link LogicalRows}) whose failures name what differs where. */
final class Compare {
  private Compare() {}

  /** Rendered rows of our batches. */
  static List<List<List<String>>> rows(List<RecordBatch> batches) {
    return batches.stream().map(LogicalRows::of).toList();
  }

  /** Rendered rows of arrow-java data (each batch with its dictionaries). */
  static List<List<List<String>>> rows(ArrowJavaData data) {
    return data.batches().stream().map(b -> LogicalRows.of(b.root(), b.dictionaries(), data.schema())).toList();
  }

  /**
   * Asserts equal schemas the way the interop bridge compares them (names, types, nullability, metadata,
   * dictionary index types and ordering; not dictionary ids, nor the names inside a map).
   */
  static void schemas(String what, Schema expected, Schema actual) {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowJavaData e = new ArrowJavaData(allocator, expected, List.of());
        ArrowJavaData a = new ArrowJavaData(allocator, actual, List.of())) {
      ArrowJavaBridge.assertSameData(e, a);
    } catch (AssertionError e) {
      throw new AssertionError(what + ": " + e.getMessage(), e);
    }
  }

  static void schemas(String what, Schema expected, dev.quiver.columnar.Schema actual) {
    schemas(what, expected, ArrowJavaBridge.toArrowJavaSchema(actual));
  }

  /** Asserts equal batches, row counts and values; the message names batch, row and column. */
  static void rows(String what, List<List<List<String>>> expected, List<List<List<String>>> actual) {
    if (expected.size() != actual.size()) {
      throw new AssertionError(what + ": expected " + expected.size() + " batches but got " + actual.size()
          + " (rows " + sizes(expected) + " vs " + sizes(actual) + ")");
    }
    for (int b = 0; b < expected.size(); b++) {
      List<List<String>> e = expected.get(b);
      List<List<String>> a = actual.get(b);
      if (e.size() != a.size()) {
        throw new AssertionError(what + ": batch " + b + ": expected " + e.size() + " rows but got " + a.size());
      }
      for (int r = 0; r < e.size(); r++) {
        for (int c = 0; c < e.get(r).size(); c++) {
          String ev = e.get(r).get(c);
          String av = c < a.get(r).size() ? a.get(r).get(c) : "<missing column>";
          if (!ev.equals(av)) {
            throw new AssertionError(what + ": batch " + b + ", row " + r + ", column " + c + ": expected <"
                + shorten(ev) + "> but was <" + shorten(av) + ">");
          }
        }
        if (a.get(r).size() != e.get(r).size()) {
          throw new AssertionError(what + ": batch " + b + ", row " + r + ": expected " + e.get(r).size()
              + " columns but got " + a.get(r).size());
        }
      }
    }
  }

  private static List<Integer> sizes(List<List<List<String>>> batches) {
    return batches.stream().map(List::size).toList();
  }

  private static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
