package dev.quiver.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service run as a separate JVM (dev.quiver.QuiverApplication on this test's class path), on a free
 * port chosen by the server, over a given storage directory; killed with SIGKILL by {@link #kill()}.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Pattern STARTED = Pattern.compile("started on port (\\d+)");

  private final Process process;
  private final Path log;
  private final int port;

  private ServiceProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static ServiceProcess start(Path storage, Path log, long timeoutMillis) throws IOException,
      InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.quiver.QuiverApplication",
        "--server.port=0", "--quiver.storage.dir=" + storage, "--spring.main.banner-mode=off",
        "--spring.jmx.enabled=false", "--springdoc.api-docs.enabled=false",
        "--springdoc.swagger-ui.enabled=false"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    try {
      while (System.nanoTime() < deadline) {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = STARTED.matcher(text);
        if (m.find()) {
          return new ServiceProcess(process, log, Integer.parseInt(m.group(1)));
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + tail(text));
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("the service did not start within " + timeoutMillis + " ms:\n"
          + tail(Files.readString(log, StandardCharsets.UTF_8)));
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw e;
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** SIGKILL (Process.destroyForcibly on Linux), then waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private static String tail(String text) {
    return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
  }
}
