package dev.quiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.interop.GoldenFiles;
import dev.quiver.web.ops.RequestLogFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * {@link BatchFastPath}: a plain {@code GET /files/{id}/batches/{i}} answers byte for byte (status line,
 * every header but Date, body) what the controller answers for the same batch, and is logged, counted and
 * timed like any request. The controller's answer is obtained with {@code ?format=stream} or an
 * {@code Accept} with a quality value, which the fast path leaves to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BatchFastPathApiTest extends HttpTestSupport.SharedStorage {
  @Autowired
  MeterRegistry registry;

  @Autowired
  List<FilterRegistrationBean<?>> filters;

  @Test
  void theFastPathRunsAfterTheRequestLogObservationAndAuthenticationFilters() {
    FilterRegistrationBean<?> fastPath = filters.stream()
        .filter(f -> f.getFilter() instanceof BatchFastPath).findFirst().orElseThrow();
    assertThat(fastPath.getOrder()).isEqualTo(FastPathConfiguration.ORDER);
    for (FilterRegistrationBean<?> f : filters) {
      if (f.getFilter() instanceof RequestLogFilter || f.getFilter() instanceof ServerHttpObservationFilter) {
        assertThat(f.getOrder()).as(f.getFilterName()).isLessThan(fastPath.getOrder());
      }
    }
  }

  @Test
  void aPlainBatchGetIsTheControllersAnswerByteForByte() throws Exception {
    byte[] file = ArrowJavaIo.sample(true, 2, 3, 1);
    String id = store(FILE, file);
    for (int i = 0; i < 3; i++) {
      String path = "/files/" + id + "/batches/" + i;
      byte[] controller = raw(path + "?format=stream");
      assertThat(status(controller)).isEqualTo("HTTP/1.1 200 ");
      assertThat(text(controller)).contains("Content-Type: " + STREAM + "\r\n")
          .contains("Content-Length: ").contains("X-Request-Id: fixed-id\r\n");
      for (String accept : Arrays.asList(null, "*/*", STREAM)) {
        assertThat(raw(path, accept)).as("%s with Accept %s", path, accept).isEqualTo(controller);
      }
      assertThat(raw(path, STREAM + ";q=0.9")).isEqualTo(controller);
      assertThat(body(raw(path))).isEqualTo(get(path, null).body());
    }
  }

  static Stream<GoldenFiles.Case> goldenCases() {
    return Stream.of(GoldenFiles.LITTLE_ENDIAN, GoldenFiles.SHARED_DICT, GoldenFiles.COMPRESSION)
        .flatMap(f -> GoldenFiles.cases(f).stream())
        .filter(GoldenFiles::supportedByIssue2);
  }

  /** Dictionaries, empty batches, stored compression (left to the controller): the same answers. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenCases")
  void goldenFilesAreServedAsTheControllerServesThem(GoldenFiles.Case c) throws Exception {
    for (String id : List.of(store(FILE, GoldenFiles.bytes(c.arrowFile())),
        store(STREAM, GoldenFiles.bytes(c.stream())))) {
      int batches = json(get("/files/" + id + "/batches", null)).get("count").asInt();
      for (int i = 0; i < batches; i++) {
        String path = "/files/" + id + "/batches/" + i;
        byte[] controller = raw(path + "?format=stream");
        assertThat(raw(path)).as(path).isEqualTo(controller);
        assertThat(raw(path)).as("%s again (what was learnt of the batch)", path).isEqualTo(controller);
      }
      assertThat(delete("/files/" + id).statusCode()).isEqualTo(204);
    }
  }

  @Test
  void errorsAndOtherRequestsGoToTheController() throws Exception {
    String id = store(FILE, ArrowJavaIo.sample(true, 2, 2));
    assertProblem(get("/files/" + id + "/batches/2", null), 404, "batch 2", "0..1");
    assertProblem(get("/files/" + id + "/batches/0000000002", null), 404, "batch 2");
    assertProblem(get("/files/aaaaaaaaaaaaaaaaaaaaaaaaaa/batches/0", null), 404, "aaaaaaaaaaaaaaaaaaaaaaaaaa");
    assertProblem(get("/files/" + id.toUpperCase() + "/batches/0", null), 404);
    assertProblem(get("/files/" + id + "/batches/0", "text/csv"), 406);
    assertProblem(get("/files/" + id + "/batches/0?format=csv", null), 400, "csv");
    // encoded characters and path parameters: the controller decides, as before
    assertThat(raw("/files/" + id + "/batches/%30")).isEqualTo(raw("/files/" + id + "/batches/0?format=stream"));
    String withParameter = "/files/" + id + ";a=b/batches/0";
    assertThat(raw(withParameter)).isEqualTo(raw(withParameter + "?format=stream"));
    // HEAD: the controller's answer, headers without a body
    byte[] head = raw("HEAD", "/files/" + id + "/batches/0", null);
    assertThat(text(head)).startsWith("HTTP/1.1 200 ").contains("Content-Length: ");
    assertThat(body(head)).isEmpty();
    // another representation
    assertThat(contentType(get("/files/" + id + "/batches/0", FILE))).isEqualTo(FILE);
    assertThat(delete("/files/" + id).statusCode()).isEqualTo(204);
    assertProblem(get("/files/" + id + "/batches/0", null), 404, id);
  }

  @Test
  void servedBatchesAreLoggedCountedAndTimed(CapturedOutput output) throws Exception {
    String id = store(FILE, ArrowJavaIo.sample(true, 2, 2));
    String path = "/files/" + id + "/batches/1";
    Timer timer = registry.find("http.server.requests")
        .tags("method", "GET", "uri", BatchFastPath.PATTERN, "status", "200", "outcome", "SUCCESS",
            "exception", "none")
        .timer();
    long timed = timer == null ? 0 : timer.count();
    double sent = sent();
    byte[] response = raw(path);
    int length = body(response).length;
    assertThat(length).isPositive();
    assertThat(registry.get("http.server.requests")
        .tags("method", "GET", "uri", BatchFastPath.PATTERN, "status", "200", "outcome", "SUCCESS",
            "exception", "none")
        .timer().count()).isEqualTo(timed + 1);
    assertThat(sent() - sent).isEqualTo(length);
    List<String> access = output.getOut().lines()
        .filter(l -> l.contains("dev.quiver.access") && l.contains("[fixed-id]") && l.contains(path))
        .collect(Collectors.toList());
    assertThat(access).hasSize(1);
    assertThat(access.get(0)).contains("GET " + path + " 200 in=0B out=" + length + "B ");
  }

  private double sent() {
    Counter counter = registry.find("quiver.http.sent").tag("uri", BatchFastPath.PATTERN).counter();
    return counter == null ? 0 : counter.count();
  }

  private String store(String type, byte[] body) throws Exception {
    var created = post("/files", type, null, body);
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    return json(created).get("id").asString();
  }

  private byte[] raw(String path) throws IOException {
    return raw("GET", path, null);
  }

  private byte[] raw(String path, String accept) throws IOException {
    return raw("GET", path, accept);
  }

  /** The whole raw response (Date header removed) to one request on its own connection. */
  private byte[] raw(String method, String path, String accept) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: fixed-id\r\n"
          + (accept == null ? "" : "Accept: " + accept + "\r\n") + "Connection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      try (InputStream in = socket.getInputStream()) {
        in.transferTo(all);
      }
      byte[] bytes = all.toByteArray();
      int end = headerEnd(bytes);
      String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1)
          .replaceAll("(?m)^Date: [^\r\n]*\r\n", "");
      ByteArrayOutputStream result = new ByteArrayOutputStream();
      result.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
      result.write(bytes, end, bytes.length - end);
      return result.toByteArray();
    }
  }

  private static int headerEnd(byte[] bytes) {
    for (int i = 0; i + 3 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
        return i + 4;
      }
    }
    throw new AssertionError("no end of headers in " + new String(bytes, StandardCharsets.ISO_8859_1));
  }

  private static String status(byte[] raw) {
    return text(raw).substring(0, "HTTP/1.1 200 ".length());
  }

  private static String text(byte[] raw) {
    return new String(raw, StandardCharsets.ISO_8859_1);
  }

  private static byte[] body(byte[] raw) {
    int end = headerEnd(raw);
    return Arrays.copyOfRange(raw, end, raw.length);
  }
}
