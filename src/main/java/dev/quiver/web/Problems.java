package dev.quiver.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Errors the web layer raises itself, answered by {@link ProblemHandler} with their status and detail. */
final class Problems {
  private Problems() {}

  static ErrorResponseException of(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

  static ErrorResponseException badRequest(String detail) {
    return of(HttpStatus.BAD_REQUEST, detail);
  }

  static ErrorResponseException notFound(String detail) {
    return of(HttpStatus.NOT_FOUND, detail);
  }

  static ErrorResponseException notAcceptable(String detail) {
    return of(HttpStatus.NOT_ACCEPTABLE, detail);
  }

  static ErrorResponseException tooLarge(String detail) {
    return of(HttpStatus.CONTENT_TOO_LARGE, detail);
  }

  static ErrorResponseException unsupportedMediaType(String detail) {
    return of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
  }
}
