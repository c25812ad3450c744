package dev.quiver.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the conformance suites: a real server on a random port over one temporary storage directory.
 * Subclasses carry the same {@code @SpringBootTest} and configure nothing else, so they share one
 * application context.
 */
abstract class ConformanceHttp {
  static final String STREAM = "application/vnd.apache.arrow.stream";
  static final String FILE = "application/vnd.apache.arrow.file";
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final Path STORAGE = tempDir();

  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    registry.add("quiver.storage.dir", STORAGE::toString);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("quiver-conformance");
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
    request.header("Content-Type", contentType);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> delete(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    return MAPPER.readTree(response.body());
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  static String contentType(HttpResponse<byte[]> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** Asserts a status, showing the body (a problem's detail) when it differs. */
  static void assertStatus(HttpResponse<byte[]> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new AssertionError(what + ": expected status " + status + " but was " + response.statusCode() + ": "
          + text(response));
    }
  }

  /**
   * Uploads an Arrow stream (POST /files), fetches every batch by index as a one-batch stream (with
   * {@code ?compression=codec} unless null: then the Content-Type must name it and every batch message be
   * compressed with it; else uncompressed) and returns the bytes of each; deletes the file at the end.
   * {@code expectedBatches} is checked against the upload's answer.
   */
  java.util.List<byte[]> uploadAndFetchBatches(byte[] stream, int expectedBatches, Codec codec)
      throws IOException, InterruptedException {
    String query = codec == null ? "" : "?compression=" + codec.suffix;
    String type = codec == null ? STREAM : STREAM + "; codecs=" + codec.suffix;
    HttpResponse<byte[]> created = post("/files", STREAM, null, stream);
    assertStatus(created, 201, "POST /files");
    String id = json(created).get("id").asString();
    try {
      int batches = json(created).get("batches").asInt();
      if (batches != expectedBatches) {
        throw new AssertionError("POST /files says " + batches + " batches, expected " + expectedBatches);
      }
      java.util.List<byte[]> out = new java.util.ArrayList<>();
      for (int i = 0; i < batches; i++) {
        HttpResponse<byte[]> batch = get("/files/" + id + "/batches/" + i + query, STREAM);
        assertStatus(batch, 200, "GET /files/{id}/batches/" + i);
        if (!contentType(batch).equals(type)) {
          throw new AssertionError("batch " + i + ": Content-Type " + contentType(batch) + ", expected " + type);
        }
        IpcMessages.assertCompressed("batch " + i + " served", batch.body(), false, codec == null ? -1 : codec.wire);
        out.add(batch.body());
      }
      return out;
    } finally {
      assertStatus(delete("/files/" + id), 204, "DELETE /files/{id}");
    }
  }
}
