package dev.quiver.interop;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Test-scope bridge between Quiver's columnar model and arrow-java, the reference implementation our IPC and
 * JSON code is tested against.
 *
 * <ul>
 *   <li>Schemas both ways. arrow-java schemas here are in the message format: a dictionary-encoded field is
 *       typed by its dictionary's values, like Quiver's {@code Field} (see {@link ArrowJavaData#schema()}).
 *   <li>{@link #toQuiver} copies arrow-java's buffers into little-endian heap buffers, exactly the slots of
 *       {@code ArrayData}'s layout table; {@link #toArrowJava} loads our buffers with arrow-java's
 *       {@code VectorLoader}, so arrow-java checks the layout.
 *   <li>{@link #assertSameData} compares logically: dictionaries decoded, floats by bits; a failure names
 *       batch, column path and row.
 * </ul>
 *
 * <p>Data conversion supports every type of issue #2 (and intervals); unions, view types and run-end encoded
 * arrays throw {@link UnsupportedOperationException}. Schemas convert for every type.
 */
public final class ArrowJavaBridge {
  private ArrowJavaBridge() {}

  /** A new root allocator for a test (close it after the data it allocated). */
  public static BufferAllocator newAllocator() {
    return new RootAllocator();
  }

  public static org.apache.arrow.vector.types.pojo.Schema toArrowJavaSchema(Schema schema) {
    return ArrowJavaSchemas.toArrowJava(schema);
  }

  /** Our schema from an arrow-java message-format schema. */
  public static Schema toQuiverSchema(org.apache.arrow.vector.types.pojo.Schema schema) {
    return ArrowJavaSchemas.toQuiver(schema);
  }

  /** Copies arrow-java's batches into Quiver batches over heap buffers (independent of {@code data}). */
  public static List<RecordBatch> toQuiver(ArrowJavaData data) {
    return ToQuiver.convert(data);
  }

  /** Our batches as arrow-java vectors; {@code batches} must not be empty (the schema comes from them). */
  public static ArrowJavaData toArrowJava(List<RecordBatch> batches, BufferAllocator allocator) {
    if (batches.isEmpty()) {
      throw new IllegalArgumentException("batches is empty; use toArrowJava(schema, batches, allocator)");
    }
    return ToArrowJava.convert(batches.get(0).schema(), batches, allocator);
  }

  /** Our batches (possibly none) of {@code schema} as arrow-java vectors. */
  public static ArrowJavaData toArrowJava(Schema schema, List<RecordBatch> batches, BufferAllocator allocator) {
    return ToArrowJava.convert(schema, batches, allocator);
  }

  /** Asserts both hold the same schema and values (see the class comment); throws AssertionError if not. */
  public static void assertSameData(ArrowJavaData expected, ArrowJavaData actual) {
    DataComparator.assertSame(expected, actual);
  }

  /**
   * Converts {@code actual} to arrow-java and compares it with {@code expected}. With no actual batches, only
   * the batch count is compared (there is no schema); use {@link #assertSameData(ArrowJavaData, Schema,
   * List)} to compare the schema too.
   */
  public static void assertSameData(ArrowJavaData expected, List<RecordBatch> actual) {
    Schema schema = actual.isEmpty() ? toQuiverSchema(expected.schema()) : actual.get(0).schema();
    assertSameData(expected, schema, actual);
  }

  /** Converts our schema and batches to arrow-java and compares them with {@code expected}. */
  public static void assertSameData(ArrowJavaData expected, Schema actualSchema, List<RecordBatch> actual) {
    try (ArrowJavaData converted = toArrowJava(actualSchema, actual, expected.allocator())) {
      assertSameData(expected, converted);
    }
  }
}
