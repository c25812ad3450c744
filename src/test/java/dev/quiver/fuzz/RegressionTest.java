package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.ipc.IpcLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Replays every input the fuzzer ever kept: each must now read or be rejected with a format error. */
class RegressionTest {
  @TestFactory
  Stream<DynamicTest> everyKeptInputReadsOrIsRejected() throws Exception {
    Path folder = Regressions.folder();
    List<Path> inputs;
    try (Stream<Path> files = Files.list(folder)) {
      inputs = files.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
    }
    assertThat(inputs).as("regression inputs in %s", folder).isNotEmpty();
    return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      boolean file = p.getFileName().toString().startsWith("file-");
      try (FuzzTarget target = new FuzzTarget(IpcLimits.defaults(), 10_000)) {
        target.run(Files.readAllBytes(p), file); // throws Failure on anything but a read or a format error
      }
    }));
  }
}
