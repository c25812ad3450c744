package dev.quiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.store.LocalFileStore;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/** Which requests {@link BatchFastPath} serves itself and which it passes on untouched. */
class BatchFastPathTest {
  @TempDir
  Path dir;

  private LocalFileStore store;
  private BatchFastPath filter;
  private String id;

  @BeforeEach
  void store() throws Exception {
    store = new LocalFileStore(dir, IpcLimits.defaults(), 1 << 20);
    byte[] file = ArrowJavaIo.sample(true, 2, 3);
    id = store.create(out -> out.write(file)).id();
    filter = new BatchFastPath(store, new ProblemHandler(JsonMapper.builder().build()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void servesAPlainStreamBatch() throws Exception {
    for (String accept : new String[] {null, "*/*", HttpTestSupport.STREAM}) {
      MockHttpServletRequest request = get("/files/" + id + "/batches/1");
      if (accept != null) {
        request.addHeader("Accept", accept);
      }
      MockHttpServletResponse response = new MockHttpServletResponse();
      MockFilterChain chain = new MockFilterChain();
      filter.doFilter(request, response, chain);
      assertThat(chain.getRequest()).as("passed on").isNull();
      assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_OK);
      assertThat(response.getContentType()).isEqualTo(HttpTestSupport.STREAM);
      byte[] body = response.getContentAsByteArray();
      assertThat(response.getContentLengthLong()).isEqualTo(body.length);
      assertThat(ArrowJavaIo.rows(body, false)).hasSize(3);
      assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
          .isEqualTo("/files/{id}/batches/{index}");
    }
  }

  @Test
  void aFileDeletedAfterItsBatchesWereServedIsLeftToTheController() throws Exception {
    MockHttpServletResponse served = new MockHttpServletResponse();
    filter.doFilter(get("/files/" + id + "/batches/0"), served, new MockFilterChain());
    assertThat(served.getContentAsByteArray()).isNotEmpty();
    assertThat(store.delete(id)).isTrue();
    assertPassedOn(get("/files/" + id + "/batches/0"));
  }

  @Test
  void aBatchStoredCompressedIsLeftToTheController() throws Exception {
    byte[] file;
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator();
        ArrowJavaData data = ArrowJavaSamples.data("all_types", allocator)) {
      file = data.writeFile(IpcOption.DEFAULT, CompressionUtil.CodecType.ZSTD);
    }
    String compressed = store.create(out -> out.write(file)).id();
    for (int i = 0; i < 2; i++) {
      assertPassedOn(get("/files/" + compressed + "/batches/0"));
    }
  }

  @Test
  void passesOnEverythingElse() throws Exception {
    String batch = "/files/" + id + "/batches/0";
    assertPassedOn(get(batch + "/"));
    assertPassedOn(get("/files/" + id + "/batches/2")); // out of range: the controller's 404
    assertPassedOn(get("/files/" + id + "/batches/-1"));
    assertPassedOn(get("/files/" + id + "/batches/"));
    assertPassedOn(get("/files/" + id + "/batches/1234567890"));
    assertPassedOn(get("/files/" + id + "/batches/%31"));
    assertPassedOn(get("/files/" + id + "/batches/ 1"));
    assertPassedOn(get("/files/" + id + "/batches"));
    assertPassedOn(get("/files/" + id));
    assertPassedOn(get("/files/aaaaaaaaaaaaaaaaaaaaaaaaaa/batches/0")); // unknown: the controller's 404
    assertPassedOn(get("/files/" + id.toUpperCase() + "/batches/0"));
    assertPassedOn(get("/files/" + id + "x/batches/0"));
    assertPassedOn(get("/files/" + id.substring(1) + "/batches/0"));
    assertPassedOn(get("/files/" + id + ";v=1/batches/0"));
    assertPassedOn(get("/Files/" + id + "/batches/0"));
    MockHttpServletRequest query = get(batch);
    query.setQueryString("format=stream");
    assertPassedOn(query);
    MockHttpServletRequest emptyQuery = get(batch);
    emptyQuery.setQueryString("");
    assertPassedOn(emptyQuery);
    for (String method : new String[] {"HEAD", "POST", "DELETE", "OPTIONS", "get"}) {
      MockHttpServletRequest other = get(batch);
      other.setMethod(method);
      assertPassedOn(other);
    }
    for (String accept : new String[] {HttpTestSupport.FILE, HttpTestSupport.JSON, "text/csv", "",
        HttpTestSupport.STREAM + "; codecs=zstd", HttpTestSupport.STREAM + ";q=1", "*/*, text/csv"}) {
      MockHttpServletRequest request = get(batch);
      request.addHeader("Accept", accept);
      assertPassedOn(request);
    }
    MockHttpServletRequest twoAccepts = get(batch);
    twoAccepts.addHeader("Accept", HttpTestSupport.STREAM);
    twoAccepts.addHeader("Accept", "text/csv");
    assertPassedOn(twoAccepts);
  }

  @Test
  void aFileDeletedMeanwhileIsLeftToTheController() throws Exception {
    assertThat(store.delete(id)).isTrue();
    assertPassedOn(get("/files/" + id + "/batches/0"));
    assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".arrow"))).isEmpty();
  }

  private static MockHttpServletRequest get(String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    request.setServletPath(uri);
    return request;
  }

  private void assertPassedOn(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    assertThat(chain.getRequest()).as("%s %s passed on", request.getMethod(), request.getRequestURI())
        .isSameAs(request);
    assertThat(response.isCommitted()).isFalse();
    assertThat(response.getContentAsByteArray()).isEmpty();
    assertThat(response.getContentType()).isNull();
    assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isNull();
  }
}
