package dev.quiver.store;

/**
 * The store cannot write at the moment (a read-only or inaccessible storage directory); reads keep working.
 * Nothing of the upload is kept. Answered as 503 Service Unavailable.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
