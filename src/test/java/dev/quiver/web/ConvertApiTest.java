package dev.quiver.web;

import static dev.quiver.web.ArrowJavaIo.sampleRows;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** POST /convert between every pair of representations, checked value by value with arrow-java. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConvertApiTest extends HttpTestSupport.SharedStorage {

  @Test
  void jsonRowsGiveAnArrowStreamByDefault() throws Exception {
    HttpResponse<byte[]> response = post("/convert", JSON, null, ArrowJavaIo.sampleJson(0, 8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(STREAM);
    assertThat(ArrowJavaIo.rows(response.body(), false)).isEqualTo(sampleRows(0, 8));
  }

  @Test
  void starAcceptIsTheDefaultToo() throws Exception {
    HttpResponse<byte[]> response = post("/convert", JSON, "*/*", ArrowJavaIo.sampleJson(0, 3));
    assertThat(contentType(response)).isEqualTo(STREAM);
    HttpResponse<byte[]> back = post("/convert", STREAM, "*/*", response.body());
    assertThat(contentType(back)).isEqualTo(JSON);
  }

  @Test
  void jsonRowsToAFileWithBatchSize() throws Exception {
    HttpResponse<byte[]> response =
        post("/convert?format=file&batchSize=3", JSON, null, ArrowJavaIo.sampleJson(0, 8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(FILE);
    List<List<Map<String, Object>>> batches = ArrowJavaIo.read(response.body(), true);
    assertThat(batches).extracting(List::size).containsExactly(3, 3, 2);
    assertThat(ArrowJavaIo.rows(response.body(), true)).isEqualTo(sampleRows(0, 8));
  }

  @Test
  void acceptChoosesTheFileFormat() throws Exception {
    HttpResponse<byte[]> response = post("/convert", JSON, FILE, ArrowJavaIo.sampleJson(0, 5));
    assertThat(contentType(response)).isEqualTo(FILE);
    assertThat(ArrowJavaIo.rows(response.body(), true)).isEqualTo(sampleRows(0, 5));
  }

  @Test
  void formatOverridesAccept() throws Exception {
    HttpResponse<byte[]> response =
        post("/convert?format=ndjson", STREAM, FILE, ArrowJavaIo.sample(false, 2, 1));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(NDJSON);
    assertRowsJson(ndjsonRows(response), sampleRows(0, 3));
  }

  @Test
  void qualityValuesAreRespected() throws Exception {
    byte[] stream = ArrowJavaIo.sample(false, 2);
    HttpResponse<byte[]> ndjson =
        post("/convert", STREAM, "application/json;q=0.4, application/x-ndjson;q=0.9", stream);
    assertThat(contentType(ndjson)).isEqualTo(NDJSON);
    HttpResponse<byte[]> file =
        post("/convert", STREAM, "application/vnd.apache.arrow.file, */*;q=0.1", stream);
    assertThat(contentType(file)).isEqualTo(FILE);
    HttpResponse<byte[]> notJson =
        post("/convert", STREAM, "application/json;q=0, application/*;q=0.5", stream);
    assertThat(contentType(notJson)).isEqualTo(NDJSON);
  }

  @Test
  void arrowStreamGivesJsonRowsByDefault() throws Exception {
    HttpResponse<byte[]> response = post("/convert", STREAM, null, ArrowJavaIo.sample(false, 5, 0, 4));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(JSON);
    assertRowsJson(jsonRows(response), sampleRows(0, 9));
  }

  @Test
  void arrowStreamToStreamAndFile() throws Exception {
    byte[] stream = ArrowJavaIo.sample(false, 5, 0, 4);
    HttpResponse<byte[]> asStream = post("/convert?format=stream", STREAM, null, stream);
    assertThat(contentType(asStream)).isEqualTo(STREAM);
    assertThat(ArrowJavaIo.read(asStream.body(), false)).extracting(List::size).containsExactly(5, 0, 4);
    assertThat(ArrowJavaIo.rows(asStream.body(), false)).isEqualTo(sampleRows(0, 9));
    HttpResponse<byte[]> asFile = post("/convert", STREAM, FILE, stream);
    assertThat(contentType(asFile)).isEqualTo(FILE);
    assertThat(ArrowJavaIo.rows(asFile.body(), true)).isEqualTo(sampleRows(0, 9));
  }

  @Test
  void arrowFileToEverything() throws Exception {
    byte[] file = ArrowJavaIo.sample(true, 3, 3, 1);
    assertRowsJson(jsonRows(post("/convert", FILE, null, file)), sampleRows(0, 7));
    assertRowsJson(ndjsonRows(post("/convert", FILE, NDJSON, file)), sampleRows(0, 7));
    HttpResponse<byte[]> stream = post("/convert", FILE, STREAM, file);
    assertThat(contentType(stream)).isEqualTo(STREAM);
    assertThat(ArrowJavaIo.read(stream.body(), false)).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(ArrowJavaIo.rows(stream.body(), false)).isEqualTo(sampleRows(0, 7));
    HttpResponse<byte[]> again = post("/convert", FILE, FILE, file);
    assertThat(ArrowJavaIo.rows(again.body(), true)).isEqualTo(sampleRows(0, 7));
  }

  @Test
  void ndjsonInput() throws Exception {
    String ndjson = "{\"id\":1,\"name\":\"name-0\",\"score\":0.0}\n"
        + "{\"id\":2,\"name\":\"name-1\",\"score\":0.5}\n"
        + "{\"id\":3,\"name\":\"name-2\",\"score\":null}\n";
    HttpResponse<byte[]> response = post("/convert", NDJSON, null, ndjson);
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    assertThat(ArrowJavaIo.rows(response.body(), false)).isEqualTo(sampleRows(0, 3));
  }

  @Test
  void jsonToJsonAndContentTypeParameters() throws Exception {
    HttpResponse<byte[]> response = post("/convert?format=json", "application/json; charset=utf-8", null,
        ArrowJavaIo.sampleJson(0, 4));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(JSON);
    assertRowsJson(jsonRows(response), sampleRows(0, 4));
  }

  @Test
  void explicitSchemaIsKept() throws Exception {
    String body = "{\"schema\": {\"fields\": [{\"name\": \"n\", \"type\": \"uint64\", \"nullable\": false}]},"
        + " \"rows\": [{\"n\": 18446744073709551615}, {\"n\": 0}]}";
    HttpResponse<byte[]> stream = post("/convert", JSON, null, body);
    assertThat(stream.statusCode()).as(text(stream)).isEqualTo(200);
    HttpResponse<byte[]> rows = post("/convert", STREAM, null, stream.body());
    assertThat(text(rows)).contains("18446744073709551615");
  }

  @Test
  void emptyRowsGiveAnEmptyStream() throws Exception {
    String body = "{\"schema\": {\"fields\": [{\"name\": \"a\", \"type\": \"int32\"}]}, \"rows\": []}";
    HttpResponse<byte[]> stream = post("/convert", JSON, null, body);
    assertThat(stream.statusCode()).as(text(stream)).isEqualTo(200);
    assertThat(ArrowJavaIo.rows(stream.body(), false)).isEmpty();
    HttpResponse<byte[]> rows = post("/convert", STREAM, null, stream.body());
    assertThat(json(rows).isArray()).isTrue();
    assertThat(json(rows).size()).isZero();
  }

  static List<JsonNode> jsonRows(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(JSON);
    List<JsonNode> rows = new ArrayList<>();
    json(response).forEach(rows::add);
    return rows;
  }

  static List<JsonNode> ndjsonRows(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo(NDJSON);
    List<JsonNode> rows = new ArrayList<>();
    for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        rows.add(MAPPER.readTree(line));
      }
    }
    return rows;
  }

  /** JSON rows compared with expected plain values (numbers numerically). */
  static void assertRowsJson(List<JsonNode> actual, List<Map<String, Object>> expected) {
    assertThat(actual).hasSize(expected.size());
    for (int r = 0; r < expected.size(); r++) {
      JsonNode row = actual.get(r);
      assertThat(row.size()).as("row %d keys: %s", r, row).isEqualTo(expected.get(r).size());
      for (Map.Entry<String, Object> e : expected.get(r).entrySet()) {
        JsonNode value = row.get(e.getKey());
        String where = "row " + r + " field " + e.getKey() + ": " + row;
        if (e.getValue() == null) {
          assertThat(value.isNull()).as(where).isTrue();
        } else if (e.getValue() instanceof Long n) {
          assertThat(value.asLong()).as(where).isEqualTo(n);
        } else if (e.getValue() instanceof Double d) {
          assertThat(value.asDouble()).as(where).isEqualTo(d);
        } else {
          assertThat(value.asString()).as(where).isEqualTo(e.getValue());
        }
      }
    }
  }
}
