package dev.quiver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Memory stays bounded whatever the size of the data: the service runs as its own JVM with a small heap
 * ({@code -Xmx64m}, direct memory capped too, exiting on any OutOfMemoryError) and several times its heap of
 * generated data goes through every streaming path: {@code /convert} stream to file, file to stream, stream
 * to NDJSON, NDJSON to stream, and an upload to {@code /files} followed by downloads of the stored file and
 * of a batch. The client generates and consumes the bodies as they flow, so neither side holds them.
 *
 * <p>The size is {@code -Dquiver.bounded.bytes} (default 256MB per path) and the heap
 * {@code -Dquiver.bounded.heap} (default 64m); the 4 GB run in the README (Benchmarks) is this test with
 * {@code -Dquiver.bounded.bytes=4GB -Dquiver.bounded.heap=256m}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundedMemoryTest {
  private static final long BYTES = parseSize(System.getProperty("quiver.bounded.bytes", "256MB"));
  private static final String HEAP = System.getProperty("quiver.bounded.heap", "64m");
  /** Rows per batch for JSON input (the service's default, 65,536 rows of 220 bytes, needs about 128m). */
  private static final int JSON_BATCH_ROWS = Integer.getInteger("quiver.bounded.jsonBatchRows", 8192);
  private static final String STREAM = "application/vnd.apache.arrow.stream";
  private static final String FILE = "application/vnd.apache.arrow.file";
  private static final String NDJSON = "application/x-ndjson";

  private static Path work;
  private static Process service;
  private static Path log;
  private static int port;

  @BeforeAll
  static void startService() throws Exception {
    work = Files.createTempDirectory("quiver-bounded");
    log = work.resolve("service.log");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + HEAP, "-XX:MaxDirectMemorySize=" + HEAP, "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"),
        "dev.quiver.QuiverApplication",
        "--server.port=" + port, "--server.address=127.0.0.1",
        "--quiver.storage.dir=" + work.resolve("store"),
        "--quiver.limits.max-upload-bytes=" + (BYTES * 2 + (64 << 20)),
        "--logging.level.root=WARN"));
    service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      assertThat(service.isAlive()).as("service died at start:\n%s", logText()).isTrue();
      try {
        if (DuplexHttp.exchange(port, "GET", "/files", Map.of(), null, OutputStream.nullOutputStream())
            .status() == 200) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      assertThat(System.nanoTime()).as("service did not start:\n%s", logText()).isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  @AfterAll
  static void stopService() throws Exception {
    if (service != null) {
      service.destroy();
      if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        service.destroyForcibly().waitFor();
      }
    }
    if (work != null) {
      FileSystemUtils.deleteRecursively(work);
    }
  }

  @Test
  @Order(1)
  void streamToFile() throws Exception {
    int batches = GeneratedBodies.batchesFor(BYTES);
    Counted out = post("/convert", STREAM, FILE, () -> GeneratedBodies.stream(batches));
    assertThat(out.status).as(out.text()).isEqualTo(200);
    assertThat(new String(out.head, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
    assertThat(new String(Arrays.copyOfRange(out.tail, 10, 16), StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
    assertThat(out.bytes).isGreaterThan((long) batches * GeneratedBodies.batchBytes());
    assertAlive();
  }

  @Test
  @Order(2)
  void fileToStream() throws Exception {
    int batches = GeneratedBodies.batchesFor(BYTES);
    Counted out = post("/convert", FILE, STREAM, () -> {
      try {
        return GeneratedBodies.file(batches);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(out.status).as(out.text()).isEqualTo(200);
    assertThat(Arrays.copyOfRange(out.tail, 8, 16)).isEqualTo(GeneratedBodies.END_OF_STREAM);
    assertThat(out.bytes).isGreaterThan((long) batches * GeneratedBodies.batchBytes());
    assertAlive();
  }

  @Test
  @Order(3)
  void streamToNdjson() throws Exception {
    int batches = GeneratedBodies.batchesFor(BYTES);
    Counted out = post("/convert", STREAM, NDJSON, () -> GeneratedBodies.stream(batches));
    assertThat(out.status).as(out.text()).isEqualTo(200);
    assertThat(out.newlines).isEqualTo((long) batches * GeneratedBodies.ROWS_PER_BATCH);
    assertAlive();
  }

  @Test
  @Order(4)
  void ndjsonToStream() throws Exception {
    long rows = BYTES / GeneratedBodies.ndjsonRowBytes();
    // JSON rows are encoded a batch at a time; the first batch is also held as parsed rows for schema
    // inference, so the heap needed grows with batchSize x row size (never with the input's size).
    Counted out = post("/convert?batchSize=" + JSON_BATCH_ROWS, NDJSON, STREAM, () -> GeneratedBodies.ndjson(rows));
    assertThat(out.status).as(out.text()).isEqualTo(200);
    assertThat(Arrays.copyOfRange(out.tail, 8, 16)).isEqualTo(GeneratedBodies.END_OF_STREAM);
    assertThat(out.bytes).isGreaterThan(rows * GeneratedBodies.TEXT_BYTES);
    assertAlive();
  }

  @Test
  @Order(5)
  void uploadThenDownload() throws Exception {
    int batches = GeneratedBodies.batchesFor(BYTES);
    Counted created = post("/files", STREAM, "application/json", () -> GeneratedBodies.stream(batches));
    assertThat(created.status).as(created.text()).isEqualTo(201);
    JsonNode info = JsonMapper.builder().build().readTree(created.text());
    assertThat(info.get("rows").asLong()).isEqualTo((long) batches * GeneratedBodies.ROWS_PER_BATCH);
    assertThat(info.get("batches").asInt()).isEqualTo(batches);
    String id = info.get("id").asString();

    Counted whole = get("/files/" + id, FILE);
    assertThat(whole.status).isEqualTo(200);
    assertThat(whole.bytes).isEqualTo(info.get("bytes").asLong());
    Counted batch = get("/files/" + id + "/batches/" + (batches - 1), null);
    assertThat(batch.status).isEqualTo(200);
    assertThat(Arrays.copyOfRange(batch.tail, 8, 16)).isEqualTo(GeneratedBodies.END_OF_STREAM);
    Counted stream = get("/files/" + id, STREAM);
    assertThat(stream.status).isEqualTo(200);
    assertThat(stream.bytes).isGreaterThan((long) batches * GeneratedBodies.batchBytes());

    assertThat(exchange("DELETE", "/files/" + id, Map.of(), null).status).isEqualTo(204);
    assertAlive();
  }

  // ---- helpers ----

  private static void assertAlive() throws IOException {
    assertThat(service.isAlive()).as("the service exited:\n%s", logText()).isTrue();
    assertThat(logText()).doesNotContain("OutOfMemoryError");
  }

  private static String logText() {
    try {
      String text = Files.readString(log);
      return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static Counted get(String path, String accept) throws Exception {
    return exchange("GET", path, accept == null ? Map.of() : Map.of("Accept", accept), null);
  }

  private static Counted post(String path, String contentType, String accept, Supplier<InputStream> body)
      throws Exception {
    return exchange("POST", path, Map.of("Content-Type", contentType, "Accept", accept), body.get());
  }

  private static Counted exchange(String method, String path, Map<String, String> headers, InputStream body)
      throws Exception {
    Counted counted = new Counted();
    try {
      counted.status = DuplexHttp.exchange(port, method, path, headers, body, counted).status();
      return counted;
    } catch (IOException e) {
      throw new IOException(method + " " + path + " failed (service "
          + (service.isAlive() ? "alive" : "exited") + "); service log:\n" + logText(), e);
    }
  }

  /** A response body consumed as it arrives: its size, first and last 16 bytes, newline count. */
  private static final class Counted extends OutputStream {
    int status;
    long bytes;
    long newlines;
    final byte[] head = new byte[16];
    final byte[] tail = new byte[16];
    private final StringBuilder small = new StringBuilder();

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buf, int off, int n) {
      for (int i = off; i < off + n; i++) {
        if (buf[i] == '\n') {
          newlines++;
        }
      }
      if (bytes < 16) {
        System.arraycopy(buf, off, head, (int) bytes, (int) Math.min(n, 16 - bytes));
      }
      if (small.length() < 4096) {
        small.append(new String(buf, off, Math.min(n, 4096), StandardCharsets.UTF_8));
      }
      if (n >= 16) {
        System.arraycopy(buf, off + n - 16, tail, 0, 16);
      } else {
        System.arraycopy(tail, n, tail, 0, 16 - n);
        System.arraycopy(buf, off, tail, 16 - n, n);
      }
      bytes += n;
    }

    String text() {
      return small.toString();
    }
  }

  private static long parseSize(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT);
    long unit = 1;
    if (t.endsWith("GB")) {
      unit = 1L << 30;
    } else if (t.endsWith("MB")) {
      unit = 1L << 20;
    }
    return Long.parseLong(t.replaceAll("[^0-9]", "")) * unit;
  }
}
