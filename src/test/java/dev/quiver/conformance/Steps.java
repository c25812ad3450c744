package dev.quiver.conformance;

import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * Dynamic tests named {@code <case>/<step>} whose outcome is recorded in {@link Outcomes}; a step listed
 * in {@link KnownFailures} must fail with the listed message fragment (then the test passes and records
 * {@code known-fail}), and fails the test if it passes.
 */
final class Steps {
  private static final ThreadLocal<java.util.Set<String>> NOTES =
      ThreadLocal.withInitial(java.util.LinkedHashSet::new);

  private Steps() {}

  /** Attaches a note to the running step's outcome (how it was checked), shown under the table. */
  static void note(String text) {
    NOTES.get().add(text);
  }

  static DynamicTest step(String suite, String caseId, String step, Column column, Set<String> features,
      Executable body) {
    return DynamicTest.dynamicTest(caseId + "/" + step, () -> run(suite, caseId, step, column, features, body));
  }

  static void run(String suite, String caseId, String step, Column column, Set<String> features,
      Executable body) throws Throwable {
    KnownFailures.Expectation known = KnownFailures.of(caseId, step);
    Throwable failure = null;
    NOTES.get().clear();
    try {
      body.execute();
    } catch (Throwable t) {
      failure = t;
    }
    String notes = NOTES.get().isEmpty() ? null : String.join("; ", NOTES.get());
    NOTES.get().clear();
    if (known == null) {
      Outcomes.add(suite, new Outcomes.Outcome(caseId, step, column, features,
          failure == null ? "pass" : "fail", failure == null ? notes : String.valueOf(failure)));
      if (failure != null) {
        throw failure;
      }
      return;
    }
    if (failure == null) {
      Outcomes.add(suite, new Outcomes.Outcome(caseId, step, column, features, "pass", null));
      throw new AssertionError(caseId + "/" + step + " unexpectedly passed: remove it from KnownFailures ("
          + known.reason() + ")");
    }
    String message = causeChain(failure);
    if (!message.contains(known.messageFragment())) {
      Outcomes.add(suite, new Outcomes.Outcome(caseId, step, column, features, "fail", message));
      AssertionError e = new AssertionError(caseId + "/" + step + " is expected to fail with '"
          + known.messageFragment() + "' (" + known.reason() + ") but failed otherwise: " + message);
      e.addSuppressed(failure);
      throw e;
    }
    Outcomes.add(suite, new Outcomes.Outcome(caseId, step, column, features,
        known.notApplicable() ? "n/a" : "known-fail", known.reason()));
  }

  private static String causeChain(Throwable t) {
    StringBuilder out = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      out.append(out.length() == 0 ? "" : " <- ").append(c);
    }
    return out.toString();
  }
}
