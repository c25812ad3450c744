package dev.quiver.web;

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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the HTTP tests: a real server on a random port (subclasses carry {@code @SpringBootTest}), called
 * with java.net.http.HttpClient. {@link SharedStorage} subclasses that configure nothing else share one
 * application context and one temporary storage directory.
 */
abstract class HttpTestSupport {
  static final String STREAM = ArrowMediaTypes.STREAM_VALUE;
  static final String FILE = ArrowMediaTypes.FILE_VALUE;
  static final String JSON = ArrowMediaTypes.JSON_VALUE;
  static final String NDJSON = ArrowMediaTypes.NDJSON_VALUE;
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  /** Subclasses sharing one temporary storage directory (and so one application context). */
  abstract static class SharedStorage extends HttpTestSupport {
    static final Path STORAGE = tempDir("quiver-web-test");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
      registry.add("quiver.storage.dir", STORAGE::toString);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://localhost:" + port + pathAndQuery);
  }

  HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> post(String path, String contentType, String accept, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> post(String path, String contentType, String accept, String body)
      throws IOException, InterruptedException {
    return post(path, contentType, accept, body.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> delete(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).DELETE().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    return MAPPER.readTree(response.body());
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static String contentType(HttpResponse<byte[]> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** Asserts an RFC 9457 problem with {@code status} whose detail contains every {@code fragment}. */
  static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String... fragments) {
    assertThat(response.statusCode()).as("status of %s", text(response)).isEqualTo(status);
    assertThat(contentType(response)).startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    String detail = problem.get("detail").asString();
    for (String fragment : fragments) {
      assertThat(detail).contains(fragment);
    }
    return problem;
  }
}
