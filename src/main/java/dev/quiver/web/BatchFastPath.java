package dev.quiver.web;

import dev.quiver.ipc.BodyCompression;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcFormat;
import dev.quiver.store.FileIds;
import dev.quiver.store.FileStore;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Serves the commonest read, {@code GET /files/{id}/batches/{index}} as a plain Arrow stream, without
 * Spring MVC's dispatch (handler lookup, argument resolution, content negotiation, the async-lifecycle
 * response wrapper), which costs far more CPU than writing a small batch. It answers exactly what
 * {@link FileController#batch} answers for such a request: status 200, {@code Content-Type:
 * application/vnd.apache.arrow.stream}, the total as {@code Content-Length}, and the stored stream prefix,
 * the batch's message and the end-of-stream marker as views of the file's mapping.
 *
 * <p>It runs after the request-log, observation and bearer-token filters, so the request id, the access-log
 * line, the byte counters, {@code http.server.requests} (with the same {@code uri} tag: the endpoint's
 * pattern is set as Spring MVC sets it) and authentication are those of every other request. Anything
 * outside the plain case goes down the filter chain to the controller unchanged: another method (HEAD
 * included), a query string, an {@code Accept} other than none, {@code *}{@code /*} or the stream media type,
 * a path with an encoded character or a path parameter, an id or index the controller would reject, a batch
 * stored with body compression, and any failure before the first byte is written (the controller then
 * produces its usual problem response). A failure while writing is handled by {@link ProblemHandler}, as
 * when the controller writes.
 */
final class BatchFastPath implements Filter {
  /** The endpoint's pattern, as Spring MVC exposes it (metrics {@code uri} tag, byte counters). */
  static final String PATTERN = "/files/{id}/batches/{index}";
  private static final String FILES = "/files/";
  private static final String BATCHES = "/batches/";
  /** Index digits taken here; longer (zero-padded, say) goes to the controller. */
  private static final int MAX_INDEX_DIGITS = 9;
  private static final String STREAM_TYPE = Representation.STREAM.mediaType.toString();

  private final FileStore store;
  private final ProblemHandler problems;

  BatchFastPath(FileStore store, ProblemHandler problems) {
    this.store = store;
    this.problems = problems;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    List<ByteBuffer> views = plainStreamBatch(request);
    if (views == null) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, PATTERN);
    ServerHttpObservationFilter.findObservationContext(request)
        .ifPresent(context -> context.setPathPattern(PATTERN));
    try {
      Bodies.views(response, STREAM_TYPE, views);
    } catch (IOException | RuntimeException e) {
      try {
        problems.handle(e, request, response);
      } catch (IOException | RuntimeException rethrown) {
        throw rethrown;
      } catch (Exception other) {
        throw new ServletException(other);
      }
    }
  }

  /**
   * The body views of a request this path serves, or null to leave it to the controller. Nothing here
   * writes to the response; a failure (an unknown id, say) leaves the request to the controller, which
   * fails the same way and answers with its problem.
   */
  private List<ByteBuffer> plainStreamBatch(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) || request.getQueryString() != null) {
      return null;
    }
    String path = request.getRequestURI();
    String context = request.getContextPath();
    if (path == null || !path.startsWith(context) || !path.startsWith(FILES, context.length())) {
      return null;
    }
    int idStart = context.length() + FILES.length();
    int idEnd = idStart + FileIds.LENGTH;
    if (!path.startsWith(BATCHES, idEnd)) {
      return null;
    }
    int indexStart = idEnd + BATCHES.length();
    int digits = path.length() - indexStart;
    if (digits < 1 || digits > MAX_INDEX_DIGITS) {
      return null;
    }
    int index = 0;
    for (int i = indexStart; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      index = index * 10 + (c - '0');
    }
    String id = path.substring(idStart, idEnd);
    if (!FileIds.isValid(id) || !plainAccept(request)) {
      return null;
    }
    try {
      FileReader reader = store.open(id).reader();
      if (index >= reader.batchCount()) {
        return null;
      }
      List<ByteBuffer> views = new ArrayList<>(4);
      views.add(reader.streamPrefix());
      views.addAll(reader.batchMessage(index));
      views.add(ByteBuffer.wrap(IpcFormat.END_OF_STREAM));
      return StoredCompression.all(views, BodyCompression.NONE) ? views : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** No {@code Accept}, or one {@code Accept} of exactly {@code *}{@code /*} or the stream media type. */
  private static boolean plainAccept(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null) {
      return true;
    }
    if (!accept.equals("*/*") && !accept.equals(STREAM_TYPE)) {
      return false;
    }
    Enumeration<String> all = request.getHeaders(HttpHeaders.ACCEPT);
    all.nextElement();
    return !all.hasMoreElements();
  }
}
