package dev.quiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Every error status of the contract, as RFC 9457 problems with details a person can act on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorsApiTest extends HttpTestSupport.SharedStorage {
  private static final String UNKNOWN_ID = "abcdefghijklmnopqrstuvwxyz";

  @Test
  void malformedJsonIs400() throws Exception {
    JsonNode problem = assertProblem(post("/convert", JSON, null, "[{\"a\": 1}, {\"a\": tru"), 400);
    assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
    assertThat(problem.get("instance").asString()).isEqualTo("/convert");
    assertProblem(post("/convert", NDJSON, null, "{\"a\": 1}\n{\"a\"\n"), 400);
    assertProblem(post("/convert", JSON, null, "42"), 400);
  }

  @Test
  void conflictingJsonNamesTheField() throws Exception {
    assertProblem(post("/convert", JSON, null, "[{\"a\": 1}, {\"a\": \"x\"}]"), 400, "a");
  }

  @Test
  void malformedArrowIs400() throws Exception {
    assertProblem(post("/convert", STREAM, null, new byte[] {-1, -1, -1, -1, 16, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}), 400);
    assertProblem(post("/convert", FILE, null, "ARROW1 but not really".getBytes()), 400);
    assertProblem(post("/convert", FILE, null, ArrowJavaIo.sample(false, 2)), 400);
    byte[] stream = ArrowJavaIo.sample(false, 2);
    assertProblem(post("/convert", STREAM, null, java.util.Arrays.copyOf(stream, stream.length / 2)), 400);
  }

  @Test
  void badParametersAre400() throws Exception {
    String rows = ArrowJavaIo.sampleJson(0, 2);
    assertProblem(post("/convert?batchSize=0", JSON, null, rows), 400, "batchSize", "'0'");
    assertProblem(post("/convert?batchSize=-3", JSON, null, rows), 400, "batchSize");
    assertProblem(post("/convert?batchSize=abc", JSON, null, rows), 400, "batchSize", "abc");
    assertProblem(post("/convert?batchSize=1048577", JSON, null, rows), 400, "1048576");
    assertProblem(post("/files?batchSize=x", JSON, null, rows), 400, "batchSize");
    assertProblem(post("/convert?format=xml", JSON, null, rows), 400, "xml", "stream");
    assertProblem(post("/convert?compression=brotli", JSON, null, rows), 400, "brotli");
    assertProblem(get("/files", "not a media type"), 400, "Accept");
  }

  @Test
  void unknownIdsAre404() throws Exception {
    assertProblem(get("/files/" + UNKNOWN_ID, null), 404, UNKNOWN_ID);
    assertProblem(get("/files/" + UNKNOWN_ID + "/batches/0", null), 404, UNKNOWN_ID);
    assertProblem(delete("/files/" + UNKNOWN_ID), 404, UNKNOWN_ID);
  }

  @Test
  void malformedIdsAre404() throws Exception {
    for (String id : new String[] {"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "short", "..", "%2e%2e", "a.arrow",
        UNKNOWN_ID + "a", "abcdefghijklmnopqrstuvwxy1", "..%2f..%2fetc%2fpasswd"}) {
      HttpResponse<byte[]> response = get("/files/" + id, null);
      assertThat(response.statusCode()).as(id + ": " + text(response)).isIn(400, 404);
      if (response.statusCode() == 404) {
        assertThat(contentType(response)).as(id).startsWith("application/problem+json");
      }
    }
    assertProblem(get("/files/short/schema", null), 404, "'short'", "26 characters");
    assertProblem(delete("/files/a.arrow"), 404, "a.arrow");
  }

  @Test
  void batchIndexOutOfRangeIs404() throws Exception {
    HttpResponse<byte[]> created = post("/files", FILE, null, ArrowJavaIo.sample(true, 1, 1));
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    String id = json(created).get("id").asString();
    assertProblem(get("/files/" + id + "/batches/2", null), 404, "batch 2", "0..1");
    assertProblem(get("/files/" + id + "/batches/-1", null), 404, "batch -1");
    assertProblem(get("/files/" + id + "/batches/99999999999", JSON), 404);
    assertProblem(get("/files/" + id + "/batches/one", null), 400, "one");
  }

  @Test
  void nothingAcceptableIs406() throws Exception {
    String rows = ArrowJavaIo.sampleJson(0, 2);
    assertProblem(post("/convert", JSON, "text/csv", rows), 406, "text/csv", "format=");
    assertProblem(post("/convert", JSON, "application/json;q=0", rows), 406);
    assertProblem(get("/files", "text/html"), 406, "application/json");
    assertProblem(get("/files?format=stream", null), 406, "format=stream");
    assertProblem(post("/files", FILE, "application/x-ndjson", new byte[0]), 406);
  }

  @Test
  void compressedArrowOutputIsNegotiated() throws Exception {
    // details in CompressionApiTest
    String rows = ArrowJavaIo.sampleJson(0, 2);
    HttpResponse<byte[]> zstd = post("/convert?compression=zstd", JSON, null, rows);
    assertThat(zstd.statusCode()).as(text(zstd)).isEqualTo(200);
    assertThat(contentType(zstd)).isEqualTo(STREAM + "; codecs=zstd");
    HttpResponse<byte[]> fromAccept =
        post("/convert", JSON, STREAM + "; codecs=\"zstd, lz4\"", rows);
    assertThat(fromAccept.statusCode()).as(text(fromAccept)).isEqualTo(200);
    assertThat(contentType(fromAccept)).isEqualTo(STREAM + "; codecs=zstd");
    HttpResponse<byte[]> none = post("/convert?compression=none", JSON, null, rows);
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(contentType(none)).isEqualTo(STREAM);
  }

  @Test
  void invalidIntegrationJsonInputIsAClientError() throws Exception {
    String integration = "{\"schema\": {\"fields\": [{\"name\": \"a\", \"nullable\": true,"
        + " \"type\": {\"name\": \"int\", \"bitWidth\": 32, \"isSigned\": true}, \"children\": []}]},"
        + " \"batches\": [{\"count\": 2, \"columns\": [{\"name\": \"a\", \"count\": 1,"
        + " \"VALIDITY\": [1], \"DATA\": [7]}]}]}";
    assertProblem(post("/convert", JSON, null, integration), 400, "record batch 0", "count");
  }

  @Test
  void unsupportedContentTypeIs415() throws Exception {
    assertProblem(post("/convert", "text/csv", null, "a,b\n1,2\n"), 415, "text/csv",
        "application/vnd.apache.arrow.stream");
    assertProblem(post("/files", "application/xml", null, "<a/>"), 415, "application/xml");
    assertProblem(post("/convert", null, null, "[]"), 415, "Content-Type");
    HttpResponse<byte[]> form = http.send(HttpRequest.newBuilder(uri("/convert"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("a=1")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertProblem(form, 415, "x-www-form-urlencoded");
  }

  @Test
  void unknownPathsAndMethodsAreProblemsToo() throws Exception {
    assertProblem(get("/nothing-here", null), 404);
    HttpResponse<byte[]> put = http.send(HttpRequest.newBuilder(uri("/files"))
        .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertProblem(put, 405);
    assertThat(put.headers().firstValue("Allow")).isPresent();
  }
}
