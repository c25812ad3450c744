package dev.quiver.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists every endpoint of the HTTP contract with its media types and problems. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiTest extends OpsTestSupport.Shared {
  static final String NDJSON = "application/x-ndjson";
  static final String PROBLEM = "application/problem+json";

  /** The endpoints of the contract (http-contract.md). */
  static final Set<String> CONTRACT = Set.of(
      "POST /convert",
      "POST /files",
      "GET /files",
      "GET /files/{id}",
      "GET /files/{id}/schema",
      "GET /files/{id}/batches",
      "GET /files/{id}/batches/{index}",
      "DELETE /files/{id}");

  @Test
  void everyContractEndpointAndNothingElse() throws Exception {
    JsonNode doc = apiDocs();
    assertThat(doc.get("openapi").asString()).startsWith("3.");
    assertThat(doc.get("info").get("title").asString()).isEqualTo("Quiver");
    assertThat(doc.get("info").get("version").asString()).doesNotContain("@").isNotEqualTo("unknown");
    Set<String> operations = new TreeSet<>();
    doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(
        method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
    assertThat(operations).isEqualTo(new TreeSet<>(CONTRACT));
  }

  @Test
  void mediaTypesOfBodiesAndResponses() throws Exception {
    JsonNode paths = apiDocs().get("paths");
    Set<String> representations = Set.of(STREAM, FILE, JSON, NDJSON);
    assertThat(requestTypes(paths.get("/convert").get("post"))).isEqualTo(representations);
    assertThat(responseTypes(paths.get("/convert").get("post"), "200")).isEqualTo(representations);
    assertThat(requestTypes(paths.get("/files").get("post"))).isEqualTo(representations);
    assertThat(responseTypes(paths.get("/files").get("post"), "201")).containsExactly(JSON);
    assertThat(paths.get("/files").get("post").get("responses").get("201").get("headers").has("Location"))
        .isTrue();
    assertThat(responseTypes(paths.get("/files/{id}").get("get"), "200")).isEqualTo(Set.of(JSON, FILE, STREAM));
    assertThat(responseTypes(paths.get("/files/{id}/batches/{index}").get("get"), "200"))
        .isEqualTo(representations);
    assertThat(responseTypes(paths.get("/files").get("get"), "200")).containsExactly(JSON);
    assertThat(responseTypes(paths.get("/files/{id}/schema").get("get"), "200")).containsExactly(JSON);
    assertThat(responseTypes(paths.get("/files/{id}/batches").get("get"), "200")).containsExactly(JSON);
    assertThat(paths.get("/files/{id}").get("delete").get("responses").has("204")).isTrue();
    // parameters: ?format= with its values, ?batchSize=, path ids; no Accept header parameter
    JsonNode convertParameters = paths.get("/convert").get("post").get("parameters");
    assertThat(names(convertParameters)).containsExactlyInAnyOrder("format", "batchSize", "compression");
    assertThat(names(paths.get("/files/{id}/batches/{index}").get("get").get("parameters")))
        .contains("id", "index", "format");
  }

  @Test
  void problemResponsesAndTheBearerScheme() throws Exception {
    JsonNode doc = apiDocs();
    JsonNode paths = doc.get("paths");
    Map<String, List<String>> expected = Map.of(
        "/convert post", List.of("400", "401", "406", "413", "415", "500"),
        "/files post", List.of("400", "401", "406", "413", "415", "500", "503", "507"),
        "/files get", List.of("400", "401", "406", "500"),
        "/files/{id} get", List.of("400", "401", "404", "406", "500"),
        "/files/{id}/batches/{index} get", List.of("400", "401", "404", "406", "500"),
        "/files/{id} delete", List.of("401", "404", "500", "503"));
    expected.forEach((where, statuses) -> {
      String[] pathAndMethod = where.split(" ");
      JsonNode operation = paths.get(pathAndMethod[0]).get(pathAndMethod[1]);
      for (String status : statuses) {
        JsonNode response = operation.get("responses").get(status);
        assertThat(response).as(where + " " + status).isNotNull();
        assertThat(response.get("content").get(PROBLEM).get("schema").get("$ref").asString())
            .isEqualTo("#/components/schemas/Problem");
      }
      assertThat(operation.get("security").get(0).has("bearer")).as(where).isTrue();
    });
    JsonNode problem = doc.get("components").get("schemas").get("Problem").get("properties");
    assertThat(names(problem)).containsExactlyInAnyOrder(
        "type", "title", "status", "detail", "instance", "requestId");
    JsonNode bearer = doc.get("components").get("securitySchemes").get("bearer");
    assertThat(bearer.get("type").asString()).isEqualTo("http");
    assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
  }

  @Test
  void swaggerUiIsServed() throws Exception {
    HttpResponse<byte[]> ui = get("/swagger-ui/index.html");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(text(ui)).contains("Swagger UI");
    HttpResponse<byte[]> redirect = get("/swagger-ui.html");
    assertThat(redirect.statusCode()).isIn(200, 302);
  }

  private JsonNode apiDocs() throws Exception {
    HttpResponse<byte[]> response = get("/v3/api-docs");
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    return json(response);
  }

  private static Set<String> requestTypes(JsonNode operation) {
    return names(operation.get("requestBody").get("content"));
  }

  private static Set<String> responseTypes(JsonNode operation, String status) {
    return names(operation.get("responses").get(status).get("content"));
  }

  /** Property names of an object, or the "name" fields of an array. */
  private static Set<String> names(JsonNode node) {
    Set<String> names = new HashSet<>();
    if (node.isArray()) {
      node.forEach(element -> names.add(element.get("name").asString()));
    } else {
      node.properties().forEach(entry -> names.add(entry.getKey()));
    }
    return names;
  }
}
