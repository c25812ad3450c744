package dev.quiver.web.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The first filter of every request: gives it a request id ({@link RequestIds}; response header, MDC),
 * counts the body bytes read and written ({@code quiver.http.received} / {@code quiver.http.sent}, by
 * endpoint) and writes one access-log line when it ends, on the logger {@code dev.quiver.access}:
 * {@code POST /files 201 in=1234B out=456B 12ms}. The line has the method, the path without the query
 * string, the status, the byte counts and the duration (the request id is in the line's MDC); never a
 * header value, a query value or a body. A request whose response was aborted after it started (a
 * streamed body that failed midway) is logged as {@code aborted} with the exception's class.
 */
public final class RequestLogFilter extends OncePerRequestFilter {
  /** The logger of the access lines; set it to WARN to turn them off. */
  public static final String LOGGER = "dev.quiver.access";
  private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);

  static final String RECEIVED = "quiver.http.received";
  static final String SENT = "quiver.http.sent";
  private static final String ALREADY_FILTERED = RequestLogFilter.class.getName() + ALREADY_FILTERED_SUFFIX;

  private final MeterRegistry registry;
  /** The two byte counters of each endpoint, registered on its first request. */
  private final ConcurrentMap<String, Counter[]> counters = new ConcurrentHashMap<>();

  public RequestLogFilter(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A constant: the default builds the name from the filter's name on every request. */
  @Override
  protected String getAlreadyFilteredAttributeName() {
    return ALREADY_FILTERED;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    long start = System.nanoTime();
    String id = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
    request.setAttribute(RequestIds.ATTRIBUTE, id);
    response.setHeader(RequestIds.HEADER, id);
    CountingExchange exchange = new CountingExchange(request, response);
    MDC.put(RequestIds.MDC_KEY, id);
    Throwable failure = null;
    try {
      chain.doFilter(exchange.request(), exchange.response());
    } catch (IOException | ServletException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      try {
        record(request, response, exchange, start, failure);
      } finally {
        MDC.remove(RequestIds.MDC_KEY);
      }
    }
  }

  private void record(HttpServletRequest request, HttpServletResponse response, CountingExchange exchange,
      long start, Throwable failure) {
    Counter[] bytes = counters.computeIfAbsent(uriTemplate(request), this::byteCounters);
    bytes[0].increment(exchange.bytesIn());
    bytes[1].increment(exchange.bytesOut());
    if (!ACCESS.isInfoEnabled()) {
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String status = failure == null
        ? String.valueOf(response.getStatus())
        : response.isCommitted()
            ? response.getStatus() + " aborted (" + failure.getClass().getSimpleName() + ")"
            : "failed (" + failure.getClass().getSimpleName() + ")";
    ACCESS.info("{} {} {} in={}B out={}B {}ms", request.getMethod(), printablePath(request), status,
        exchange.bytesIn(), exchange.bytesOut(), millis);
  }

  private Counter[] byteCounters(String uri) {
    return new Counter[] {
        counter(RECEIVED, "request body bytes read", uri),
        counter(SENT, "response body bytes written", uri)};
  }

  private Counter counter(String name, String description, String uri) {
    return Counter.builder(name).description(description).baseUnit("bytes").tag("uri", uri).register(registry);
  }

  /** The matched endpoint ({@code /files/{id}}), as in http.server.requests; UNKNOWN when none matched. */
  private static String uriTemplate(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return pattern instanceof String s ? s : "UNKNOWN";
  }

  /** The path as requested (no query string), at most 200 characters, control characters replaced. */
  private static String printablePath(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (path == null) {
      return "";
    }
    if (path.length() > 200) {
      path = path.substring(0, 200) + "...";
    }
    return path.replaceAll("[\\p{Cntrl}\\s]", "?");
  }
}
