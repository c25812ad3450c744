package dev.quiver.web.ops;

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

/** Base of the operations tests: a real server on a random port, called with java.net.http. */
abstract class OpsTestSupport {
  static final String STREAM = "application/vnd.apache.arrow.stream";
  static final String FILE = "application/vnd.apache.arrow.file";
  static final String JSON = "application/json";
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  /** Eight rows; with ?batchSize=2 four record batches. */
  static final String ROWS = "[{\"n\":1,\"s\":\"a\"},{\"n\":2,\"s\":\"b\"},{\"n\":3,\"s\":null},"
      + "{\"n\":4,\"s\":\"d\"},{\"n\":5,\"s\":\"e\"},{\"n\":6,\"s\":\"f\"},{\"n\":7,\"s\":\"g\"},"
      + "{\"n\":null,\"s\":\"h\"}]";

  /** Subclasses with no other configuration share one application context and storage directory. */
  abstract static class Shared extends OpsTestSupport {
    static final Path STORAGE = tempDir("quiver-ops-test");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
      registry.add("quiver.storage.dir", STORAGE::toString);
    }
  }

  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

  HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  HttpResponse<byte[]> post(String path, String contentType, byte[] body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  HttpResponse<byte[]> post(String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    return MAPPER.readTree(response.body());
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
