package dev.quiver.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.QuiverApplication;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graceful shutdown: an upload still being received when the application is asked to stop is completed
 * and stored (201), while new connections are refused; then the application stops.
 */
class GracefulShutdownTest {
  @TempDir
  Path storage;

  @Test
  void aRunningUploadFinishesWhileShuttingDown() throws Exception {
    ConfigurableApplicationContext context = SpringApplication.run(QuiverApplication.class,
        "--server.port=0", "--quiver.storage.dir=" + storage, "--spring.lifecycle.timeout-per-shutdown-phase=60s",
        "--spring.main.banner-mode=off");
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    CountDownLatch firstHalfSent = new CountDownLatch(1);
    CountDownLatch sendTheRest = new CountDownLatch(1);
    byte[] firstHalf = "{\"n\": 1}\n{\"n\": 2}\n".getBytes(StandardCharsets.UTF_8);
    byte[] secondHalf = "{\"n\": 3}\n".getBytes(StandardCharsets.UTF_8);
    InputStream slowBody = new InputStream() {
      private int part;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (part == 0) {
          part = 1;
          firstHalfSent.countDown();
          return copy(firstHalf, b, off);
        }
        if (part == 1) {
          part = 2;
          try {
            sendTheRest.await();
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
          return copy(secondHalf, b, off);
        }
        return -1;
      }

      private int copy(byte[] from, byte[] to, int off) {
        System.arraycopy(from, 0, to, off, from.length);
        return from.length;
      }
    };
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CompletableFuture<HttpResponse<byte[]>> upload = http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/files"))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slowBody))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
    CompletableFuture<Void> closed = null;
    try {
      assertThat(firstHalfSent.await(30, TimeUnit.SECONDS)).isTrue();
      // the request is running on the server (the controller waits for the rest of the body)
      assertThat(activeRequests(context, Duration.ofSeconds(30))).isPositive();
      closed = CompletableFuture.runAsync(context::close);
      // new connections are refused once the shutdown has begun
      assertThat(refusesNewRequests(port, Duration.ofSeconds(30))).isTrue();
      assertThat(upload).isNotDone();
      assertThat(closed).isNotDone();
    } finally {
      sendTheRest.countDown();
    }
    HttpResponse<byte[]> response = upload.get(60, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    JsonNode info = JsonMapper.builder().build().readTree(response.body());
    assertThat(info.get("rows").asLong()).isEqualTo(3);
    closed.get(60, TimeUnit.SECONDS);
    assertThat(context.isActive()).isFalse();
    assertThat(storage.resolve(info.get("id").asString() + ".arrow")).exists();
    try (var left = Files.list(storage.resolve(".tmp"))) {
      assertThat(left).isEmpty();
    }
  }

  /** The requests running on the server once there is one (http.server.requests.active), or 0. */
  private static int activeRequests(ConfigurableApplicationContext context, Duration within)
      throws InterruptedException {
    MeterRegistry registry = context.getBean(MeterRegistry.class);
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      int active = registry.find("http.server.requests.active").longTaskTimers().stream()
          .mapToInt(LongTaskTimer::activeTasks).sum();
      if (active > 0) {
        return active;
      }
      Thread.sleep(50);
    }
    return 0;
  }

  private static boolean refusesNewRequests(int port, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      try {
        HttpResponse<Void> response = fresh.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                .timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 503) {
          return true;
        }
      } catch (IOException e) {
        return true; // refused or timed out: not accepting
      }
      Thread.sleep(100);
    }
    return false;
  }
}
