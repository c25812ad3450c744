package dev.quiver.store;

import dev.quiver.columnar.LimitExceededException;

/** A body or file is larger than the configured maximum. Answered as 413. */
public final class UploadTooLargeException extends LimitExceededException {
  public UploadTooLargeException(String message) {
    super(message);
  }
}
