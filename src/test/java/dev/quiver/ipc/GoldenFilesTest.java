package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.RecordBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden .stream and .arrow_file of arrow-testing, read with our readers. */
class GoldenFilesTest {

  static Stream<Arguments> cases() throws IOException {
    String shared = System.getProperty("quiver.shared.dir");
    Path integration = shared == null ? null : Path.of(shared, "arrow-testing", "integration");
    if (integration == null || !Files.isDirectory(integration)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("golden files not found (quiver.shared.dir=" + shared + ")");
      }
      Assumptions.abort("golden files not found (quiver.shared.dir=" + shared + ")");
    }
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> folders = Files.list(integration)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path stream : files.filter(p -> p.toString().endsWith(".stream")).sorted().toList()) {
            String name = stream.getFileName().toString().replace(".stream", "");
            cases.add(Arguments.of(folder.getFileName() + "/" + name, stream,
                stream.resolveSibling(name + ".arrow_file")));
          }
        }
      }
    }
    return cases.stream();
  }

  /** Why a case cannot be read yet, or null when it must be read. */
  static String unsupported(Path stream) {
    return stream.getParent().getFileName().toString().contains("compression") ? "body compression" : null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void streamAndFileReadTheSame(String name, Path stream, Path file) throws IOException {
    String why = unsupported(stream);
    if (why != null) {
      assertThatThrownBy(() -> readStream(stream)).isInstanceOf(ArrowFormatException.class)
          .hasMessageContaining(why).hasMessageContaining("not supported yet");
      assertThatThrownBy(() -> readFile(file)).isInstanceOf(ArrowFormatException.class)
          .hasMessageContaining(why).hasMessageContaining("not supported yet");
      return;
    }
    List<RecordBatch> fromStream = readStream(stream);
    List<RecordBatch> fromFile = readFile(file);
    assertThat(fromFile).hasSameSizeAs(fromStream);
    for (int i = 0; i < fromStream.size(); i++) {
      assertThat(fromFile.get(i).length()).isEqualTo(fromStream.get(i).length());
    }
  }

  static List<RecordBatch> readStream(Path stream) throws IOException {
    List<RecordBatch> batches = new ArrayList<>();
    try (InputStream in = Files.newInputStream(stream);
        StreamReader reader = new StreamReader(in, IpcLimits.defaults())) {
      reader.schema();
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
      assertThat(reader.bytesRead()).isEqualTo(Files.size(stream));
    }
    return batches;
  }

  static List<RecordBatch> readFile(Path file) throws IOException {
    FileReader reader = FileReader.open(ByteSource.of(ByteBuffer.wrap(Files.readAllBytes(file))),
        IpcLimits.defaults());
    List<RecordBatch> batches = new ArrayList<>();
    for (int i = 0; i < reader.batchCount(); i++) {
      batches.add(reader.readBatch(i));
    }
    return batches;
  }
}
