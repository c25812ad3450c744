package dev.quiver.store;

/** No stored file has this id (or the id is malformed). Answered as 404. */
public final class UnknownFileException extends RuntimeException {
  public UnknownFileException(String message) {
    super(message);
  }
}
