package dev.quiver.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Liveness, readiness (with the storage check), info with the version. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorTest extends OpsTestSupport.Shared {

  @Test
  void livenessAndReadinessAreUp() throws Exception {
    HttpResponse<byte[]> liveness = get("/actuator/health/liveness");
    assertThat(liveness.statusCode()).as(text(liveness)).isEqualTo(200);
    assertThat(json(liveness).get("status").asString()).isEqualTo("UP");
    HttpResponse<byte[]> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).as(text(readiness)).isEqualTo(200);
    assertThat(json(readiness).get("status").asString()).isEqualTo("UP");
    HttpResponse<byte[]> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).get("status").asString()).isEqualTo("UP");
  }

  @Test
  void readinessIsDownWhileTheStorageCannotBeWritten() throws Exception {
    Path temp = STORAGE.resolve(".tmp");
    Path aside = STORAGE.resolve("tmp-aside");
    Files.move(temp, aside);
    Files.writeString(temp, "not a directory: nothing can be created in it");
    try {
      HttpResponse<byte[]> readiness = get("/actuator/health/readiness");
      assertThat(readiness.statusCode()).as(text(readiness)).isEqualTo(503);
      assertThat(json(readiness).get("status").asString()).isEqualTo("DOWN");
      // liveness does not depend on the storage: the process is fine, restarting it would not help
      assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    } finally {
      Files.delete(temp);
      Files.move(aside, temp);
    }
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void infoHasTheNameAndVersion() throws Exception {
    HttpResponse<byte[]> info = get("/actuator/info");
    assertThat(info.statusCode()).as(text(info)).isEqualTo(200);
    JsonNode app = json(info).get("app");
    assertThat(app.get("name").asString()).isEqualTo("Quiver");
    assertThat(app.get("version").asString()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(json(info).get("java").get("version").asString()).startsWith("17");
  }

  @Test
  void onlyHealthInfoAndPrometheusAreExposed() throws Exception {
    assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    assertThat(get("/actuator/configprops").statusCode()).isEqualTo(404);
    assertThat(get("/actuator/heapdump").statusCode()).isEqualTo(404);
  }
}
