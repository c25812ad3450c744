package dev.quiver.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Open file descriptors and memory mappings of this JVM, from Linux's /proc/self. */
final class ProcSelf {
  private ProcSelf() {}

  static void assumeLinux() {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc/self");
  }

  static int openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count();
    }
  }

  /** File descriptors pointing into {@code dir} (deleted files included). */
  static int descriptorsUnder(Path dir) throws IOException {
    String prefix = dir.toAbsolutePath().normalize().toString();
    int n = 0;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith(prefix)) {
            n++;
          }
        } catch (IOException e) {
          // closed while listing
        }
      }
    }
    return n;
  }

  /** Lines of /proc/self/maps mapping a file under {@code dir} ("(deleted)" ones included). */
  static int mappingsUnder(Path dir) throws IOException {
    String prefix = dir.toAbsolutePath().normalize().toString();
    List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
    return (int) maps.stream().filter(line -> line.contains(prefix)).count();
  }

  /** Runs GCs until {@code condition} holds or {@code millis} pass; whether it held. */
  static boolean gcUntil(BooleanSupplier condition, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      System.gc();
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
