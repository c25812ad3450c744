package dev.quiver.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Request ids (header, problem body, log) and the one access-log line per request, without bodies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest extends OpsTestSupport.Shared {
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void everyResponseHasARequestId() throws Exception {
    String first = header(get("/files"), RequestIds.HEADER);
    String second = header(get("/actuator/health"), RequestIds.HEADER);
    assertThat(first).matches(UUID);
    assertThat(second).matches(UUID).isNotEqualTo(first);
  }

  @Test
  void aSafeIncomingIdIsKeptAnUnsafeOneReplaced() throws Exception {
    assertThat(header(get("/files", RequestIds.HEADER, "edge-7f3a.91:b"), RequestIds.HEADER))
        .isEqualTo("edge-7f3a.91:b");
    for (String unsafe : List.of("a b", "x".repeat(RequestIds.MAX_LENGTH + 1), "id\"quote", "<script>",
        "caf\u00e9")) {
      assertThat(header(get("/files", RequestIds.HEADER, unsafe), RequestIds.HEADER))
          .as(unsafe).matches(UUID);
    }
  }

  @Test
  void problemsCarryTheRequestId() throws Exception {
    HttpResponse<byte[]> notFound = get("/files/aaaaaaaaaaaaaaaaaaaaaaaaaa", RequestIds.HEADER, "trace-404");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(header(notFound, "Content-Type")).startsWith("application/problem+json");
    assertThat(header(notFound, RequestIds.HEADER)).isEqualTo("trace-404");
    JsonNode problem = json(notFound);
    assertThat(problem.get("requestId").asString()).isEqualTo("trace-404");
    assertThat(problem.get("instance").asString()).isEqualTo("/files/aaaaaaaaaaaaaaaaaaaaaaaaaa");

    // a problem raised after the handler set other headers (response reset) keeps the id
    HttpResponse<byte[]> bad = post("/convert", JSON, "[{\"a\": 1}, {\"a\": \"x\"}]");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("requestId").asString()).isEqualTo(header(bad, RequestIds.HEADER)).isNotBlank();
    HttpResponse<byte[]> unsupported = post("/files", "text/csv", "a,b");
    assertThat(unsupported.statusCode()).isEqualTo(415);
    assertThat(json(unsupported).get("requestId").asString()).isEqualTo(header(unsupported, RequestIds.HEADER));
  }

  @Test
  void oneAccessLineper_requestWithItsIdAndNeverTheBodyOrQuery(CapturedOutput output) throws Exception {
    String secretRow = "[{\"password\": \"hunter2-in-the-body\"}]";
    HttpResponse<byte[]> response =
        post("/convert?format=json&token=hunter3-in-the-query", JSON, secretRow, RequestIds.HEADER, "req-log-1");
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> lines = output.getOut().lines().filter(l -> l.contains("req-log-1")).toList();
    List<String> access = lines.stream().filter(l -> l.contains("dev.quiver.access")).toList();
    assertThat(access).hasSize(1);
    assertThat(access.get(0))
        .contains("[req-log-1]")
        .contains("POST /convert 200 in=" + secretRow.length() + "B out=" + response.body().length + "B ")
        .containsPattern("\\d+ms$");
    assertThat(output.getAll()).doesNotContain("hunter2").doesNotContain("hunter3");
  }

  @Test
  void anUnknownPathIsLoggedToo(CapturedOutput output) throws Exception {
    assertThat(get("/nowhere", RequestIds.HEADER, "req-log-2").statusCode()).isEqualTo(404);
    assertThat(output.getOut().lines()
        .filter(l -> l.contains("[req-log-2]") && l.contains("GET /nowhere 404"))).hasSize(1);
  }

  @Test
  void withoutATokenConfiguredTheDataEndpointsAreOpen() throws Exception {
    assertThat(get("/files").statusCode()).isEqualTo(200);
    assertThat(post("/convert", JSON, ROWS).statusCode()).isEqualTo(200);
  }
}
