package dev.quiver.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Steps known not to work, each with the reason and a fragment the failure's message must contain. Keys are
 * {@code <folder>/<case>/<step>} (generated cases: {@code generated/<case>/<step>}) where {@code *} matches
 * within one segment. A listed step that passes fails the suite ("unexpectedly passed"), and so does one
 * that fails for another reason, so this list stays honest.
 */
final class KnownFailures {
  /** Why a step fails and what its failure message contains. */
  record Expectation(String reason, String messageFragment) {}

  private static final Map<String, Expectation> LIST = new LinkedHashMap<>();

  static {
    expect("1.0.0-littleendian/duplicate_fieldnames/*",
        "no ground truth: arrow-java's JsonFileReader cannot read a struct with two children of the same name,"
            + " and our own integration JSON reader (the fallback) is not there yet",
        "JsonFileReader cannot read");
    expect("generated/dictionary_replacement/http",
        "the store keeps every upload as an Arrow file, and the file format forbids dictionary replacement:"
            + " the upload is refused with 400 (the stream itself converts fine with POST /convert)",
        "forbids dictionary replacement");
  }

  private KnownFailures() {}

  static void expect(String pattern, String reason, String messageFragment) {
    LIST.put(pattern, new Expectation(reason, messageFragment));
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
