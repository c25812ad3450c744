package dev.quiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the layering of architecture.md: the model, the codec and the JSON mapping know nothing of Spring,
 * and each package imports only the packages below it.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/quiver");

  @ParameterizedTest
  @ValueSource(strings = {"columnar", "ipc", "json"})
  void codecPackagesImportNoSpring(String pkg) throws IOException {
    assertEquals(List.of(), importsMatching(pkg, "import org.springframework"), pkg + " imports Spring");
  }

  @ParameterizedTest
  @ValueSource(strings = {"columnar"})
  void columnarImportsOnlyTheJdk(String pkg) throws IOException {
    List<String> bad = new ArrayList<>(importsMatching(pkg, "import org."));
    bad.addAll(importsMatching(pkg, "import com."));
    bad.addAll(importsMatching(pkg, "import tools."));
    bad.addAll(importsMatching(pkg, "import dev.quiver.ipc"));
    bad.addAll(importsMatching(pkg, "import dev.quiver.json"));
    assertEquals(List.of(), bad);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ipc"})
  void ipcImportsOnlyJdkFlatbuffersAndColumnar(String pkg) throws IOException {
    List<String> bad = new ArrayList<>(importsMatching(pkg, "import tools."));
    bad.addAll(importsMatching(pkg, "import dev.quiver.json"));
    bad.addAll(importsMatching(pkg, "import dev.quiver.store"));
    bad.addAll(importsMatching(pkg, "import dev.quiver.web"));
    assertEquals(List.of(), bad);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json"})
  void jsonDoesNotReachUp(String pkg) throws IOException {
    List<String> bad = new ArrayList<>(importsMatching(pkg, "import dev.quiver.store"));
    bad.addAll(importsMatching(pkg, "import dev.quiver.web"));
    assertEquals(List.of(), bad);
  }

  private static List<String> importsMatching(String pkg, String prefix) throws IOException {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith(prefix)) {
            hits.add(SOURCES.relativize(file) + ": " + line);
          }
        }
      }
    }
    return hits;
  }
}
