package dev.quiver.json.integration;

import dev.quiver.columnar.LimitExceededException;
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
      throw new LimitExceededException(at(e.getLocation()) + limitMessage(e.getOriginalMessage()));
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause() instanceof IOException
          ? (IOException) e.getCause() : new IOException(e.getMessage()));
    } catch (JacksonException e) {
      String where = at(e.getLocation());
      if (where.isEmpty() && parser != null) {
        where = at(parser);
      }
      throw new JsonInputException("malformed JSON" + (where.isEmpty() ? ": " : " at " + where)
          + clean(e.getOriginalMessage()), e);
    }
  }

  private static String limitMessage(String jackson) {
    String m = jackson == null ? "" : jackson;
    if (m.contains("nesting depth")) {
      return "JSON nested too deeply (the nesting depth limit)";
    } else if (m.contains("String value length")) {
      return "a string longer than the string length limit";
    } else if (m.contains("Number value length")) {
      return "a number with too many digits";
    } else if (m.contains("Name length")) {
      return "a key that is too long";
    }
    return clean(m);
  }

  private static String clean(String message) {
    if (message == null) {
      return "";
    }
    return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
        .replaceAll("\\s*\\[Source:[^\\]]*\\]", "");
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
