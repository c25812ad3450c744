package dev.quiver.json;

/**
 * Invalid JSON input: malformed JSON, a value that does not fit its field's type, an unknown type string or
 * a schema that cannot be inferred. The message names the row and field path (answered as 400).
 */
public class JsonInputException extends RuntimeException {
  public JsonInputException(String message) {
    super(message);
  }

  public JsonInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
