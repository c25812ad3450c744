package dev.quiver.web;

import dev.quiver.store.StoreFullException;
import dev.quiver.store.StoreUnavailableException;
import dev.quiver.web.ops.ProblemBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's own failures as {@code application/problem+json}, before the general {@link ProblemHandler}:
 * a full disk or an exhausted quota is 507 Insufficient Storage, a store that cannot write (read-only) is
 * 503 Service Unavailable. Nothing of the upload was kept in either case, and reads keep working.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class StoreProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(StoreProblemHandler.class);

  private final JsonMapper json;

  StoreProblemHandler(JsonMapper json) {
    this.json = json;
  }

  @ExceptionHandler(StoreFullException.class)
  void full(StoreFullException e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    write(e, HttpStatus.INSUFFICIENT_STORAGE, request, response);
  }

  @ExceptionHandler(StoreUnavailableException.class)
  void unavailable(StoreUnavailableException e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    write(e, HttpStatus.SERVICE_UNAVAILABLE, request, response);
  }

  private void write(RuntimeException e, HttpStatus status, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    LOG.warn("{} {}: {} {}", request.getMethod(), request.getRequestURI(), status.value(), e.getMessage());
    if (response.isCommitted()) {
      throw e; // the container aborts the connection
    }
    response.reset();
    ProblemBodies.write(request, response, json, status, e.getMessage()); // with requestId
  }
}
