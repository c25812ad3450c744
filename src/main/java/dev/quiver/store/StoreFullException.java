package dev.quiver.store;

/**
 * The store has no room for an upload: the disk is full, or the configured quota on stored bytes would be
 * exceeded. Nothing of the upload is kept. Answered as 507 Insufficient Storage.
 */
public final class StoreFullException extends RuntimeException {
  public StoreFullException(String message) {
    super(message);
  }

  public StoreFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
