package dev.quiver.jsinterop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import dev.quiver.ipc.FileWriter;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Arrow JS reads what we write: every arrow-java sample (issue #2's types, converted with the bridge) and
 * the hand-built intervals, unions, views and changing dictionaries ({@link HandBuiltData}) are written with
 * our StreamWriter and FileWriter; {@code node interop-js/read.mjs} must print, for each, the canonical JSON
 * that {@link JsCanonical} computes from the same batches on the Java side. All outputs are read by one node
 * run (starting node is the slow part); each case is then its own test.
 */
class JsReadsQuiverTest {
  @TempDir
  static Path dir;

  /** Per case: the expected canonical JSON and Arrow JS's answer per format ("result" or "error"). */
  private static final Map<String, ObjectNode> EXPECTED = new LinkedHashMap<>();
  private static final Map<String, JsonNode> ANSWERS = new LinkedHashMap<>();

  @BeforeAll
  static void writeAllAndReadWithArrowJs() throws IOException {
    NodeScripts.require();
    List<String> args = new ArrayList<>();
    for (String name : names()) {
      Written w = write(name);
      EXPECTED.put(name, w.expected());
      for (Map.Entry<String, Path> e : w.files().entrySet()) {
        args.add(e.getValue().toString());
        args.add(e.getKey());
      }
    }
    String out = NodeScripts.runOk("read.mjs", args.toArray(String[]::new));
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        JsonNode answer = CanonicalJson.parse(line, "a line of read.mjs output");
        ANSWERS.put(answer.get("path").asText(), answer);
      }
    }
  }

  static List<String> names() {
    List<String> names = new ArrayList<>(ArrowJavaSamples.names());
    HandBuiltData.cases().forEach(c -> names.add(c.name()));
    return names;
  }

  static Stream<String> cases() {
    return names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void arrowJsReadsOurStreamAndFile(String name) {
    Path stream = dir.resolve(name + ".arrows");
    assertAnswer(EXPECTED.get(name), stream, "stream");
    Path file = dir.resolve(name + ".arrow");
    if (Files.exists(file)) {
      assertAnswer(EXPECTED.get(name), file, "file");
    }
  }

  /** The failure path works: a truncated stream is an error naming the input, not a hang or garbage. */
  @Test
  void arrowJsRejectsTruncatedStream() throws IOException {
    byte[] whole = Files.readAllBytes(dir.resolve("int32.arrows"));
    Path truncated = dir.resolve("truncated.arrows");
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    NodeScripts.Result r = NodeScripts.run("read.mjs", truncated.toString(), "stream");
    if (r.exitCode() == 0) {
      throw new AssertionError("read.mjs accepted a truncated stream:\n" + r.stdout());
    }
    if (!r.stderr().contains("read.mjs")) {
      throw new AssertionError("no error message on stderr: " + r.stderr());
    }
  }

  private static void assertAnswer(ObjectNode expected, Path path, String format) {
    JsonNode answer = ANSWERS.get(path.toString());
    if (answer == null) {
      throw new AssertionError("read.mjs printed nothing for " + path.getFileName());
    }
    if (answer.has("error")) {
      throw new AssertionError("Arrow JS cannot read our " + format + " " + path.getFileName() + ":\n"
          + answer.get("error").asText());
    }
    ObjectNode withFormat = expected.deepCopy();
    withFormat.put("format", format);
    CanonicalJson.assertSame(withFormat, answer.get("result"),
        "Arrow JS reading our " + format + " " + path.getFileName());
  }

  private record Written(ObjectNode expected, Map<String, Path> files) {}

  private static Written write(String name) throws IOException {
    Schema schema;
    List<RecordBatch> batches;
    boolean streamOnly = false;
    HandBuiltData.Case hand = HandBuiltData.cases().stream()
        .filter(c -> c.name().equals(name)).findFirst().orElse(null);
    if (hand != null) {
      schema = hand.schema();
      batches = hand.batches();
      streamOnly = hand.streamOnly();
    } else {
      try (BufferAllocator allocator = ArrowJavaBridge.newAllocator();
          ArrowJavaData data = ArrowJavaSamples.data(name, allocator)) {
        schema = ArrowJavaBridge.toQuiverSchema(data.schema());
        batches = ArrowJavaBridge.toQuiver(data);
      }
    }
    Map<String, Path> files = new LinkedHashMap<>();
    Path stream = dir.resolve(name + ".arrows");
    Files.write(stream, writeStream(schema, batches));
    files.put("stream", stream);
    if (!streamOnly) {
      Path file = dir.resolve(name + ".arrow");
      Files.write(file, writeFile(schema, batches));
      files.put("file", file);
    }
    return new Written(JsCanonical.of(schema, batches), files);
  }

  static byte[] writeStream(Schema schema, List<RecordBatch> batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(out, schema, WriteOptions.defaults())) {
      writer.start();
      batches.forEach(writer::write);
      writer.end();
    }
    return out.toByteArray();
  }

  static byte[] writeFile(Schema schema, List<RecordBatch> batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(out, schema, WriteOptions.defaults())) {
      batches.forEach(writer::write);
      writer.finish();
    }
    return out.toByteArray();
  }
}
