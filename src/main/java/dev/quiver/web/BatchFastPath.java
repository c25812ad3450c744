package dev.quiver.web;

import dev.quiver.ipc.BodyCompression;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcFormat;
import dev.quiver.store.FileIds;
import dev.quiver.store.FileStore;
import dev.quiver.store.OpenFile;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 *
 * <p>Per request it still asks the store for the file (so a deleted or expired file is never served); what
 * it learns once per batch, by comparing the controller's views with the stored bytes, is where the batch's
 * message lies in the file and whether it may be served here, so the body is then the stream prefix, one
 * slice of the mapping and the end-of-stream marker.
 */
final class BatchFastPath implements Filter {
  /** The endpoint's pattern, as Spring MVC exposes it (metrics {@code uri} tag, byte counters). */
  static final String PATTERN = "/files/{id}/batches/{index}";
  private static final String FILES = "/files/";
  private static final String BATCHES = "/batches/";
  /** Index digits taken here; longer (zero-padded, say) goes to the controller. */
  private static final int MAX_INDEX_DIGITS = 9;
  private static final String STREAM_TYPE = Representation.STREAM.mediaType.toString();

  /** Files whose batches are remembered; beyond it the memory starts over. */
  private static final int MAX_FILES = 4096;

  private final FileStore store;
  private final ProblemHandler problems;
  /** By id: where the served batches of the file lie, while the store hands out the same open file. */
  private final ConcurrentMap<String, Learnt> files = new ConcurrentHashMap<>();

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
    for (int i = idStart; i < idEnd; i++) {
      char c = path.charAt(i);
      if ((c < 'a' || c > 'z') && (c < '2' || c > '7')) {
        return null; // not an id (the store checks it again)
      }
    }
    if (!plainAccept(request)) {
      return null;
    }
    try {
      String id = path.substring(idStart, idEnd);
      OpenFile file = store.open(id);
      FileReader reader = file.reader();
      if (index >= reader.batchCount()) {
        return null;
      }
      Learnt learnt = learnt(id, file);
      Region region = learnt.regions.get(index);
      if (region == null) {
        region = learn(file, index);
        learnt.regions.set(index, region);
      }
      if (region == Region.NOT_SERVED) {
        return null;
      }
      return List.of(reader.streamPrefix(), file.bytes().slice(region.offset, region.length),
          ByteBuffer.wrap(IpcFormat.END_OF_STREAM));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** What is known of the batches of {@code file}, the store's open file for {@code id}. */
  private Learnt learnt(String id, OpenFile file) {
    Learnt learnt = files.get(id);
    if (learnt == null || learnt.file.get() != file) {
      if (files.size() >= MAX_FILES) {
        files.clear();
      }
      learnt = new Learnt(file);
      files.put(id, learnt);
    }
    return learnt;
  }

  /**
   * Where batch {@code index}'s message lies in the stored file, or {@link Region#NOT_SERVED} when it is
   * not served here: what the controller serves ({@code batchMessage}: the message as stored, or re-framed
   * or re-encoded) is taken only when it is, byte for byte, the stored bytes of the batch's block, and the
   * batch (with the dictionaries of the prefix) is stored without body compression.
   */
  private static Region learn(OpenFile file, int index) {
    FileReader reader = file.reader();
    List<ByteBuffer> message = reader.batchMessage(index);
    List<ByteBuffer> views = new ArrayList<>(4);
    views.add(reader.streamPrefix());
    views.addAll(message);
    views.add(ByteBuffer.wrap(IpcFormat.END_OF_STREAM));
    if (!StoredCompression.all(views, BodyCompression.NONE)) {
      return Region.NOT_SERVED;
    }
    long length = 0;
    for (ByteBuffer part : message) {
      length += part.remaining();
    }
    long offset = reader.batchBlock(index).offset();
    if (length > Integer.MAX_VALUE || offset < 0 || offset > file.bytes().size() - length) {
      return Region.NOT_SERVED;
    }
    ByteBuffer stored = file.bytes().slice(offset, (int) length);
    int at = 0;
    for (ByteBuffer part : message) {
      int n = part.remaining();
      if (!stored.slice(at, n).equals(part)) {
        return Region.NOT_SERVED;
      }
      at += n;
    }
    return new Region(offset, (int) length);
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

  /**
   * The batches of one open file learnt so far. The file is referenced weakly and only positions are kept,
   * so a file deleted (or expired) and no longer read by anyone is not kept mapped by this memory.
   */
  private static final class Learnt {
    final WeakReference<OpenFile> file;
    final AtomicReferenceArray<Region> regions;

    Learnt(OpenFile file) {
      this.file = new WeakReference<>(file);
      this.regions = new AtomicReferenceArray<>(file.reader().batchCount());
    }
  }

  /** The stored bytes of a batch's message: offset and length in the file. */
  private record Region(long offset, int length) {
    static final Region NOT_SERVED = new Region(-1, 0);
  }
}
