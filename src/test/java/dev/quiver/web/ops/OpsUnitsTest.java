package dev.quiver.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.store.FileIds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The pieces without a server: token parsing, request ids, the store gauges, the storage check. */
class OpsUnitsTest {
  @TempDir
  Path dir;

  @Test
  void bearerTokenParsing() {
    assertThat(BearerTokenFilter.bearerToken("Bearer abc")).isEqualTo("abc");
    assertThat(BearerTokenFilter.bearerToken("bearer abc")).isEqualTo("abc");
    assertThat(BearerTokenFilter.bearerToken("BEARER   abc  ")).isEqualTo("abc");
    assertThat(BearerTokenFilter.bearerToken(null)).isNull();
    assertThat(BearerTokenFilter.bearerToken("")).isNull();
    assertThat(BearerTokenFilter.bearerToken("Bearer")).isNull();
    assertThat(BearerTokenFilter.bearerToken("Bearer    ")).isNull();
    assertThat(BearerTokenFilter.bearerToken("Basic abc")).isNull();
    assertThat(BearerTokenFilter.bearerToken("Bearerabc")).isNull();
  }

  @Test
  void requestIds() {
    assertThat(RequestIds.acceptOrGenerate("abc-123_X.y:z")).isEqualTo("abc-123_X.y:z");
    assertThat(RequestIds.acceptOrGenerate("a".repeat(64))).isEqualTo("a".repeat(64));
    assertThat(RequestIds.acceptOrGenerate("a".repeat(65))).hasSize(36);
    assertThat(RequestIds.acceptOrGenerate("a\r\nb")).hasSize(36);
    assertThat(RequestIds.acceptOrGenerate("")).hasSize(36);
    assertThat(RequestIds.acceptOrGenerate(null)).hasSize(36)
        .isNotEqualTo(RequestIds.acceptOrGenerate(null));
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      java.util.UUID id = java.util.UUID.fromString(RequestIds.acceptOrGenerate(null));
      assertThat(id.version()).isEqualTo(4); // random, as UUID.randomUUID() makes them
      assertThat(id.variant()).isEqualTo(2);
      ids.add(id.toString());
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void storeGaugesCountStoredFilesOnlyAndRefreshAfterTheirMaxAge() throws Exception {
    AtomicLong now = new AtomicLong();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StoreMetrics metrics = new StoreMetrics(dir, 1000, now::get); // gauges hold it weakly: kept below
    metrics.bindTo(registry);
    Files.write(dir.resolve(FileIds.newId() + ".arrow"), new byte[100]);
    Files.write(dir.resolve(FileIds.newId() + ".arrow"), new byte[23]);
    Files.write(dir.resolve("not-an-id.arrow"), new byte[7]);
    Files.createDirectories(dir.resolve(".tmp"));
    Files.write(dir.resolve(".tmp").resolve("upload.part"), new byte[50]);
    assertThat(registry.get("quiver.store.files").gauge().value()).isEqualTo(2);
    assertThat(registry.get("quiver.store.bytes").gauge().value()).isEqualTo(123);

    Files.write(dir.resolve(FileIds.newId() + ".arrow"), new byte[1]);
    now.set(999); // still fresh: the last listing is reused
    assertThat(registry.get("quiver.store.files").gauge().value()).isEqualTo(2);
    now.set(1000);
    assertThat(registry.get("quiver.store.files").gauge().value()).isEqualTo(3);
    assertThat(registry.get("quiver.store.bytes").gauge().value()).isEqualTo(124);
    java.lang.ref.Reference.reachabilityFence(metrics);
  }

  @Test
  void storageHealth() throws Exception {
    Files.createDirectories(dir.resolve(".tmp"));
    Health up = new StorageHealthIndicator(dir).health(true);
    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsKeys("dir", "free");
    try (var left = Files.list(dir.resolve(".tmp"))) {
      assertThat(left).as("the probe file is deleted").isEmpty();
    }
    assertThat(new StorageHealthIndicator(dir.resolve("missing")).health(true).getStatus())
        .isEqualTo(Status.DOWN);
    Files.delete(dir.resolve(".tmp"));
    assertThat(new StorageHealthIndicator(dir).health(true).getStatus()).isEqualTo(Status.DOWN);
  }
}
