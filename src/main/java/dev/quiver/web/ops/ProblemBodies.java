package dev.quiver.web.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code application/problem+json} body (RFC 9457) of every error Quiver answers: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} (the request path) and {@code requestId}
 * (the id of the request, also in the {@code X-Request-Id} header).
 */
public final class ProblemBodies {
  private ProblemBodies() {}

  public static final String MEDIA_TYPE = "application/problem+json";

  /** The problem fields, in their order. */
  public static Map<String, Object> of(HttpServletRequest request, HttpStatusCode status, String detail) {
    return of(status.value(), detail, request.getRequestURI(), RequestIds.of(request));
  }

  /** The problem fields; {@code instance} and {@code requestId} are left out when null. */
  static Map<String, Object> of(int status, String detail, String instance, String requestId) {
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", known != null ? known.getReasonPhrase() : "Error");
    problem.put("status", status);
    problem.put("detail", detail != null ? detail : "");
    if (instance != null) {
      problem.put("instance", instance);
    }
    if (requestId != null) {
      problem.put("requestId", requestId);
    }
    return problem;
  }

  /**
   * Sets the status, the problem media type and the {@code X-Request-Id} header (again: a
   * {@code response.reset()} before drops it) and writes the problem. Other headers are the caller's.
   */
  public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
      HttpStatusCode status, String detail) throws IOException {
    String id = RequestIds.of(request);
    if (id != null) {
      response.setHeader(RequestIds.HEADER, id);
    }
    response.setStatus(status.value());
    response.setContentType(MEDIA_TYPE);
    response.getOutputStream().write(json.writeValueAsBytes(of(request, status, detail)));
  }
}
