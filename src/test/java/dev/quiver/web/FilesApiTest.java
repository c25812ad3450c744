package dev.quiver.web;

import static dev.quiver.web.ArrowJavaIo.sampleRows;
import static dev.quiver.web.ConvertApiTest.assertRowsJson;
import static dev.quiver.web.ConvertApiTest.jsonRows;
import static dev.quiver.web.ConvertApiTest.ndjsonRows;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** The /files endpoints: storing, every way of reading back, listing, deleting. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilesApiTest extends HttpTestSupport.SharedStorage {

  @Test
  void uploadAFileAndReadItBackEveryWay() throws Exception {
    byte[] file = ArrowJavaIo.sample(true, 2, 2, 2, 2);
    HttpResponse<byte[]> created = post("/files", FILE, null, file);
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    JsonNode info = json(created);
    String id = info.get("id").asString();
    assertThat(id).matches("[a-z2-7]{26}");
    assertThat(created.headers().firstValue("Location")).contains("/files/" + id);
    assertThat(contentType(created)).startsWith(JSON);
    assertThat(info.get("batches").asInt()).isEqualTo(4);
    assertThat(info.get("rows").asLong()).isEqualTo(8);
    assertThat(info.get("bytes").asLong()).isEqualTo(file.length);
    assertThat(info.get("created").asString()).isNotBlank();
    assertSampleSchema(info.get("schema"));

    HttpResponse<byte[]> metadata = get("/files/" + id, null);
    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(json(metadata)).isEqualTo(info);
    assertThat(json(get("/files/" + id, JSON))).isEqualTo(info);

    HttpResponse<byte[]> whole = get("/files/" + id, FILE);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(contentType(whole)).isEqualTo(FILE);
    assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(file.length);
    assertThat(whole.body()).isEqualTo(file);
    assertThat(get("/files/" + id + "?format=file", null).body()).isEqualTo(file);

    HttpResponse<byte[]> stream = get("/files/" + id, STREAM);
    assertThat(contentType(stream)).isEqualTo(STREAM);
    assertThat(stream.headers().firstValueAsLong("Content-Length")).hasValue(stream.body().length);
    assertThat(ArrowJavaIo.read(stream.body(), false)).extracting(List::size).containsExactly(2, 2, 2, 2);
    assertThat(ArrowJavaIo.rows(stream.body(), false)).isEqualTo(sampleRows(0, 8));

    HttpResponse<byte[]> schema = get("/files/" + id + "/schema", null);
    assertThat(contentType(schema)).startsWith(JSON);
    assertSampleSchema(json(schema));

    assertBatchListMatchesTheFooter(id, file);

    HttpResponse<byte[]> batch3 = get("/files/" + id + "/batches/3", null);
    assertThat(batch3.statusCode()).isEqualTo(200);
    assertThat(contentType(batch3)).isEqualTo(STREAM);
    assertThat(ArrowJavaIo.read(batch3.body(), false)).containsExactly(sampleRows(6, 8));
    HttpResponse<byte[]> batch3File = get("/files/" + id + "/batches/3", FILE);
    assertThat(contentType(batch3File)).isEqualTo(FILE);
    assertThat(ArrowJavaIo.read(batch3File.body(), true)).containsExactly(sampleRows(6, 8));
    assertRowsJson(jsonRows(get("/files/" + id + "/batches/3", JSON)), sampleRows(6, 8));
    assertRowsJson(ndjsonRows(get("/files/" + id + "/batches/1?format=ndjson", FILE)), sampleRows(2, 4));
    assertThat(ArrowJavaIo.read(get("/files/" + id + "/batches/0?format=stream", JSON).body(), false))
        .containsExactly(sampleRows(0, 2));

    HttpResponse<byte[]> list = get("/files", null);
    assertThat(list.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(list).get("files").forEach(f -> ids.add(f.get("id").asString()));
    assertThat(ids).contains(id);
    assertThat(json(list).get("count").asInt()).isEqualTo(ids.size());

    HttpResponse<byte[]> deleted = delete("/files/" + id);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertProblem(get("/files/" + id, null), 404, id);
    assertProblem(get("/files/" + id, FILE), 404, id);
    assertProblem(get("/files/" + id + "/schema", null), 404, id);
    assertProblem(get("/files/" + id + "/batches", null), 404, id);
    assertProblem(get("/files/" + id + "/batches/0", null), 404, id);
    assertProblem(delete("/files/" + id), 404, id);
    assertThat(Files.exists(STORAGE.resolve(id + ".arrow"))).isFalse();
  }

  @Test
  void uploadAStreamStoresAFile() throws Exception {
    HttpResponse<byte[]> created = post("/files", STREAM, null, ArrowJavaIo.sample(false, 3, 0, 2));
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    String id = json(created).get("id").asString();
    assertThat(json(created).get("batches").asInt()).isEqualTo(3);
    assertThat(json(created).get("rows").asLong()).isEqualTo(5);
    byte[] stored = get("/files/" + id, FILE).body();
    assertThat(ArrowJavaIo.read(stored, true)).extracting(List::size).containsExactly(3, 0, 2);
    assertThat(ArrowJavaIo.rows(stored, true)).isEqualTo(sampleRows(0, 5));
    assertThat(ArrowJavaIo.read(get("/files/" + id + "/batches/1", null).body(), false))
        .containsExactly(List.of());
  }

  @Test
  void uploadJsonRowsAndNdjson() throws Exception {
    HttpResponse<byte[]> created =
        post("/files?batchSize=4", JSON, null, ArrowJavaIo.sampleJson(0, 10));
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    String id = json(created).get("id").asString();
    assertThat(json(created).get("batches").asInt()).isEqualTo(3);
    assertThat(ArrowJavaIo.rows(get("/files/" + id, FILE).body(), true)).isEqualTo(sampleRows(0, 10));
    assertRowsJson(jsonRows(get("/files/" + id + "/batches/2", JSON)), sampleRows(8, 10));

    HttpResponse<byte[]> nd = post("/files", NDJSON, null, "{\"id\":1,\"name\":\"name-0\",\"score\":0.0}\n");
    assertThat(nd.statusCode()).as(text(nd)).isEqualTo(201);
    assertThat(json(nd).get("rows").asLong()).isEqualTo(1);
  }

  @Test
  void concurrentUploadsGetTheirOwnFiles() throws Exception {
    List<CompletableFuture<HttpResponse<byte[]>>> uploads = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int[] lengths = new int[i + 1];
      java.util.Arrays.fill(lengths, 3);
      byte[] file = ArrowJavaIo.sample(true, lengths);
      bodies.add(file);
      uploads.add(http.sendAsync(
          java.net.http.HttpRequest.newBuilder(uri("/files"))
              .header("Content-Type", FILE)
              .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(file))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray()));
    }
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < uploads.size(); i++) {
      HttpResponse<byte[]> response = uploads.get(i).get();
      assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
      String id = json(response).get("id").asString();
      ids.add(id);
      assertThat(json(response).get("batches").asInt()).isEqualTo(i + 1);
      assertThat(get("/files/" + id, FILE).body()).isEqualTo(bodies.get(i));
    }
    assertThat(ids).hasSize(8);
  }

  @Test
  void failedUploadsLeaveNothingBehind() throws Exception {
    Set<String> before = storedNames();
    byte[] file = ArrowJavaIo.sample(true, 2, 2);
    byte[] truncated = java.util.Arrays.copyOf(file, file.length - 20);
    assertProblem(post("/files", FILE, null, truncated), 400);
    byte[] stream = ArrowJavaIo.sample(false, 2, 2);
    byte[] truncatedStream = java.util.Arrays.copyOf(stream, stream.length - 30);
    assertProblem(post("/files", STREAM, null, truncatedStream), 400);
    assertProblem(post("/files", JSON, null, "[{\"a\": 1}, {\"a\": "), 400);
    assertProblem(post("/files", FILE, null, new byte[0]), 400);
    assertThat(storedNames()).isEqualTo(before);
    try (Stream<Path> temp = Files.list(STORAGE.resolve(".tmp"))) {
      assertThat(temp).isEmpty();
    }
  }

  @Test
  void readmeWalkthrough() throws Exception {
    String rows = Files.readString(Path.of("examples/rows.json"));
    HttpResponse<byte[]> stream = post("/convert", JSON, null, rows);
    assertThat(stream.statusCode()).as(text(stream)).isEqualTo(200);
    assertThat(stream.body()).startsWith(new byte[] {-1, -1, -1, -1});
    HttpResponse<byte[]> back = post("/convert", STREAM, null, stream.body());
    assertThat(text(back)).contains("margaret");
    assertThat(json(back).get(0).get("address").get("city").asString()).isEqualTo("London");

    HttpResponse<byte[]> file = post("/convert?format=file&batchSize=2", JSON, null, rows);
    assertThat(file.body()).startsWith("ARROW1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    HttpResponse<byte[]> created = post("/files", FILE, null, file.body());
    assertThat(created.statusCode()).isEqualTo(201);
    // the walkthrough extracts the id with sed from compact JSON
    assertThat(text(created)).contains("\"id\":\"");
    String id = json(created).get("id").asString();
    HttpResponse<byte[]> batches = get("/files/" + id + "/batches", null);
    assertThat(text(batches)).contains("\"count\":4");
    List<List<java.util.Map<String, Object>>> b3 =
        ArrowJavaIo.read(get("/files/" + id + "/batches/3", null).body(), false);
    assertThat(b3).hasSize(1);
    assertThat(b3.get(0)).extracting(r -> r.get("id")).containsExactly(7L, 8L);
    List<JsonNode> b3Rows = jsonRows(get("/files/" + id + "/batches/3", JSON));
    assertThat(b3Rows).extracting(r -> r.get("name").asString()).containsExactly("ken", "frances");

    String typed = Files.readString(Path.of("examples/typed.json"));
    HttpResponse<byte[]> typedStream = post("/convert", JSON, null, typed);
    assertThat(typedStream.statusCode()).as(text(typedStream)).isEqualTo(200);
    HttpResponse<byte[]> nd = post("/convert", STREAM, NDJSON, typedStream.body());
    assertThat(text(nd)).contains("18446744073709551615");

    assertThat(get("/files/" + id, FILE).body()).isEqualTo(file.body());
    assertThat(delete("/files/" + id).statusCode()).isEqualTo(204);
    assertThat(get("/files/" + id, null).statusCode()).isEqualTo(404);
  }

  private static void assertSampleSchema(JsonNode schema) {
    JsonNode fields = schema.get("fields");
    assertThat(fields.size()).isEqualTo(3);
    assertThat(fields.get(0).get("name").asString()).isEqualTo("id");
    assertThat(fields.get(0).get("type").asString()).isEqualTo("int64");
    assertThat(fields.get(1).get("name").asString()).isEqualTo("name");
    assertThat(fields.get(1).get("type").asString()).isEqualTo("string");
    assertThat(fields.get(2).get("name").asString()).isEqualTo("score");
    assertThat(fields.get(2).get("type").asString()).isEqualTo("double");
  }

  private void assertBatchListMatchesTheFooter(String id, byte[] file) throws Exception {
    JsonNode list = json(get("/files/" + id + "/batches", null));
    try (BufferAllocator allocator = new RootAllocator();
        ArrowFileReader reader =
            new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(file), allocator)) {
      List<ArrowBlock> blocks = reader.getRecordBlocks();
      assertThat(list.get("count").asInt()).isEqualTo(blocks.size());
      for (int i = 0; i < blocks.size(); i++) {
        JsonNode batch = list.get("batches").get(i);
        assertThat(batch.get("index").asInt()).isEqualTo(i);
        assertThat(batch.get("rows").asLong()).isEqualTo(2);
        assertThat(batch.get("offset").asLong()).isEqualTo(blocks.get(i).getOffset());
        assertThat(batch.get("metadataLength").asInt()).isEqualTo(blocks.get(i).getMetadataLength());
        assertThat(batch.get("bodyLength").asLong()).isEqualTo(blocks.get(i).getBodyLength());
      }
    }
  }

  private static Set<String> storedNames() throws Exception {
    try (Stream<Path> files = Files.list(STORAGE)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".arrow"))
          .collect(Collectors.toSet());
    }
  }
}
