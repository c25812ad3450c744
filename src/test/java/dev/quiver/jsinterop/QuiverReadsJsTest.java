package dev.quiver.jsinterop;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.ipc.ByteSource;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcFormat;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.ipc.StreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * We read what Arrow JS writes: {@code node interop-js/write.mjs} writes a stream and a file per case (every
 * type Arrow JS supports, dictionaries with deltas and replacements, nested data, all types together) and
 * the expected values as canonical JSON. Each output is read with our StreamReader / FileReader and must give
 * the expected values ({@link JsCanonical} over our batches), and the same data as arrow-java reading the same
 * bytes (the bridge's assertSameData; for unions and views, which the bridge does not convert, arrow-java's
 * values against the expected JSON).
 */
class QuiverReadsJsTest {
  /** Cases write.mjs must produce (a case that disappears or that Arrow JS cannot write fails a test). */
  private static final List<String> REQUIRED_CASES = List.of("null", "bool", "int8", "int16", "int32", "int64",
      "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64", "utf8", "large_utf8", "utf8_view",
      "binary", "large_binary", "binary_view", "fixed_size_binary", "date32", "date64", "time32_s", "time32_ms",
      "time64_us", "time64_ns", "timestamp_s", "timestamp_ms", "timestamp_us", "timestamp_ns", "timestamp_s_tz",
      "timestamp_ms_tz", "timestamp_us_tz", "timestamp_ns_tz", "duration_s", "duration_ms", "duration_us",
      "duration_ns", "decimal128", "decimal128_scale0", "decimal256", "interval_year_month",
      "interval_day_time", "interval_month_day_nano", "list", "large_list", "fixed_size_list", "struct", "map",
      "map_keys_sorted", "sparse_union", "dense_union", "dense_union_positional", "dictionary", "dictionary_delta",
      "dictionary_replacement", "nested", "all_types");

  /** Cases arrow-java 19 cannot load at all (the same happens with our own writer's output). */
  private static final Map<String, String> ARROW_JAVA_CANNOT_READ = Map.of("dense_union",
      "arrow-java 19 loads a dense union whose type ids are not 0..n-1 into the wrong child vectors:"
          + " IllegalArgumentException: Could not load buffers for field s: Utf8 ... Illegal buffer count");

  /** Files whose delta dictionary blocks arrow-java 19's ArrowFileReader ignores (apache/arrow#38168). */
  private static final Map<String, String> ARROW_JAVA_IGNORES_FILE_DELTAS = Map.of("dictionary_delta",
      "batch 2 indexes the entries the delta adds: AssertionError ... dictionary index 4 out of [0, 3)");

  /**
   * Bugs of our readers these tests find, by output ("case stream" / "case file") as "description [message
   * signature]" (owner: the IPC reader). Outputs that hit one assert that it still fails with that signature,
   * so a fix turns them red here. Fixed so far: files without a schema message after the magic (Arrow JS
   * writes none) and delta dictionaries appended after Arrow JS's padded data buffers.
   */
  private static final Map<String, String> KNOWN_QUIVER_BUGS = Map.of();

  @TempDir
  static Path dir;

  private static JsonNode manifest;

  @BeforeAll
  static void arrowJsWrites() {
    NodeScripts.require();
    NodeScripts.runOk("write.mjs", dir.toString());
    manifest = CanonicalJson.read(dir.resolve("manifest.json"));
  }

  /** (case, format) pairs of the manifest. */
  static Stream<String> outputs() {
    List<String> out = new ArrayList<>();
    for (JsonNode c : manifest.get("cases")) {
      for (String format : List.of("stream", "file")) {
        if (c.has(format)) {
          out.add(c.get("name").asText() + " " + format);
        }
      }
    }
    return out.stream();
  }

  @Test
  void arrowJsWritesEveryCase() {
    List<String> written = new ArrayList<>();
    manifest.get("cases").forEach(c -> written.add(c.get("name").asText()));
    StringBuilder problems = new StringBuilder();
    for (JsonNode failed : manifest.get("notWritten")) {
      problems.append("\n  ").append(failed.get("name").asText()).append(": ").append(failed.get("error").asText());
    }
    for (String name : REQUIRED_CASES) {
      if (!written.contains(name)) {
        problems.append("\n  missing case ").append(name);
      }
    }
    if (problems.length() > 0) {
      throw new AssertionError("write.mjs (Arrow JS " + manifest.get("arrowJsVersion").asText() + "):" + problems);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputs")
  void weReadWhatArrowJsWrote(String output) throws IOException {
    String name = output.substring(0, output.indexOf(' '));
    boolean isFile = output.endsWith(" file");
    byte[] bytes = Files.readAllBytes(dir.resolve(name + (isFile ? ".arrow" : ".arrows")));
    JsonNode expected = CanonicalJson.read(dir.resolve(name + ".expected.json"));

    String bug = KNOWN_QUIVER_BUGS.get(output);
    if (bug != null) {
      String signature = bug.substring(bug.indexOf('[') + 1, bug.indexOf(']'));
      assertThatThrownBy(() -> readAndCompare(output, bytes, isFile, expected))
          .as("known Quiver bug (" + bug + ") no longer happens on " + output
              + ": remove it from KNOWN_QUIVER_BUGS")
          .hasMessageContaining(signature);
      return;
    }
    readAndCompare(output, bytes, isFile, expected);
  }

  /**
   * Reads with our reader, compares with the expected JSON, then arrow-java with ours. For a file, also the
   * stream we serve for it (prefix and every batch): our reader and arrow-java's read the same values.
   */
  private static void readAndCompare(String output, byte[] bytes, boolean isFile, JsonNode expected) {
    String name = output.substring(0, output.indexOf(' '));
    Schema schema;
    List<RecordBatch> batches = new ArrayList<>();
    byte[] served = null;
    if (isFile) {
      FileReader reader = FileReader.open(ByteSource.of(ByteBuffer.wrap(bytes)), IpcLimits.defaults());
      schema = reader.schema();
      for (int i = 0; i < reader.batchCount(); i++) {
        batches.add(reader.readBatch(i));
      }
      served = servedStream(reader);
      assertServedStreamReadsTheSame(output, served, expected);
    } else {
      try (StreamReader reader = new StreamReader(new ByteArrayInputStream(bytes), IpcLimits.defaults())) {
        schema = reader.schema();
        while (reader.hasNext()) {
          batches.add(reader.next());
        }
      }
    }
    CanonicalJson.assertSame(expected, JsCanonical.of(schema, batches), "our reader on Arrow JS's " + output);
    if (isFile && ARROW_JAVA_IGNORES_FILE_DELTAS.containsKey(name)) {
      Schema s = schema;
      assertThatThrownBy(() -> assertArrowJavaReadsTheSame(output, bytes, true, s, batches, expected))
          .as("arrow-java was expected to ignore the delta dictionaries of " + output + " ("
              + ARROW_JAVA_IGNORES_FILE_DELTAS.get(name) + "); if it applies them now, compare its values")
          .hasMessageContaining("out of [0, ");
    } else {
      assertArrowJavaReadsTheSame(output, bytes, isFile, schema, batches, expected);
    }
    if (served != null) {
      assertArrowJavaReadsTheSame(output + " served as a stream", served, false, schema, batches, expected);
    }
  }

  /**
   * What we serve for a whole file: its stream prefix (a schema message, encoded from the footer when the
   * file has none, and every dictionary), every batch message, the end-of-stream marker.
   */
  private static byte[] servedStream(FileReader file) {
    ByteArrayOutputStream served = new ByteArrayOutputStream();
    List<ByteBuffer> parts = new ArrayList<>(List.of(file.streamPrefix()));
    for (int i = 0; i < file.batchCount(); i++) {
      parts.addAll(file.batchMessage(i));
    }
    for (ByteBuffer part : parts) {
      byte[] b = new byte[part.remaining()];
      part.duplicate().get(b);
      served.writeBytes(b);
    }
    served.writeBytes(IpcFormat.END_OF_STREAM);
    return served.toByteArray();
  }

  private static void assertServedStreamReadsTheSame(String output, byte[] served, JsonNode expected) {
    List<RecordBatch> batches = new ArrayList<>();
    try (StreamReader reader = new StreamReader(new ByteArrayInputStream(served), IpcLimits.defaults())) {
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
      CanonicalJson.assertSame(expected, JsCanonical.of(reader.schema(), batches),
          "the stream served for Arrow JS's " + output);
    }
  }

  /**
   * arrow-java reads the same bytes: the same data as ours (bridge), or for unions and views the expected
   * values. Streams go through the bridge's {@code ArrowJavaData.read}; files (Arrow JS writes no schema
   * message after the magic, which that method expects) and views through {@link ArrowJavaReads}.
   */
  private static void assertArrowJavaReadsTheSame(String output, byte[] bytes, boolean isFile, Schema schema,
      List<RecordBatch> batches, JsonNode expected) {
    String name = output.substring(0, output.indexOf(' '));
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator()) {
      if (ARROW_JAVA_CANNOT_READ.containsKey(name)) {
        assertThatThrownBy(() -> ArrowJavaReads.read(bytes, isFile, allocator).close())
            .as("arrow-java was expected to fail on " + output + " (" + ARROW_JAVA_CANNOT_READ.get(name)
                + "); if it reads it now, compare its values instead")
            .hasMessageContaining("Illegal buffer count");
        return;
      }
      boolean convertible = bridgeConverts(schema.fields());
      try (ArrowJavaData arrowJava = isFile || !convertible
          ? ArrowJavaReads.read(bytes, isFile, allocator)
          : ArrowJavaData.read(bytes, false, allocator)) {
        if (convertible) {
          ArrowJavaBridge.assertSameData(arrowJava, schema, batches);
        } else {
          CanonicalJson.assertSame(expected.get("batches"), ArrowJavaCanonical.batches(arrowJava),
              "arrow-java on Arrow JS's " + output);
        }
      }
    }
  }

  /** The test bridge converts every type but unions, views and run-end encoded arrays. */
  private static boolean bridgeConverts(List<Field> fields) {
    for (Field f : fields) {
      ArrowType t = f.type();
      if (t instanceof ArrowType.Union || t instanceof ArrowType.Utf8View || t instanceof ArrowType.BinaryView
          || t instanceof ArrowType.RunEndEncoded || !bridgeConverts(f.children())) {
        return false;
      }
    }
    return true;
  }
}
