package dev.quiver.json.write;

import tools.jackson.core.JsonGenerator;

/** Writes slot {@code index} of one array as a JSON value (null slots are handled by the caller). */
@FunctionalInterface
public interface ValueWriter {
  void write(JsonGenerator g, int index);
}
