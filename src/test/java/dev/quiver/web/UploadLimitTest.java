package dev.quiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 413 with a small configured upload limit; nothing is kept of a refused upload. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"quiver.limits.max-upload-bytes=4096", "quiver.limits.max-batch-size=1000",
        "quiver.limits.default-batch-size=100"})
class UploadLimitTest extends HttpTestSupport {
  static final Path STORAGE = tempDir("quiver-limit-test");

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    registry.add("quiver.storage.dir", STORAGE::toString);
  }

  @Test
  void tooLargeFileUploadIs413AndLeavesNothing() throws Exception {
    byte[] big = ArrowJavaIo.sample(true, 200, 200);
    assertThat(big.length).isGreaterThan(4096);
    assertProblem(post("/files", FILE, null, big), 413, "4096", "max-upload-bytes");
    assertStorageEmpty();
  }

  @Test
  void tooLargeChunkedUploadIs413() throws Exception {
    byte[] big = ArrowJavaIo.sample(true, 200, 200);
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/files"))
            .header("Content-Type", FILE)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertProblem(response, 413, "4096");
    assertStorageEmpty();
  }

  @Test
  void streamReEncodedOverTheLimitIs413() throws Exception {
    byte[] big = ArrowJavaIo.sample(false, 200, 200);
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/files"))
            .header("Content-Type", STREAM)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertProblem(response, 413, "4096");
    assertStorageEmpty();
  }

  @Test
  void jsonUploadOverTheLimitIs413() throws Exception {
    String rows = ArrowJavaIo.sampleJson(0, 300);
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/files"))
            .header("Content-Type", JSON)
            .POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(rows.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertProblem(response, 413, "4096");
    assertStorageEmpty();
  }

  @Test
  void tooLargeFileBodyForConvertIs413() throws Exception {
    assertProblem(post("/convert", FILE, null, ArrowJavaIo.sample(true, 300)), 413, "4096");
    assertStorageEmpty();
  }

  @Test
  void smallUploadsStillWork() throws Exception {
    HttpResponse<byte[]> created = post("/files", FILE, null, ArrowJavaIo.sample(true, 3));
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    assertThat(delete("/files/" + json(created).get("id").asString()).statusCode()).isEqualTo(204);
  }

  @Test
  void configuredBatchSizeLimits() throws Exception {
    assertProblem(post("/convert?batchSize=1001", JSON, null, "[]"), 400, "1 to 1000");
    HttpResponse<byte[]> response = post("/convert?format=file", JSON, null, ArrowJavaIo.sampleJson(0, 250));
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    assertThat(ArrowJavaIo.read(response.body(), true)).extracting(java.util.List::size)
        .containsExactly(100, 100, 50);
  }

  private static void assertStorageEmpty() throws Exception {
    try (Stream<Path> files = Files.list(STORAGE)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly(".tmp");
    }
    try (Stream<Path> temp = Files.list(STORAGE.resolve(".tmp"))) {
      assertThat(temp).isEmpty();
    }
  }
}
