package dev.quiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.ipc.ArrowFormatException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A failure after a streamed response started must not look like success: checked on the wire with a raw
 * socket, through a test endpoint that streams through the same ResponseOutput and then fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AbortedResponseTest extends HttpTestSupport.SharedStorage {

  @TestConfiguration
  static class FailingEndpoint {
    @Bean
    Failing failing() {
      return new Failing();
    }
  }

  @RestController
  static class Failing {
    @GetMapping("/test/fail-midway")
    void failMidway(HttpServletResponse response) throws IOException {
      response.setContentType(ArrowMediaTypes.STREAM_VALUE);
      ResponseOutput out = new ResponseOutput(response.getOutputStream());
      out.write(new byte[100_000]);
      out.flush();
      out.abandon();
      throw new ArrowFormatException("message 2 at byte offset 100000: broken on purpose");
    }

    @GetMapping("/test/bug")
    void bug() {
      throw new IllegalStateException("secret internal state");
    }

    @GetMapping("/test/fail-early")
    void failEarly(HttpServletResponse response) throws IOException {
      response.setContentType(ArrowMediaTypes.STREAM_VALUE);
      ResponseOutput out = new ResponseOutput(response.getOutputStream());
      out.write(new byte[100]);
      out.abandon();
      throw new ArrowFormatException("message 0: broken on purpose");
    }
  }

  @Test
  void failureAfterTheResponseStartedAbortsTheConnection() throws IOException {
    byte[] raw = rawGet("/test/fail-midway");
    String head = headOf(raw);
    assertThat(head).startsWith("HTTP/1.1 200");
    assertThat(head).containsIgnoringCase("Transfer-Encoding: chunked");
    assertThat(endsWithLastChunk(raw)).as("the chunked body must not be terminated").isFalse();
    // exactly the bytes written before the failure, and nothing appended (no error page)
    assertThat(dechunk(raw)).hasSize(100_000).containsOnly(0);
  }

  @Test
  void conversionFailingMidwayIsAborted() throws IOException {
    // inferred from the first batch (batchSize=1) as int64; row 3 cannot fit: fails after batch 0 was sent
    byte[] body = "[{\"a\": 1}, {\"a\": 2}, {\"a\": 3}, {\"a\": \"x\"}, {\"a\": 5}]"
        .getBytes(StandardCharsets.UTF_8);
    for (String accept : new String[] {STREAM, JSON, NDJSON, FILE}) {
      byte[] raw = raw("POST /convert?batchSize=1 HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nAccept: " + accept + "\r\nContent-Length: " + body.length
          + "\r\n\r\n", body);
      String head = headOf(raw);
      assertThat(head).as(accept).startsWith("HTTP/1.1 200");
      assertThat(head).as(accept).containsIgnoringCase("Content-Type: " + accept);
      assertThat(endsWithLastChunk(raw)).as(accept + ": the chunked body must not be terminated").isFalse();
      String data = new String(dechunk(raw), StandardCharsets.UTF_8);
      assertThat(data).as(accept).doesNotContain("status").doesNotContain("error");
    }
  }

  @Test
  void conversionFailingInTheFirstBatchIsAProblem() throws Exception {
    var response = post("/convert?batchSize=10", JSON, STREAM, "[{\"a\": 1}, {\"a\": \"x\"}]");
    assertProblem(response, 400, "a");
  }

  @Test
  void unexpectedErrorsAreA500WithoutInternals() throws Exception {
    var problem = assertProblem(get("/test/bug", null), 500, "unexpected");
    assertThat(problem.toString()).doesNotContain("secret");
  }

  @Test
  void failureBeforeTheResponseStartedIsAProblem() throws Exception {
    var response = get("/test/fail-early", null);
    assertProblem(response, 400, "message 0: broken on purpose");
  }

  /** Sends a GET and reads until the server closes the connection. */
  byte[] rawGet(String path) throws IOException {
    return raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0]);
  }

  /** Sends a request (head and body) and reads until the server closes the connection. */
  byte[] raw(String head, byte[] body) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) != -1; ) {
          all.write(buffer, 0, n);
        }
      } catch (java.net.SocketException e) {
        // connection reset: also an abort
      }
      return all.toByteArray();
    }
  }

  static String headOf(byte[] raw) {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    int end = all.indexOf("\r\n\r\n");
    return end < 0 ? all : all.substring(0, end);
  }

  /** The data of the complete chunks of a chunked response (an incomplete last chunk counts too). */
  static byte[] dechunk(byte[] raw) {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    int pos = all.indexOf("\r\n\r\n") + 4;
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    while (pos < all.length()) {
      int lineEnd = all.indexOf("\r\n", pos);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(all.substring(pos, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      int start = lineEnd + 2;
      int end = Math.min(start + size, raw.length);
      data.write(raw, start, end - start);
      pos = end + 2;
    }
    return data.toByteArray();
  }

  static boolean endsWithLastChunk(byte[] raw) {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    return all.endsWith("\r\n0\r\n\r\n");
  }
}
