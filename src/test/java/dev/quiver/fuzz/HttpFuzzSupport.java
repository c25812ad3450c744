package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP fuzz and misuse tests: one real server on a random port with a temporary store and
 * small limits (so 413 is reachable), shared by the subclasses.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"quiver.limits.max-upload-bytes=2MB", "quiver.json.max-nesting-depth=16",
        "quiver.json.max-string-length=4096", "quiver.ipc.max-fields=500"})
abstract class HttpFuzzSupport {
  static final String STREAM = "application/vnd.apache.arrow.stream";
  static final String FILE = "application/vnd.apache.arrow.file";
  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";
  static final Path STORAGE = tempDir();

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    registry.add("quiver.storage.dir", STORAGE::toString);
  }

  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("quiver-fuzz-http");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<byte[]> send(String method, String path, String contentType, String accept, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> post(String path, String contentType, String accept, byte[] body)
      throws IOException, InterruptedException {
    return send("POST", path, contentType, accept, body);
  }

  HttpResponse<byte[]> post(String path, String contentType, String body) throws IOException, InterruptedException {
    return post(path, contentType, null, body.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
    return send("GET", path, null, accept, null);
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** A problem+json answer with {@code status} whose detail contains every fragment. */
  static void assertProblem(HttpResponse<byte[]> r, int status, String... fragments) {
    assertThat(r.statusCode()).as("status of %s", text(r)).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM);
    String body = text(r);
    assertThat(body).contains("\"status\":" + status);
    for (String fragment : fragments) {
      assertThat(body).contains(fragment);
    }
  }

  /** No stored file and no temporary file is left in the store. */
  static void assertStoreEmpty() throws IOException {
    try (Stream<Path> all = Files.walk(STORAGE)) {
      assertThat(all.filter(Files::isRegularFile).map(STORAGE::relativize).map(Path::toString))
          .as("files left in the store").isEmpty();
    }
  }
}
