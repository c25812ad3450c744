package dev.quiver.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** With quiver.auth.token set: every data endpoint needs the bearer token; health and docs stay open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "quiver.auth.token=" + AuthTest.TOKEN)
@ExtendWith(OutputCaptureExtension.class)
class AuthTest extends OpsTestSupport {
  static final String TOKEN = "s3cr3t-T0ken_for.tests";
  static final Path STORAGE = tempDir("quiver-ops-auth");

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    registry.add("quiver.storage.dir", STORAGE::toString);
  }

  @Test
  void dataEndpointsWithoutATokenAre401Problems() throws Exception {
    assertUnauthorized(get("/files"), false);
    assertUnauthorized(get("/files/aaaaaaaaaaaaaaaaaaaaaaaaaa"), false);
    assertUnauthorized(get("/files/aaaaaaaaaaaaaaaaaaaaaaaaaa/batches/0"), false);
    assertUnauthorized(post("/convert", JSON, ROWS), false);
    assertUnauthorized(post("/files", JSON, ROWS), false);
    assertUnauthorized(send(HttpRequest.newBuilder(uri("/files/aaaaaaaaaaaaaaaaaaaaaaaaaa")).DELETE()), false);
    // another scheme, or an empty bearer token, is no token
    assertUnauthorized(get("/files", "Authorization", "Basic dXNlcjpwYXNz"), false);
    assertUnauthorized(get("/files", "Authorization", "Bearer "), false);
    // unknown paths are protected too (deny by default), so nothing is learnt about them
    assertUnauthorized(get("/nowhere"), false);
    assertUnauthorized(get("/error"), false);
  }

  @Test
  void aWrongTokenIsAnInvalidToken() throws Exception {
    assertUnauthorized(get("/files", "Authorization", "Bearer wrong"), true);
    assertUnauthorized(get("/files", "Authorization", "Bearer " + TOKEN + "x"), true);
    assertUnauthorized(get("/files", "Authorization", "Bearer " + TOKEN.substring(1)), true);
    assertUnauthorized(post("/convert", JSON, ROWS, "Authorization", "Bearer " + TOKEN.toUpperCase()), true);
  }

  @Test
  void theRightTokenOpensEveryDataEndpoint() throws Exception {
    String auth = "Bearer " + TOKEN;
    HttpResponse<byte[]> created = post("/files?batchSize=4", JSON, ROWS, "Authorization", auth);
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    String id = json(created).get("id").asString();
    assertThat(get("/files", "Authorization", auth).statusCode()).isEqualTo(200);
    assertThat(get("/files/" + id + "/batches/1", "Authorization", "bearer " + TOKEN).statusCode())
        .isEqualTo(200);
    // a stored batch (served ahead of Spring MVC) still needs the token
    assertUnauthorized(get("/files/" + id + "/batches/1"), false);
    assertUnauthorized(get("/files/" + id + "/batches/1", "Authorization", "Bearer wrong"), true);
    assertThat(post("/convert", JSON, ROWS, "Authorization", "BEARER  " + TOKEN).statusCode()).isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(uri("/files/" + id)).header("Authorization", auth).DELETE())
        .statusCode()).isEqualTo(204);
    // errors behind the token are the usual problems
    assertThat(get("/files/" + id, "Authorization", auth).statusCode()).isEqualTo(404);
  }

  @Test
  void healthMetricsAndDocsStayOpen() throws Exception {
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
    assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
    assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenIsNeverLogged(CapturedOutput output) throws Exception {
    get("/files", "Authorization", "Bearer " + TOKEN);
    get("/files", "Authorization", "Bearer not-" + TOKEN);
    assertThat(output.getAll()).doesNotContain(TOKEN);
  }

  private static void assertUnauthorized(HttpResponse<byte[]> response, boolean invalidToken) {
    assertThat(response.statusCode()).as(text(response)).isEqualTo(401);
    String challenge = header(response, "WWW-Authenticate");
    assertThat(challenge).startsWith("Bearer realm=\"quiver\"");
    assertThat(challenge.contains("error=\"invalid_token\"")).isEqualTo(invalidToken);
    assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
    assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain(TOKEN);
    assertThat(problem.get("requestId").asString()).isEqualTo(header(response, RequestIds.HEADER));
  }
}
