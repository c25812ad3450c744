package dev.quiver.json.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.GoldenFiles;
import dev.quiver.ipc.ArrowFormatException;
import dev.quiver.ipc.ByteSource;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.json.JsonLimits;
import dev.quiver.json.RowsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden case of every arrow-testing integration folder (listed at run time): (i) our
 * IntegrationJsonReader reads the .json.gz to the same data arrow-java's JsonFileReader reads from it; (ii)
 * our IntegrationJsonWriter's JSON of the .arrow_file (read by our FileReader) is read by arrow-java's
 * JsonFileReader equal to the golden .json.gz. Where arrow-java cannot read a case, our own readers are
 * compared instead (JSON rows text of the JSON side and of the .arrow_file side), and the reason is printed.
 */
class IntegrationJsonGoldenTest {

  static Stream<GoldenFiles.Case> cases() throws IOException {
    Path dir = GoldenFiles.integrationDir();
    List<String> folders = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(folders::add);
    }
    return folders.stream().flatMap(f -> GoldenFiles.cases(f).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readerMatchesArrowJava(GoldenFiles.Case c) throws IOException {
    List<RecordBatch> ours = new ArrayList<>();
    Schema schema;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(c.jsonGz()));
        IntegrationJsonReader reader = new IntegrationJsonReader(in, JsonLimits.defaults())) {
      schema = reader.schema();
      while (reader.hasNext()) {
        ours.add(reader.next());
      }
    }
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator()) {
      ArrowJavaData reference;
      try {
        reference = GoldenFiles.readJson(c, allocator);
      } catch (UnsupportedOperationException e) {
        System.out.println("[integration] " + c + ": arrow-java cannot read the JSON (" + e.getMessage()
            + "); comparing with our FileReader's .arrow_file instead");
        assertSameRows(c, ours, readFile(c));
        return;
      }
      try (reference) {
        assertThat(ours).hasSize(reference.batches().size());
        ArrowJavaBridge.assertSameData(reference, schema, ours);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writerOutputIsReadByArrowJava(GoldenFiles.Case c) throws IOException {
    List<RecordBatch> file = readFile(c);
    Schema schema = fileSchema(c);
    byte[] json = write(schema, file);
    // our reader reads our writer's output back to the same values
    assertSameRows(c, file, read(json));
    Path gz = Files.createTempFile("quiver-" + c.name(), ".json.gz");
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator()) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
        out.write(json);
      }
      GoldenFiles.Case ours = new GoldenFiles.Case(c.folder(), c.name(), c.arrowFile(), c.stream(), gz);
      ArrowJavaData reference;
      try {
        reference = GoldenFiles.readJson(c, allocator);
      } catch (UnsupportedOperationException e) {
        System.out.println("[integration] " + c + ": arrow-java cannot read the golden JSON; checked through"
            + " our reader only");
        return;
      }
      try (reference; ArrowJavaData written = GoldenFiles.readJson(ours, allocator)) {
        ArrowJavaBridge.assertSameData(reference, written);
      }
    } finally {
      Files.deleteIfExists(gz);
    }
  }

  /**
   * JSON rows of every golden case (unions, intervals and nested dictionaries included), read back with the
   * same schema, give the same text. Golden values outside a type's domain (decimals over their precision,
   * time32[s] of a day or more) are refused by JSON rows input by design: those cases are skipped, saying why.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jsonRowsRoundTripOfTheGoldenData(GoldenFiles.Case c) throws IOException {
    List<RecordBatch> batches;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(c.jsonGz()))) {
      batches = read(in.readAllBytes());
    }
    for (RecordBatch original : batches) {
      if (original.length() == 0) {
        continue;
      }
      RecordBatch b = uniqueNames(original);
      String text = rows(b);
      List<RecordBatch> again;
      try (dev.quiver.json.RowsReader r = new dev.quiver.json.RowsReader(
          new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, b.schema(), b.length(),
          JsonLimits.defaults())) {
        again = new ArrayList<>();
        while (r.hasNext()) {
          again.add(r.next());
        }
      } catch (dev.quiver.json.JsonInputException e) {
        String m = e.getMessage();
        if (m.contains("does not fit decimal precision") || m.contains("24:00:00")
            || m.contains("duplicate key") || m.contains("time of day")) {
          Assumptions.abort(c + ": JSON rows refuse this golden data by design: " + m);
        }
        throw e;
      }
      assertThat(again).hasSize(1);
      assertThat(rows(again.get(0))).as(c.toString()).isEqualTo(text);
    }
  }

  /** The batch with repeated top-level names made unique (JSON rows need unique keys): "x", "x_2"... */
  private static RecordBatch uniqueNames(RecordBatch b) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<dev.quiver.columnar.Field> fields = new ArrayList<>();
    List<dev.quiver.columnar.ArrayData> columns = new ArrayList<>();
    for (int i = 0; i < b.columns().size(); i++) {
      dev.quiver.columnar.Field f = b.schema().field(i);
      String name = f.name();
      for (int k = 2; !seen.add(name); k++) {
        name = f.name() + "_" + k;
      }
      fields.add(f.withName(name));
      columns.add(b.column(i).withField(f.withName(name)));
    }
    return new RecordBatch(new Schema(fields, b.schema().metadata()), b.length(), columns);
  }

  static byte[] write(Schema schema, List<RecordBatch> batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (IntegrationJsonWriter w = new IntegrationJsonWriter(out, schema)) {
      for (RecordBatch b : batches) {
        w.write(b);
      }
      w.finish();
    }
    return out.toByteArray();
  }

  static List<RecordBatch> read(byte[] json) {
    List<RecordBatch> out = new ArrayList<>();
    try (IntegrationJsonReader r =
        new IntegrationJsonReader(new java.io.ByteArrayInputStream(json), JsonLimits.defaults())) {
      while (r.hasNext()) {
        out.add(r.next());
      }
    }
    return out;
  }

  private static FileReader open(GoldenFiles.Case c) {
    try {
      return FileReader.open(ByteSource.of(ByteBuffer.wrap(GoldenFiles.bytes(c.arrowFile()))),
          IpcLimits.defaults());
    } catch (ArrowFormatException e) {
      Assumptions.abort(c + ": our FileReader cannot read the .arrow_file yet: " + e.getMessage());
      throw e;
    }
  }

  private static Schema fileSchema(GoldenFiles.Case c) {
    return open(c).schema();
  }

  private static List<RecordBatch> readFile(GoldenFiles.Case c) {
    FileReader reader = open(c);
    List<RecordBatch> out = new ArrayList<>();
    try {
      for (int i = 0; i < reader.batchCount(); i++) {
        out.add(reader.readBatch(i));
      }
    } catch (ArrowFormatException e) {
      Assumptions.abort(c + ": our FileReader cannot read the .arrow_file yet: " + e.getMessage());
    }
    return out;
  }

  /** Same logical values: the JSON rows text of both sides (null slots are null whatever their bytes). */
  static void assertSameRows(GoldenFiles.Case c, List<RecordBatch> expected, List<RecordBatch> actual) {
    assertThat(actual).as(c + " batch count").hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(rows(actual.get(i))).as(c + " batch " + i).isEqualTo(rows(expected.get(i)));
    }
  }

  static String rows(RecordBatch b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RowsWriter w = new RowsWriter(out, true)) {
      w.write(b);
      w.finish();
    } catch (UncheckedIOException e) {
      throw e;
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
