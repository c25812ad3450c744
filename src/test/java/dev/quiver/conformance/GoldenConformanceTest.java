package dev.quiver.conformance;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.GoldenFiles;
import dev.quiver.ipc.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Conformance over every case of every folder of the Arrow project's integration golden files (folders and
 * cases are listed when the suite runs: a new folder needs no code change). Per case, tests named
 * {@code <folder>/<case>/<step>}:
 *
 * <ul>
 *   <li>{@code read-stream}, {@code read-file}: the golden {@code .stream} / {@code .arrow_file} read by our
 *       readers equal (schema and values) to the {@code .json.gz} ground truth;
 *   <li>{@code write-stream}, {@code write-file}: the ground truth written by our writers, read back by
 *       arrow-java equal to it;
 *   <li>{@code http}: the golden stream uploaded ({@code POST /files}), every batch fetched by index as a
 *       stream ({@code GET /files/{id}/batches/{i}}) and read by arrow-java equal to that batch of the
 *       ground truth.
 * </ul>
 *
 * Outcomes go to {@code target/conformance/results-golden.json} (see {@link Outcomes}); known failures are
 * listed with their reasons in {@link KnownFailures}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GoldenConformanceTest extends ConformanceHttp {
  static final String SUITE = "golden";

  @AfterAll
  static void writeOutcomes() {
    Outcomes.write(SUITE);
  }

  @TestFactory
  Stream<DynamicNode> golden() throws IOException {
    List<DynamicNode> folders = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(GoldenFiles.integrationDir())) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String folder = dir.getFileName().toString();
        List<DynamicNode> cases = new ArrayList<>();
        for (GoldenFiles.Case c : GoldenFiles.cases(folder)) {
          cases.add(DynamicContainer.dynamicContainer(c.toString(), steps(c)));
        }
        folders.add(DynamicContainer.dynamicContainer(folder, cases));
      }
    }
    return folders.stream();
  }

  private Stream<DynamicNode> steps(GoldenFiles.Case c) {
    Set<String> features = GoldenTruth.features(c);
    Supplier<GoldenTruth> loaded = memoize(() -> GoldenTruth.load(c));
    Supplier<GoldenTruth> truth = () -> {
      GoldenTruth t = loaded.get();
      if (!t.arrowJavaReads()) {
        Steps.note("arrow-java cannot read this case (duplicate field names): ground truth from our integration"
            + " JSON reader, results read back with our readers");
      }
      return t;
    };
    String id = c.toString();
    List<DynamicNode> steps = new ArrayList<>();
    steps.add(Steps.step(SUITE, id, "read-stream", Column.STREAM_READ, features,
        () -> read(c, truth.get(), false, null)));
    steps.add(Steps.step(SUITE, id, "read-file", Column.FILE_READ, features,
        () -> read(c, truth.get(), true, null)));
    for (Codec codec : Codec.values()) {
      Set<String> compressed = GeneratedCases.with(features, codec.feature);
      steps.add(Steps.step(SUITE, id, "read-stream-" + codec.suffix, Column.STREAM_READ, compressed,
          () -> read(c, truth.get(), false, codec)));
      steps.add(Steps.step(SUITE, id, "read-file-" + codec.suffix, Column.FILE_READ, compressed,
          () -> read(c, truth.get(), true, codec)));
    }
    steps.add(Steps.step(SUITE, id, "write-stream", Column.STREAM_WRITE, features,
        () -> write(c, truth.get(), false, null)));
    steps.add(Steps.step(SUITE, id, "write-file", Column.FILE_WRITE, features,
        () -> write(c, truth.get(), true, null)));
    for (Codec codec : Codec.values()) {
      Set<String> compressed = GeneratedCases.with(features, codec.feature);
      steps.add(Steps.step(SUITE, id, "write-stream-" + codec.suffix, Column.STREAM_WRITE, compressed,
          () -> write(c, truth.get(), false, codec)));
      steps.add(Steps.step(SUITE, id, "write-file-" + codec.suffix, Column.FILE_WRITE, compressed,
          () -> write(c, truth.get(), true, codec)));
    }
    steps.add(Steps.step(SUITE, id, "http", Column.HTTP, features, () -> http(c, truth.get(), null)));
    for (Codec codec : Codec.values()) {
      steps.add(Steps.step(SUITE, id, "http-" + codec.suffix, Column.HTTP,
          GeneratedCases.with(features, codec.feature), () -> http(c, truth.get(), codec)));
    }
    return steps.stream();
  }

  /**
   * Our reader over the golden stream or file ({@code codec} null), or over the ground truth written by
   * arrow-java with body compression {@code codec}.
   */
  private static void read(GoldenFiles.Case c, GoldenTruth truth, boolean isFile, Codec codec) {
    byte[] bytes;
    if (codec == null) {
      bytes = GoldenFiles.bytes(isFile ? c.arrowFile() : c.stream());
    } else {
      bytes = truth.arrowJavaCompressed(isFile, codec);
      IpcMessages.assertCompressed(c + " written by arrow-java", bytes, isFile, codec.wire);
    }
    Quiver.Read ours = Quiver.read(bytes, isFile);
    String what = c + (isFile ? " file" : " stream") + (codec == null ? "" : " (arrow-java, " + codec.suffix + ")")
        + " read by Quiver";
    // arrow-java's writer may rename fields (a list's child holding a nested dictionary becomes "$data$"):
    // what it wrote is the schema to read back
    org.apache.arrow.vector.types.pojo.Schema expected = codec == null ? truth.schema() : messageSchema(bytes, isFile);
    Compare.schemas(what, expected, ours.schema());
    Compare.rows(what, truth.rows(), Compare.rows(ours.batches()));
  }

  private static org.apache.arrow.vector.types.pojo.Schema messageSchema(byte[] bytes, boolean isFile) {
    try {
      return ArrowJavaRows.messageSchema(bytes, isFile);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Our writer (with body compression {@code codec}, or none), read back by arrow-java. */
  private static void write(GoldenFiles.Case c, GoldenTruth truth, boolean isFile, Codec codec) {
    Schema schema;
    List<RecordBatch> batches;
    if (truth.batches() != null) {
      schema = dev.quiver.interop.ArrowJavaBridge.toQuiverSchema(truth.schema());
      batches = truth.batches();
      if (!batches.isEmpty()) {
        schema = batches.get(0).schema();
      }
    } else {
      // types the bridge does not convert: the data as our reader reads the golden stream (checked by read-stream)
      Quiver.Read read = Quiver.readStream(GoldenFiles.bytes(c.stream()));
      schema = read.schema();
      batches = read.batches();
    }
    WriteOptions options = codec == null ? WriteOptions.defaults() : WriteOptions.of(codec.ours);
    byte[] written = Quiver.write(schema, batches, options, isFile);
    if (codec != null) {
      IpcMessages.assertCompressed(c + " written by Quiver", written, isFile, codec.wire);
    }
    String what = c + (isFile ? " file" : " stream") + (codec == null ? "" : " (" + codec.suffix + ")")
        + " written by Quiver, read by " + (truth.arrowJavaReads() ? "arrow-java" : "Quiver");
    ArrowJavaRows back = readBack(truth, written, isFile);
    Compare.schemas(what, truth.schema(), back.schema());
    Compare.rows(what, truth.rows(), back.batches());
  }

  /** IPC bytes read by arrow-java, or by our readers when arrow-java cannot read the case's data. */
  private static ArrowJavaRows readBack(GoldenTruth truth, byte[] bytes, boolean isFile) {
    if (truth.arrowJavaReads()) {
      return ArrowJavaRows.read(bytes, isFile);
    }
    Quiver.Read read = Quiver.read(bytes, isFile);
    return new ArrowJavaRows(dev.quiver.interop.ArrowJavaBridge.toArrowJavaSchema(read.schema()),
        Compare.rows(read.batches()));
  }

  private void http(GoldenFiles.Case c, GoldenTruth truth, Codec codec) throws Exception {
    List<byte[]> served = uploadAndFetchBatches(GoldenFiles.bytes(c.stream()), truth.rows().size(), codec);
    for (int i = 0; i < served.size(); i++) {
      ArrowJavaRows batch = readBack(truth, served.get(i), false);
      String what = c + " batch " + i + " served over HTTP" + (codec == null ? "" : " (" + codec.suffix + ")");
      Compare.schemas(what, truth.schema(), batch.schema());
      Compare.rows(what, List.of(truth.rows().get(i)), batch.batches());
    }
  }

  /** A supplier computing once, on first use (the truth is loaded by the first step that needs it). */
  static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
