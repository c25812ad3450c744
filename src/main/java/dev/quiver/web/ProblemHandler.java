package dev.quiver.web;

import dev.quiver.columnar.LimitExceededException;
import dev.quiver.ipc.ArrowFormatException;
import dev.quiver.json.JsonInputException;
import dev.quiver.store.UnknownFileException;
import dev.quiver.web.ops.ProblemBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error as {@code application/problem+json} (RFC 9457) with {@code status}, {@code title},
 * {@code detail}, {@code instance} and {@code requestId} ({@link ProblemBodies}): bad input 400, unknown id
 * or batch 404, 406, 413 over a limit, 415;
 * anything unexpected 500 with a generic detail (and the stack trace in the log).
 *
 * <p>When the response has already started (a streamed body failed midway), no problem can be sent: the
 * exception is rethrown so the container aborts the connection instead of ending the body cleanly, and the
 * client sees a failed transfer rather than a truncated success.
 */
@RestControllerAdvice
final class ProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  private final JsonMapper json;

  ProblemHandler(JsonMapper json) {
    this.json = json;
  }

  @ExceptionHandler(Exception.class)
  void handle(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (response.isCommitted()) {
      String where = request.getMethod() + " " + request.getRequestURI();
      if (isInputError(e)) {
        LOG.warn("{} failed after the response started; aborting the connection: {}", where, e.toString());
      } else {
        LOG.error("{} failed after the response started; aborting the connection", where, e);
      }
      throw e;
    }
    HttpStatusCode status;
    String detail;
    HttpHeaders headers = new HttpHeaders();
    if (e instanceof ErrorResponse error) {
      status = error.getStatusCode();
      detail = error.getBody().getDetail();
      headers.addAll(error.getHeaders()); // e.g. Allow on a 405
    } else if (e instanceof ArrowFormatException || e instanceof JsonInputException) {
      status = HttpStatus.BAD_REQUEST;
      detail = e.getMessage();
    } else if (e instanceof LimitExceededException) {
      status = HttpStatus.CONTENT_TOO_LARGE;
      detail = e.getMessage();
    } else if (e instanceof UnknownFileException) {
      status = HttpStatus.NOT_FOUND;
      detail = e.getMessage();
    } else if (e instanceof TypeMismatchException || e instanceof HttpMessageNotReadableException) {
      status = HttpStatus.BAD_REQUEST;
      detail = e.getMessage();
    } else {
      LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      detail = "an unexpected error occurred on the server; it has been logged";
    }
    write(request, response, status, detail, headers);
  }

  private static boolean isInputError(Exception e) {
    return e instanceof ArrowFormatException || e instanceof JsonInputException
        || e instanceof LimitExceededException || e instanceof java.io.IOException;
  }

  private void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
      String detail, HttpHeaders headers) throws java.io.IOException {
    response.reset(); // drops what a failed handler set (an Arrow Content-Type, a Content-Length)
    headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    ProblemBodies.write(request, response, json, status, detail); // with requestId
  }
}
