package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.GoldenFiles;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden .stream and .arrow_file of arrow-testing (all folders present), read with our readers and
 * compared value by value with arrow-java reading the same bytes, and with the case's JSON ground truth.
 * Compressed cases (2.0.0-compression: LZ4_FRAME, ZSTD, buffers stored raw with -1) are read like the others.
 */
class GoldenFilesTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<GoldenFiles.Case> cases() throws Exception {
    List<GoldenFiles.Case> cases = new ArrayList<>();
    try (Stream<java.nio.file.Path> folders = Files.list(GoldenFiles.integrationDir())) {
      for (java.nio.file.Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        cases.addAll(GoldenFiles.cases(folder.getFileName().toString()));
      }
    }
    return cases.stream();
  }

  /** Why a case cannot be read yet, or null when it must be read. */
  static String unsupported(GoldenFiles.Case c) {
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsEqualToArrowJava(GoldenFiles.Case c) throws Exception {
    byte[] stream = Files.readAllBytes(c.stream());
    byte[] file = Files.readAllBytes(c.arrowFile());
    String why = unsupported(c);
    if (why != null) {
      assertThatThrownBy(() -> readStream(stream)).isInstanceOf(ArrowFormatException.class)
          .hasMessageContaining(why).hasMessageContaining("not supported yet");
      assertThatThrownBy(() -> readFile(file)).isInstanceOf(ArrowFormatException.class)
          .hasMessageContaining(why).hasMessageContaining("not supported yet");
      return;
    }
    Read fromStream = readStream(stream);
    Read fromFile = readFile(file);
    assertThat(rows(fromFile)).isEqualTo(rows(fromStream));
    if (ARROW_JAVA_CANNOT_READ.contains(c.name())) {
      System.out.println("[golden] " + c + ": arrow-java cannot read it; our stream and file reads agree");
      return;
    }
    compare(stream, false, fromStream);
    compare(file, true, fromFile);
  }

  /**
   * Cases arrow-java 19 itself fails on ("not all nodes, buffers ... were consumed": its StructVector keys
   * children by name, and duplicate_fieldnames has two children named ""). For those only our own stream
   * and file reads are compared, value by value.
   */
  private static final java.util.Set<String> ARROW_JAVA_CANNOT_READ = java.util.Set.of("duplicate_fieldnames");

  private static List<List<List<String>>> rows(Read read) {
    return read.batches().stream().map(ReaderTestValues::rows).toList();
  }

  record Read(Schema schema, List<RecordBatch> batches) {}

  private void compare(byte[] bytes, boolean isFile, Read ours) {
    try (ArrowJavaData theirs = ArrowJavaData.read(bytes, isFile, allocator)) {
      assertThat(ours.batches()).hasSize(theirs.batches().size());
      ArrowJavaBridge.assertSameData(theirs, ours.schema(), ours.batches());
    }
  }

  static Read readStream(byte[] bytes) {
    try (StreamReader reader = new StreamReader(new ByteArrayInputStream(bytes), IpcLimits.defaults())) {
      Schema schema = reader.schema();
      List<RecordBatch> batches = new ArrayList<>();
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
      assertThat(reader.bytesRead()).isEqualTo(bytes.length);
      return new Read(schema, batches);
    }
  }

  static Read readFile(byte[] bytes) {
    FileReader reader = FileReader.open(ByteSource.of(ByteBuffer.wrap(bytes)), IpcLimits.defaults());
    List<RecordBatch> batches = new ArrayList<>();
    for (int i = 0; i < reader.batchCount(); i++) {
      batches.add(reader.readBatch(i));
      assertThat(reader.batchRows(i)).isEqualTo(batches.get(i).length());
    }
    return new Read(reader.schema(), batches);
  }
}
