package dev.quiver.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.QuiverApplication;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

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
        "--server.port=0", "--quiver.storage.dir=" + storage,
        "--spring.lifecycle.timeout-per-shutdown-phase=60s", "--spring.main.banner-mode=off");
    try {
      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      byte[] firstHalf = "{\"n\": 1}\n{\"n\": 2}\n".getBytes(StandardCharsets.UTF_8);
      byte[] secondHalf = "{\"n\": 3}\n".getBytes(StandardCharsets.UTF_8);
      try (Socket socket = new Socket("localhost", port)) {
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        // the headers and the first half of the body: the controller starts and waits for the rest
        out.write(("POST /files HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
            + "Content-Length: " + (firstHalf.length + secondHalf.length) + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.write(firstHalf);
        out.flush();
        assertThat(activeRequests(context, Duration.ofSeconds(30))).isPositive();

        CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
        // new connections are refused once the shutdown has begun, the running request goes on
        assertThat(refusesNewRequests(port, Duration.ofSeconds(30))).isTrue();
        assertThat(closed).isNotDone();

        out.write(secondHalf);
        out.flush();
        String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(response).startsWith("HTTP/1.1 201");
        assertThat(response).contains("\"rows\":3");
        Matcher id = Pattern.compile("\"id\":\"([a-z2-7]{26})\"").matcher(response);
        assertThat(id.find()).as(response).isTrue();
        closed.get(60, TimeUnit.SECONDS);
        assertThat(context.isActive()).isFalse();
        assertThat(storage.resolve(id.group(1) + ".arrow")).exists();
      }
    } finally {
      context.close();
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
