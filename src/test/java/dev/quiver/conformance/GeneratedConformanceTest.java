package dev.quiver.conformance;

import dev.quiver.ipc.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Conformance over the cases the golden files lack ({@link GeneratedCases}), generated with arrow-java and
 * checked both ways, uncompressed and with each codec. Tests named {@code generated/<case>/<step>}:
 * {@code read-stream[-codec]} / {@code read-file[-codec]} (arrow-java writes, our readers read equal to the
 * vectors arrow-java built), {@code write-stream[-codec]} / {@code write-file[-codec]} (what we read,
 * written by our writers, read back by arrow-java equal), and {@code http} (arrow-java's stream uploaded,
 * every batch fetched by index as a stream and read by arrow-java equal). Cases the file format cannot hold
 * (dictionary replacements) have no file steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedConformanceTest extends ConformanceHttp {
  static final String SUITE = "generated";

  @AfterAll
  static void writeOutcomes() {
    Outcomes.write(SUITE);
  }

  @TestFactory
  Stream<DynamicNode> generated() {
    List<DynamicNode> cases = new ArrayList<>();
    for (GeneratedCases.Spec spec : GeneratedCases.all()) {
      cases.add(DynamicContainer.dynamicContainer("generated/" + spec.name(), steps(spec)));
    }
    return cases.stream();
  }

  private Stream<DynamicNode> steps(GeneratedCases.Spec spec) {
    String id = "generated/" + spec.name();
    Set<String> features = spec.features();
    List<DynamicNode> steps = new ArrayList<>();
    List<Boolean> formats = spec.fileable() ? List.of(false, true) : List.of(false);
    for (boolean file : formats) {
      String format = file ? "file" : "stream";
      Column read = file ? Column.FILE_READ : Column.STREAM_READ;
      Column write = file ? Column.FILE_WRITE : Column.STREAM_WRITE;
      steps.add(Steps.step(SUITE, id, "read-" + format, read, features, () -> read(spec, file, null)));
      steps.add(Steps.step(SUITE, id, "write-" + format, write, features, () -> write(spec, file, null)));
      for (Codec codec : Codec.values()) {
        Set<String> compressed = GeneratedCases.with(features, codec.feature);
        steps.add(Steps.step(SUITE, id, "read-" + format + "-" + codec.suffix, read, compressed,
            () -> read(spec, file, codec)));
        steps.add(Steps.step(SUITE, id, "write-" + format + "-" + codec.suffix, write, compressed,
            () -> write(spec, file, codec)));
      }
    }
    steps.add(Steps.step(SUITE, id, "http", Column.HTTP, features, () -> http(spec, null)));
    for (Codec codec : Codec.values()) {
      steps.add(Steps.step(SUITE, id, "http-" + codec.suffix, Column.HTTP, GeneratedCases.with(features, codec.feature),
          () -> http(spec, codec)));
    }
    steps.add(Steps.step(SUITE, id, "http-convert", Column.HTTP, features, () -> httpConvert(spec)));
    return steps.stream();
  }

  /** decimal32 and decimal64: our writer checked at byte level, our reader, the HTTP API. */
  @TestFactory
  Stream<DynamicNode> smallDecimals() {
    List<DynamicNode> cases = new ArrayList<>();
    for (SmallDecimals.Spec spec : SmallDecimals.all()) {
      String id = "generated/" + spec.name();
      Set<String> features = Set.of(spec.name());
      List<DynamicNode> steps = new ArrayList<>();
      for (boolean file : List.of(false, true)) {
        String format = file ? "file" : "stream";
        steps.add(Steps.step(SUITE, id, "write-" + format, file ? Column.FILE_WRITE : Column.STREAM_WRITE,
            features, () -> {
              SmallDecimals.assertWire(spec, writeDecimals(spec, file, null), file);
              Steps.note(SMALL_DECIMALS);
            }));
        steps.add(Steps.step(SUITE, id, "read-" + format, file ? Column.FILE_READ : Column.STREAM_READ, features,
            () -> readDecimals(spec, writeDecimals(spec, file, null), file, null)));
        for (Codec codec : Codec.values()) {
          steps.add(Steps.step(SUITE, id, "write-" + format + "-" + codec.suffix,
              file ? Column.FILE_WRITE : Column.STREAM_WRITE, GeneratedCases.with(features, codec.feature),
              () -> readDecimals(spec, writeDecimals(spec, file, codec), file, codec)));
        }
      }
      steps.add(Steps.step(SUITE, id, "http", Column.HTTP, features, () -> {
        List<byte[]> served = uploadAndFetchBatches(writeDecimals(spec, false, null), spec.batches().size(), null);
        for (int i = 0; i < served.size(); i++) {
          Compare.rows(spec.name() + " batch " + i + " served over HTTP, read by Quiver",
              List.of(spec.rows().get(i)), Compare.rows(Quiver.readStream(served.get(i)).batches()));
        }
        Steps.note(SMALL_DECIMALS);
      }));
      cases.add(DynamicContainer.dynamicContainer(id, steps));
    }
    return cases.stream();
  }

  private static final String SMALL_DECIMALS = "decimal32/decimal64 are checked at byte level and with our own"
      + " reader: arrow-java 19 has no Decimal32/64 vectors";

  private static byte[] writeDecimals(SmallDecimals.Spec spec, boolean file, Codec codec) {
    WriteOptions options = codec == null ? WriteOptions.defaults() : WriteOptions.of(codec.ours);
    byte[] bytes = Quiver.write(spec.schema(), spec.recordBatches(), options, file);
    if (codec != null) {
      IpcMessages.assertCompressed(spec.name() + " written by Quiver", bytes, file, codec.wire);
    }
    return bytes;
  }

  private static void readDecimals(SmallDecimals.Spec spec, byte[] bytes, boolean file, Codec codec) {
    Quiver.Read read = Quiver.read(bytes, file);
    String what = spec.name() + " " + (file ? "file" : "stream") + (codec == null ? "" : " (" + codec.suffix + ")")
        + " read by Quiver";
    if (!read.schema().equals(spec.schema())) {
      throw new AssertionError(what + ": schema " + read.schema() + ", expected " + spec.schema());
    }
    Compare.rows(what, spec.rows(), Compare.rows(read.batches()));
    Steps.note(SMALL_DECIMALS);
  }

  /** What arrow-java wrote and the rows it must read as. */
  private record Written(byte[] bytes, org.apache.arrow.vector.types.pojo.Schema schema,
      List<List<List<String>>> rows) {}

  private static Written arrowJava(GeneratedCases.Spec spec, boolean file, Codec codec) {
    try (BufferAllocator allocator = new RootAllocator(); ArrowJavaCase c = spec.build().apply(allocator)) {
      byte[] bytes = c.write(file, codec == null ? CompressionUtil.CodecType.NO_COMPRESSION : codec.arrowJava);
      org.apache.arrow.vector.types.pojo.Schema schema;
      try {
        schema = ArrowJavaRows.messageSchema(bytes, file);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      List<List<List<String>>> rows = c.rows(schema);
      // arrow-java must read its own bytes as the vectors it built, or the case itself is broken
      Compare.rows(spec + ": arrow-java reading its own " + (file ? "file" : "stream"), rows,
          readByArrowJava(spec, bytes, file).batches());
      if (codec != null) {
        IpcMessages.assertCompressed(spec + " written by arrow-java", bytes, file, codec.wire);
      }
      return new Written(bytes, schema, rows);
    }
  }

  private static void read(GeneratedCases.Spec spec, boolean file, Codec codec) {
    Written w = arrowJava(spec, file, codec);
    Quiver.Read ours = Quiver.read(w.bytes(), file);
    String what = spec + " " + (file ? "file" : "stream") + (codec == null ? "" : " (" + codec.suffix + ")")
        + " written by arrow-java, read by Quiver";
    Compare.schemas(what, w.schema(), ours.schema());
    Compare.rows(what, w.rows(), Compare.rows(ours.batches()));
  }

  private static void write(GeneratedCases.Spec spec, boolean file, Codec codec) {
    Written w = arrowJava(spec, false, null);
    Quiver.Read ours = Quiver.readStream(w.bytes());
    WriteOptions options = codec == null ? WriteOptions.defaults() : WriteOptions.of(codec.ours);
    byte[] written = Quiver.write(ours.schema(), ours.batches(), options, file);
    if (codec != null) {
      IpcMessages.assertCompressed(spec + " written by Quiver", written, file, codec.wire);
    }
    assertDictionaryMessages(spec, written, file);
    ArrowJavaRows back = readByArrowJava(spec, written, file);
    if (file) {
      // our file reader too: the footer's blocks lead to the same batches
      Compare.rows(spec + " file written by Quiver, read by Quiver", w.rows(),
          Compare.rows(Quiver.readFile(written).batches()));
    }
    String what = spec + " " + (file ? "file" : "stream") + (codec == null ? "" : " (" + codec.suffix + ")")
        + " written by Quiver, read by arrow-java";
    Compare.schemas(what, w.schema(), back.schema());
    Compare.rows(what, w.rows(), back.batches());
  }

  /**
   * arrow-java reading IPC bytes. arrow-java 19's ArrowFileReader loads one dictionary block per dictionary
   * id and ignores the later (delta) blocks of the footer, so a file with deltas is read through its
   * embedded stream (the file's messages after the 8-byte magic), which arrow-java's stream reader decodes
   * with the deltas applied.
   */
  private static ArrowJavaRows readByArrowJava(GeneratedCases.Spec spec, byte[] bytes, boolean file) {
    if (file && spec.features().contains("dictionary delta")) {
      Steps.note("arrow-java checks files with delta dictionaries through their embedded stream: its file reader"
          + " ignores delta blocks");
      ArrowJavaRows embedded = ArrowJavaRows.read(java.util.Arrays.copyOfRange(bytes, 8, bytes.length), false);
      return embedded;
    }
    return ArrowJavaRows.read(bytes, file);
  }

  /** Our writer sends growing dictionaries as deltas and changed ones as replacements. */
  private static void assertDictionaryMessages(GeneratedCases.Spec spec, byte[] written, boolean file) {
    List<String> kinds = new ArrayList<>();
    for (IpcMessages.Msg m : IpcMessages.of(written, file)) {
      if (m.headerType() == MessageHeader.DictionaryBatch) {
        kinds.add(m.dictionaryBatch().isDelta() ? "delta" : "full");
      }
    }
    List<String> expected = switch (spec.name()) {
      case "dictionary_delta" -> List.of("full", "delta", "delta");
      case "dictionary_replacement" -> List.of("full", "full");
      default -> List.of();
    };
    if (!kinds.equals(expected)) {
      throw new AssertionError(spec + ": our writer sent dictionary messages " + kinds + ", expected " + expected);
    }
  }

  /** POST /convert from arrow-java's stream to a stream, read by arrow-java. */
  private void httpConvert(GeneratedCases.Spec spec) throws Exception {
    Written w = arrowJava(spec, false, null);
    java.net.http.HttpResponse<byte[]> converted = post("/convert", STREAM, STREAM, w.bytes());
    assertStatus(converted, 200, "POST /convert");
    ArrowJavaRows back = ArrowJavaRows.read(converted.body(), false);
    String what = spec + " converted by POST /convert, read by arrow-java";
    Compare.schemas(what, w.schema(), back.schema());
    Compare.rows(what, w.rows(), back.batches());
  }

  private void http(GeneratedCases.Spec spec, Codec codec) throws Exception {
    Written w = arrowJava(spec, false, null);
    List<byte[]> served = uploadAndFetchBatches(w.bytes(), w.rows().size(), codec);
    for (int i = 0; i < served.size(); i++) {
      ArrowJavaRows batch = ArrowJavaRows.read(served.get(i), false);
      String what = spec + " batch " + i + " served over HTTP" + (codec == null ? "" : " (" + codec.suffix + ")")
          + ", read by arrow-java";
      Compare.schemas(what, w.schema(), batch.schema());
      Compare.rows(what, List.of(w.rows().get(i)), batch.batches());
    }
  }
}
