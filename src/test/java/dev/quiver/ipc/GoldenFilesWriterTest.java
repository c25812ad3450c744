package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.GoldenFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden files rewritten by our writers: every case's data (through the arrow-java bridge, and as our
 * own StreamReader decodes it, zero-copy views) is written as a stream and as a file, the framing is
 * checked, and arrow-java must read back exactly the golden JSON's data.
 */
class GoldenFilesWriterTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<GoldenFiles.Case> cases() {
    GoldenFiles.integrationDir();
    return Stream.of(GoldenFiles.LITTLE_ENDIAN, GoldenFiles.SHARED_DICT)
        .flatMap(f -> GoldenFiles.cases(f).stream());
  }

  static Stream<GoldenFiles.Case> supportedCases() {
    return cases().filter(GoldenFiles::supportedByIssue2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("supportedCases")
  void writesBridgedBatches(GoldenFiles.Case c) {
    try (ArrowJavaData reference = reference(c);
        ArrowJavaData stream = ArrowJavaData.read(GoldenFiles.bytes(c.stream()), false, allocator)) {
      Schema schema = ArrowJavaBridge.toQuiverSchema(stream.schema());
      List<RecordBatch> batches = ArrowJavaBridge.toQuiver(stream);
      assertWrittenEquals(reference, schema, batches);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writesBatchesOurReaderDecoded(GoldenFiles.Case c) {
    Schema schema;
    List<RecordBatch> batches = new ArrayList<>();
    try (StreamReader reader = new StreamReader(
        new ByteArrayInputStream(GoldenFiles.bytes(c.stream())), IpcLimits.defaults())) {
      schema = reader.schema();
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
    } catch (ArrowFormatException e) {
      Assumptions.abort("our reader rejects " + c + ": " + e.getMessage());
      return;
    }
    if (!arrowJavaReads(c)) {
      assertOurReadersReadBack(schema, batches);
      return;
    }
    try (ArrowJavaData reference = reference(c)) {
      assertWrittenEquals(reference, schema, batches);
    }
  }

  /** For data arrow-java cannot read (duplicate struct child names): our readers must get the same values. */
  private static void assertOurReadersReadBack(Schema schema, List<RecordBatch> batches) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(stream, schema, WriteOptions.defaults())) {
      batches.forEach(writer::write);
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(file, schema, WriteOptions.defaults())) {
      batches.forEach(writer::write);
    }
    WriterFraming.checkFile(file.toByteArray());
    List<RecordBatch> fromStream = new ArrayList<>();
    try (StreamReader reader = new StreamReader(
        new ByteArrayInputStream(stream.toByteArray()), IpcLimits.defaults())) {
      assertThat(reader.schema()).isEqualTo(schema);
      while (reader.hasNext()) {
        fromStream.add(reader.next());
      }
    }
    FileReader fileReader = FileReader.open(
        ByteSource.of(java.nio.ByteBuffer.wrap(file.toByteArray())), IpcLimits.defaults());
    assertThat(fileReader.schema()).isEqualTo(schema);
    assertThat(fromStream).hasSize(batches.size());
    assertThat(fileReader.batchCount()).isEqualTo(batches.size());
    for (int b = 0; b < batches.size(); b++) {
      RecordBatch fromFile = fileReader.readBatch(b);
      for (int col = 0; col < schema.size(); col++) {
        var expected = batches.get(b).column(col);
        assertThat(ArrayEquality.rangeEquals(expected, fromStream.get(b).column(col), expected.length()))
            .as("batch %d column %d from the stream", b, col).isTrue();
        assertThat(ArrayEquality.rangeEquals(expected, fromFile.column(col), expected.length()))
            .as("batch %d column %d from the file", b, col).isTrue();
      }
    }
  }

  private boolean arrowJavaReads(GoldenFiles.Case c) {
    try (ArrowJavaData ignored = ArrowJavaData.read(GoldenFiles.bytes(c.arrowFile()), true, allocator)) {
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void assertWrittenEquals(ArrowJavaData reference, Schema schema, List<RecordBatch> batches) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(stream, schema, WriteOptions.defaults())) {
      batches.forEach(writer::write);
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(file, schema, WriteOptions.defaults())) {
      batches.forEach(writer::write);
    }
    WriterFraming.checkStream(stream.toByteArray(), 0, stream.size());
    WriterFraming.checkFile(file.toByteArray());
    try (ArrowJavaData readStream = ArrowJavaData.read(stream.toByteArray(), false, allocator);
        ArrowJavaData readFile = ArrowJavaData.read(file.toByteArray(), true, allocator)) {
      ArrowJavaBridge.assertSameData(reference, readStream);
      ArrowJavaBridge.assertSameData(reference, readFile);
    }
  }

  /** The .json.gz read by arrow-java, else the .arrow_file; skips what arrow-java cannot read at all. */
  private ArrowJavaData reference(GoldenFiles.Case c) {
    try {
      return GoldenFiles.readJson(c, allocator);
    } catch (UnsupportedOperationException e) {
      try {
        return ArrowJavaData.read(GoldenFiles.bytes(c.arrowFile()), true, allocator);
      } catch (RuntimeException fileError) {
        Assumptions.abort("arrow-java cannot read " + c + ": " + fileError);
        throw fileError;
      }
    }
  }
}
