package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HTTP misuse gets its contract status as problem+json, and a rejected upload leaves nothing behind:
 * Content-Type, Accept, empty bodies, ids, batch indexes, batchSize, JSON errors and every configured limit.
 */
class HttpMisuseTest extends HttpFuzzSupport {
  private byte[] validFile() {
    return Seeds.all().stream().filter(s -> s.name().equals("arrowjava-int32") && s.file()).findFirst()
        .orElseThrow().bytes();
  }

  @Test
  void contentTypeMissingOrUnsupportedIs415() throws Exception {
    assertProblem(post("/convert", null, null, validFile()), 415);
    assertProblem(post("/files", null, null, validFile()), 415);
    assertProblem(post("/convert", "text/plain", null, validFile()), 415);
    assertProblem(post("/files", "application/octet-stream", null, validFile()), 415);
    assertStoreEmpty();
  }

  @Test
  void unsupportedAcceptIs406() throws Exception {
    assertProblem(post("/convert", FILE, "image/png", validFile()), 406);
    assertProblem(get("/files", "application/vnd.apache.arrow.stream"), 406);
  }

  @Test
  void emptyBodiesAre400() throws Exception {
    for (String path : List.of("/convert", "/files")) {
      for (String type : List.of(STREAM, FILE, JSON, "application/x-ndjson")) {
        HttpResponse<byte[]> r = post(path, type, null, new byte[0]);
        if (type.equals("application/x-ndjson") && r.statusCode() / 100 == 2) {
          // zero rows of NDJSON is a valid empty input (a stored file of no batches)
          if (path.equals("/files")) {
            String id = text(r).replaceAll("(?s).*\"id\"\\s*:\\s*\"([a-z2-7]+)\".*", "$1");
            assertThat(send("DELETE", "/files/" + id, null, null, null).statusCode()).isEqualTo(204);
          }
          continue;
        }
        assertProblem(r, 400);
      }
    }
    assertStoreEmpty();
  }

  @Test
  void unknownAndMalformedIdsAre404() throws Exception {
    for (String id : List.of("aaaaaaaaaaaaaaaaaaaaaaaaaa", "abc", "..", "%2e%2e", "a.arrow",
        "AAAAAAAAAAAAAAAAAAAAAAAAAA", "a;b", "..;")) {
      for (String path : List.of("/files/" + id, "/files/" + id + "/schema", "/files/" + id + "/batches",
          "/files/" + id + "/batches/0")) {
        HttpResponse<byte[]> r = get(path, null);
        assertThat(r.statusCode()).as("GET %s: %s", path, text(r)).isIn(400, 404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as("GET %s", path).startsWith(PROBLEM);
      }
      HttpResponse<byte[]> deleted = send("DELETE", "/files/" + id, null, null, null);
      assertThat(deleted.statusCode()).as("DELETE %s", id).isIn(400, 404);
    }
    assertProblem(get("/files/aaaaaaaaaaaaaaaaaaaaaaaaaa", null), 404);
    assertProblem(get("/files/..", null), 404);
  }

  /** Tomcat refuses %2F, %5C and %00 before Spring sees the request; its error report is a problem too. */
  @Test
  void encodedSlashInAnIdIsAProblem() throws Exception {
    for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "abc%00def", "..%5C..%5Cwindows")) {
      for (String path : List.of("/files/" + id, "/files/" + id + "/batches/0")) {
        HttpResponse<byte[]> r = get(path, null);
        assertThat(r.statusCode()).as(path).isIn(400, 404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith(PROBLEM);
        assertThat(text(r)).as(path).contains("\"status\":" + r.statusCode()).contains("\"requestId\"");
        assertThat(r.headers().firstValue("X-Request-Id")).as(path).isPresent();
      }
    }
  }

  /** A few hundred bytes describing a billion null rows: 413 on every path, nothing stored. */
  @Test
  void aBatchOfABillionNullsIsA413() throws Exception {
    byte[] stream = BatchValuesLimitTest.nullStream(1 << 30, 1);
    assertProblem(post("/convert", STREAM, JSON, stream), 413, "values per batch");
    assertProblem(post("/convert", STREAM, "application/x-ndjson", stream), 413, "values per batch");
    assertProblem(post("/files", STREAM, null, stream), 413, "values per batch");
    assertStoreEmpty();
    String integration = "{\"schema\": {\"fields\": [{\"name\": \"n\", \"type\": {\"name\": \"null\"},"
        + " \"nullable\": true, \"children\": []}]}, \"batches\": [{\"count\": 1073741824, \"columns\":"
        + " [{\"name\": \"n\", \"count\": 1073741824}]}]}";
    assertProblem(post("/convert", JSON, JSON, integration.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        413, "values per batch");
  }

  @Test
  void encodedSlashOrNulInAnIdIsNeverServed() throws Exception {
    for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "abc%00def", "..%5C..%5Cwindows")) {
      assertThat(get("/files/" + id, null).statusCode()).as(id).isIn(400, 404);
      assertThat(get("/files/" + id + "/batches/0", null).statusCode()).as(id).isIn(400, 404);
    }
  }

  @Test
  void badBatchIndexesAndBatchSizes() throws Exception {
    HttpResponse<byte[]> created = post("/files", FILE, null, validFile());
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    String id = text(created).replaceAll("(?s).*\"id\"\\s*:\\s*\"([a-z2-7]+)\".*", "$1");
    try {
      assertThat(get("/files/" + id + "/batches/9223372036854775808", null).statusCode()).isIn(400, 404);
      for (String index : List.of("-1", "3", "1099511627776", "-1099511627776")) {
        assertProblem(get("/files/" + id + "/batches/" + index, null), 404);
      }
      for (String index : List.of("abc", "1.5", "0x1")) {
        assertProblem(get("/files/" + id + "/batches/" + index, null), 400);
      }
      assertThat(get("/files/" + id + "/batches/2", null).statusCode()).isEqualTo(200);
    } finally {
      assertThat(send("DELETE", "/files/" + id, null, null, null).statusCode()).isEqualTo(204);
    }
    for (String size : List.of("0", "-1", "abc", "99999999999")) {
      assertProblem(post("/convert?batchSize=" + size, JSON, "[]"), 400, "batchSize");
    }
    assertStoreEmpty();
  }

  @Test
  void jsonErrorsNameTheRowAndTheField() throws Exception {
    assertProblem(post("/convert", JSON, "[{\"a\": 1}, {\"a\": }]"), 400);
    assertProblem(post("/convert", JSON,
        "{\"schema\": {\"fields\": [{\"name\": \"a\", \"type\": \"int8\", \"nullable\": true}]},"
            + " \"rows\": [{\"a\": 1}, {\"a\": 1000}]}"), 400, "row 1", "a");
    assertProblem(post("/convert", JSON,
        "{\"schema\": {\"fields\": [{\"name\": \"a\", \"type\": \"int33\", \"nullable\": true}]}, \"rows\": []}"),
        400, "int33");
    assertProblem(post("/convert", JSON, "[{\"a\": 1}, {\"a\": \"x\"}]"), 400, "row 1", "a");
    assertProblem(post("/files", JSON, "[{\"a\": {\"b\": 1}}, {\"a\": {\"b\": [1]}}]"), 400, "row 1", "a.b");
    assertStoreEmpty();
  }

  @Test
  void limitsAre413() throws Exception {
    // JSON nesting depth (limit 16) and string length (limit 4096)
    assertProblem(post("/convert", JSON, "[{\"a\": " + "[".repeat(40) + "]".repeat(40) + "}]"), 413);
    assertProblem(post("/files", JSON, "[{\"a\": \"" + "x".repeat(5000) + "\"}]"), 413);
    // request body size (limit 2MB)
    byte[] big = new byte[3 << 20];
    assertProblem(post("/files", FILE, null, big), 413);
    assertProblem(post("/convert", FILE, null, big), 413);
    // column count (quiver.ipc.max-fields=500)
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      fields.add(Field.of("c" + i, ArrowType.INT32, true));
    }
    byte[] wide = Seeds.writeStream(new Schema(fields, Map.of()), List.of());
    assertProblem(post("/convert", STREAM, null, wide), 413, "500");
    assertProblem(post("/files", STREAM, null, wide), 413, "500");
    // nesting depth of fields (limit 64)
    Field deep = Field.of("leaf", ArrowType.INT32, true);
    for (int i = 0; i < 70; i++) {
      deep = Field.of("s" + i, ArrowType.STRUCT, true, deep);
    }
    assertProblem(post("/files", STREAM, null, Seeds.writeStream(new Schema(List.of(deep), Map.of()), List.of())),
        413, "nesting");
    // a body claiming a terabyte is refused before anything is allocated
    Seeds.Seed s = Seeds.all().stream().filter(x -> x.name().equals("arrowjava-int32") && !x.file()).findFirst()
        .orElseThrow();
    IpcLayout.Message firstBatch = s.layout().messages.get(1);
    IpcLayout.Slot bodyLength = s.layout().slots.stream().filter(x -> x.kind() == IpcLayout.Kind.BODY_LENGTH
        && x.position() > firstBatch.metadataStart() && x.position() < firstBatch.bodyStart()).findFirst().orElseThrow();
    byte[] claim = s.bytes().clone();
    IpcLayout.write(claim, bodyLength.position(), 8, 1L << 40);
    assertProblem(post("/convert", STREAM, null, claim), 413, "1099511627776");
    assertStoreEmpty();
    assertThat(get("/files", null).statusCode()).isEqualTo(200);
  }
}
