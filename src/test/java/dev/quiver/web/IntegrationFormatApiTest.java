package dev.quiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.GoldenFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Arrow integration JSON over HTTP: golden .json.gz bodies converted by POST /convert and stored by POST
 * /files, and stored files served with ?format=integration, each checked by arrow-java (its stream reader,
 * its JsonFileReader) against the golden JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntegrationFormatApiTest extends HttpTestSupport.SharedStorage {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<GoldenFiles.Case> cases() {
    return Stream.of(GoldenFiles.LITTLE_ENDIAN, GoldenFiles.SHARED_DICT, GoldenFiles.COMPRESSION)
        .flatMap(f -> GoldenFiles.cases(f).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void goldenJsonConvertsToAStreamArrowJavaReadsEqual(GoldenFiles.Case c) throws Exception {
    HttpResponse<byte[]> response = post("/convert", JSON, null, gunzip(c.jsonGz()));
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(STREAM);
    try (ArrowJavaData expected = reference(c);
        ArrowJavaData actual = ArrowJavaData.read(response.body(), false, allocator)) {
      ArrowJavaBridge.assertSameData(expected, actual);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void storedFileAsIntegrationJsonIsReadByArrowJavaEqual(GoldenFiles.Case c) throws Exception {
    HttpResponse<byte[]> created = post("/files", FILE, null, GoldenFiles.bytes(c.arrowFile()));
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    String id = json(created).get("id").asString();
    HttpResponse<byte[]> response = get("/files/" + id + "?format=integration", null);
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(JSON);
    try (ArrowJavaData expected = reference(c);
        ArrowJavaData actual = readIntegration(c, response.body())) {
      ArrowJavaBridge.assertSameData(expected, actual);
    }
  }

  @Test
  void oneBatchAsIntegrationJson() throws Exception {
    GoldenFiles.Case c = GoldenFiles.find(GoldenFiles.LITTLE_ENDIAN, "dictionary");
    HttpResponse<byte[]> created = post("/files", FILE, null, GoldenFiles.bytes(c.arrowFile()));
    String id = json(created).get("id").asString();
    HttpResponse<byte[]> response = get("/files/" + id + "/batches/1?format=integration", JSON);
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(JSON);
    JsonNode doc = MAPPER.readTree(response.body());
    assertThat(doc.propertyNames()).containsExactly("schema", "dictionaries", "batches");
    assertThat(doc.get("batches")).hasSize(1);
    // the same batch as the default per-batch Arrow stream, read by arrow-java
    HttpResponse<byte[]> stream = get("/files/" + id + "/batches/1", null);
    try (ArrowJavaData expected = ArrowJavaData.read(stream.body(), false, allocator);
        ArrowJavaData actual = readIntegration(c, response.body())) {
      assertThat(actual.batches()).hasSize(1);
      ArrowJavaBridge.assertSameData(expected, actual);
    }
  }

  @Test
  void acceptJsonAloneStillMeansRows() throws Exception {
    GoldenFiles.Case c = GoldenFiles.find(GoldenFiles.LITTLE_ENDIAN, "primitive");
    HttpResponse<byte[]> rows = post("/convert", STREAM, JSON, GoldenFiles.bytes(c.stream()));
    assertThat(rows.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(rows.body()).isArray()).isTrue();
    HttpResponse<byte[]> integration =
        post("/convert?format=integration", STREAM, JSON, GoldenFiles.bytes(c.stream()));
    assertThat(integration.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(integration.body()).has("batches")).isTrue();
    // ?format=integration overrides an Arrow Accept too
    HttpResponse<byte[]> overridden =
        post("/convert?format=integration", STREAM, STREAM, GoldenFiles.bytes(c.stream()));
    assertThat(contentType(overridden)).isEqualTo(JSON);
  }

  @Test
  void integrationJsonBodyIsStoredAsAFile() throws Exception {
    GoldenFiles.Case c = GoldenFiles.find(GoldenFiles.LITTLE_ENDIAN, "nested_dictionary");
    HttpResponse<byte[]> created = post("/files", JSON, null, gunzip(c.jsonGz()));
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    JsonNode info = json(created);
    String id = info.get("id").asString();
    HttpResponse<byte[]> file = get("/files/" + id, FILE);
    try (ArrowJavaData expected = reference(c);
        ArrowJavaData actual = ArrowJavaData.read(file.body(), true, allocator)) {
      ArrowJavaBridge.assertSameData(expected, actual);
      assertThat(info.get("batches").asInt()).isEqualTo(expected.batches().size());
    }
  }

  @Test
  void keysInAnyOrderAndRowsToIntegration() throws Exception {
    String body = "{\"batches\": [{\"columns\": [{\"DATA\": [7, 8], \"VALIDITY\": [1, 0], \"count\": 2,"
        + " \"name\": \"a\"}], \"count\": 2}],"
        + " \"schema\": {\"fields\": [{\"name\": \"a\", \"nullable\": true, \"children\": [],"
        + " \"type\": {\"name\": \"int\", \"bitWidth\": 32, \"isSigned\": true}}]}}";
    HttpResponse<byte[]> rows = post("/convert?format=json", JSON, null, body);
    assertThat(rows.statusCode()).as(text(rows)).isEqualTo(200);
    assertThat(text(rows)).isEqualTo("[{\"a\":7},{\"a\":null}]");
    HttpResponse<byte[]> integration = post("/convert?format=integration", JSON, null, "[{\"a\": 1}]");
    assertThat(text(integration)).isEqualTo("{\"schema\":{\"fields\":[{\"name\":\"a\",\"nullable\":true,"
        + "\"type\":{\"name\":\"int\",\"bitWidth\":64,\"isSigned\":true},\"children\":[]}]},"
        + "\"batches\":[{\"count\":1,\"columns\":[{\"name\":\"a\",\"count\":1,\"VALIDITY\":[1],\"DATA\":[\"1\"]}]}]}");
  }

  @Test
  void badIntegrationJsonIsA400NamingBatchAndField() throws Exception {
    String body = "{\"schema\": {\"fields\": [{\"name\": \"a\", \"nullable\": true, \"children\": [],"
        + " \"type\": {\"name\": \"int\", \"bitWidth\": 8, \"isSigned\": true}}]},"
        + " \"batches\": [{\"count\": 1, \"columns\": [{\"name\": \"a\", \"count\": 1, \"VALIDITY\": [1],"
        + " \"DATA\": [300]}]}]}";
    assertProblem(post("/convert", JSON, null, body), 400, "record batch 0", "\"a\"", "300");
    assertProblem(post("/files", JSON, null, body), 400, "record batch 0");
  }

  private ArrowJavaData reference(GoldenFiles.Case c) {
    try {
      return GoldenFiles.readJson(c, allocator);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort(e.getMessage());
      throw e;
    }
  }

  /** Our integration JSON read by arrow-java's JsonFileReader (through a .json.gz like the golden ones). */
  private ArrowJavaData readIntegration(GoldenFiles.Case c, byte[] json) throws IOException {
    Path gz = Files.createTempFile("quiver-http-" + c.name(), ".json.gz");
    try {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
        out.write(json);
      }
      return GoldenFiles.readJson(new GoldenFiles.Case(c.folder(), c.name(), c.arrowFile(), c.stream(), gz),
          allocator);
    } finally {
      Files.deleteIfExists(gz);
    }
  }

  private static byte[] gunzip(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
