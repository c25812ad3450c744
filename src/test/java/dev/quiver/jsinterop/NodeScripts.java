package dev.quiver.jsinterop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Arrow JS scripts of {@code interop-js/} (at the repository root) with {@code node}.
 *
 * <p>They need {@code node} on the PATH and {@code interop-js/node_modules} installed from the lockfile
 * ({@code npm ci --prefix interop-js}). When either is missing, {@link #require()} skips the calling test,
 * unless the environment has {@code CI=true}: then it fails, saying what to install.
 *
 * <p>Each run has a timeout; a script still running then is destroyed and the run fails. Output goes to
 * temporary files (no pipe can fill up), and stderr is part of every failure message.
 */
final class NodeScripts {
  /** How long one script may run (the machine is small and shared). */
  static final long TIMEOUT_SECONDS = 120;

  /** The exit code, stdout and stderr of one script run. */
  record Result(int exitCode, String stdout, String stderr) {}

  private NodeScripts() {}

  /** The {@code interop-js} folder (the working directory of tests is the repository root). */
  static Path dir() {
    return Path.of(System.getProperty("user.dir"), "interop-js");
  }

  /** Skips the calling test (fails it when CI=true) unless node and the npm dependencies are installed. */
  static Path require() {
    Path node = findNode();
    String missing = null;
    if (node == null) {
      missing = "node is not on the PATH";
    } else if (!Files.isRegularFile(dir().resolve("node_modules/apache-arrow/package.json"))) {
      missing = "Arrow JS is not installed in " + dir().resolve("node_modules");
    }
    if (missing != null) {
      String message = missing + ": run `npm ci --prefix interop-js` (needs Node 20+) for the Arrow JS interop tests";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message + " (CI=true: these tests must run)");
      }
      Assumptions.abort(message);
    }
    return node;
  }

  /** Runs {@code node interop-js/<script> args...}; fails the test on a timeout, not on a non-zero exit. */
  static Result run(String script, String... args) {
    Path node = require();
    List<String> command = new ArrayList<>();
    command.add(node.toString());
    command.add(dir().resolve(script).toString());
    command.addAll(List.of(args));
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("quiver-node-", ".out");
      err = Files.createTempFile("quiver-node-", ".err");
      Process process = new ProcessBuilder(command)
          .directory(dir().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      boolean finished;
      try {
        finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while running " + command, e);
      }
      if (!finished) {
        process.destroyForcibly();
        waitQuietly(process);
        throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + command
            + "\nstderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("running " + command, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  /** Like {@link #run} but fails (with stderr in the message) when the script exits non-zero. */
  static String runOk(String script, String... args) {
    Result r = run(script, args);
    if (r.exitCode() != 0) {
      throw new AssertionError("node " + script + " " + String.join(" ", args) + " exited with "
          + r.exitCode() + "\nstderr:\n" + r.stderr());
    }
    return r.stdout();
  }

  private static Path findNode() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, windows ? "node.exe" : "node");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static String nullDevice() {
    return System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null";
  }

  private static void waitQuietly(Process process) {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
    }
  }
}
