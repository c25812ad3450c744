package dev.quiver.columnar;

/** Input is well-formed so far but goes over a configured limit (answered as 413 over HTTP). */
public class LimitExceededException extends RuntimeException {
  public LimitExceededException(String message) {
    super(message);
  }
}
