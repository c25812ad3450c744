package dev.quiver.ipc;

/**
 * Invalid Arrow IPC input: the message says where (message index, byte offset, column path) and what was
 * wrong. Every failure caused by the bytes being read surfaces as this exception (answered as 400).
 */
public class ArrowFormatException extends RuntimeException {
  public ArrowFormatException(String message) {
    super(message);
  }

  public ArrowFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
