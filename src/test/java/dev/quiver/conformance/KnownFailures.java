package dev.quiver.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Steps known not to work, each with the reason and a fragment the failure's message must contain. Keys are
 * {@code <folder>/<case>/<step>} (generated cases: {@code generated/<case>/<step>}) where {@code *} matches
 * within one segment. A listed step that passes fails the suite ("unexpectedly passed"), and so does one
 * that fails for another reason, so this list stays honest. Steps that cannot be exercised are listed the
 * same way, marked not applicable.
 */
final class KnownFailures {
  /**
   * Why a step fails and what its failure message contains; {@code notApplicable} when the step cannot be
   * exercised at all (no independent input or checker exists), recorded as {@code n/a} rather than a
   * failure of ours.
   */
  record Expectation(String reason, String messageFragment, boolean notApplicable) {}

  private static final Map<String, Expectation> LIST = new LinkedHashMap<>();

  static {
    for (String step : new String[] {"read-stream-lz4", "read-stream-zstd", "read-file-lz4", "read-file-zstd"}) {
      notApplicable("1.0.0-littleendian/duplicate_fieldnames/" + step,
          "no compressed input to read: arrow-java, our only other writer, cannot handle a struct with two"
              + " children of the same name",
          "arrow-java cannot write this data");
    }
    for (String step : new String[] {"http", "http-lz4", "http-zstd"}) {
      expect("generated/dictionary_replacement/" + step,
          "the store keeps every upload as an Arrow file, and the file format forbids dictionary replacement:"
              + " the upload is refused with 400 (the stream converts fine with POST /convert: http-convert)",
          "forbids dictionary replacement");
    }
  }

  private KnownFailures() {}

  static void expect(String pattern, String reason, String messageFragment) {
    LIST.put(pattern, new Expectation(reason, messageFragment, false));
  }

  static void notApplicable(String pattern, String reason, String messageFragment) {
    LIST.put(pattern, new Expectation(reason, messageFragment, true));
  }

  /** The expectation for a step, or null when it must pass. */
  static Expectation of(String caseId, String step) {
    String key = caseId + "/" + step;
    for (Map.Entry<String, Expectation> e : LIST.entrySet()) {
      if (matches(e.getKey(), key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static boolean matches(String pattern, String key) {
    String regex = Pattern.quote(pattern).replace("*", "\\E[^/]*\\Q");
    return key.matches(regex);
  }
}
