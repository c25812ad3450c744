package dev.quiver.json.integration;

import dev.quiver.columnar.LimitExceededException;
import dev.quiver.json.JacksonMessages;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.JsonLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/** The Jackson set-up of integration JSON (limits, NaN/Infinity tokens) and its exception mapping. */
final class Parsing {
  private Parsing() {}

  /**
   * A factory whose parsers enforce {@code limits}. Integration JSON nests two levels per level of type
   * nesting (a FieldData object and its "children" array), so the depth cap is 2 * maxNestingDepth + 8.
   */
  static JsonFactory factory(JsonLimits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(2 * limits.maxNestingDepth() + 8)
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(Math.min(limits.maxStringLength(), 1 << 16))
            .build())
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();
  }

  /** Runs a step that reads input, mapping Jackson's exceptions to ours (400, 413, I/O). */
  static <T> T guard(Supplier<T> step, JsonParser parser) {
    try {
      return step.get();
    } catch (StreamConstraintsException e) {
      throw new LimitExceededException(
          at(e.getLocation()) + JacksonMessages.limit(e.getOriginalMessage(), null));
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause() instanceof IOException
          ? (IOException) e.getCause() : new IOException(e.getMessage()));
    } catch (JacksonException e) {
      String where = at(e.getLocation());
      if (where.isEmpty() && parser != null) {
        where = at(parser);
      }
      throw new JsonInputException("malformed JSON" + (where.isEmpty() ? ": " : " at " + where)
          + JacksonMessages.clean(e.getOriginalMessage()), e);
    }
  }



  /** "line L, column C: " of the parser's current token, or "". */
  static String at(JsonParser p) {
    try {
      return at(p.currentTokenLocation());
    } catch (RuntimeException e) {
      return "";
    }
  }

  static String at(TokenStreamLocation loc) {
    if (loc == null || loc.getLineNr() <= 0) {
      return "";
    }
    return "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
  }
}
