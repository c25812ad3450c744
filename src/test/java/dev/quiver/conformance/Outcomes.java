package dev.quiver.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recorded outcome of every conformance step, written per suite to
 * {@code target/conformance/results-<suite>.json} (directory overridable with the system property
 * {@code quiver.conformance.dir}) when the suite's test class ends. scripts/conformance-table.sh turns
 * these files into the README's conformance table.
 *
 * <p>A result is {@code pass}, {@code fail} (a step that failed: the test failed too), {@code known-fail}
 * (a listed expectation, with its reason: the test passed because the step failed as expected) or
 * {@code n/a} (a listed step that cannot be exercised, with the reason).
 */
final class Outcomes {
  /** One step of one case. */
  record Outcome(String caseId, String step, Column column, Set<String> features, String result,
      String detail) {}

  private static final Map<String, List<Outcome>> BY_SUITE = new LinkedHashMap<>();
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Outcomes() {}

  static synchronized void add(String suite, Outcome outcome) {
    BY_SUITE.computeIfAbsent(suite, s -> new ArrayList<>()).add(outcome);
  }

  static synchronized List<Outcome> of(String suite) {
    return List.copyOf(BY_SUITE.getOrDefault(suite, List.of()));
  }

  /** Writes the suite's outcomes (replacing an earlier file of the suite). */
  static synchronized Path write(String suite) {
    Path dir = Path.of(System.getProperty("quiver.conformance.dir", "target/conformance"));
    ObjectNode root = MAPPER.createObjectNode();
    root.put("suite", suite);
    ArrayNode outcomes = root.putArray("outcomes");
    for (Outcome o : BY_SUITE.getOrDefault(suite, List.of())) {
      ObjectNode n = outcomes.addObject();
      n.put("case", o.caseId());
      n.put("step", o.step());
      n.put("column", o.column().label);
      ArrayNode features = n.putArray("features");
      o.features().forEach(features::add);
      n.put("result", o.result());
      if (o.detail() != null) {
        n.put("detail", o.detail());
      }
    }
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("results-" + suite + ".json");
      Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
