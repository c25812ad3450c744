package dev.quiver.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JMH JSON result ({@code -rf json}) into a Markdown table: for every operation and parameter set,
 * each implementation's time per operation, and for each of ours ({@code _quiver*}) against each other
 * implementation the speed ratio (their time / our time; above 1 means we are faster).
 *
 * <p>Usage: {@code java -cp ... dev.quiver.bench.Ratios result.json...} (several files are read in order)
 */
public final class Ratios {
  private Ratios() {}

  record Score(String impl, double score, double error, String unit) {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: Ratios <jmh-result.json>...");
      System.exit(2);
    }
    List<JsonNode> results = new ArrayList<>();
    for (String file : args) {
      JsonMapper.builder().build().readTree(new File(file)).forEach(results::add);
    }
    Map<String, List<Score>> groups = new LinkedHashMap<>();
    for (JsonNode r : results) {
      String benchmark = r.get("benchmark").asString();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      int sep = method.indexOf('_');
      String op = sep < 0 ? method : method.substring(0, sep);
      String impl = sep < 0 ? "" : method.substring(sep + 1);
      StringBuilder params = new StringBuilder();
      JsonNode p = r.get("params");
      if (p != null) {
        for (var e : p.properties()) {
          params.append(params.length() == 0 ? "" : ", ").append(e.getValue().asString());
        }
      }
      JsonNode metric = r.get("primaryMetric");
      groups.computeIfAbsent(op + "\t" + params, k -> new ArrayList<>()).add(new Score(impl,
          num(metric.get("score")), num(metric.get("scoreError")),
          metric.get("scoreUnit").asString()));
    }
    System.out.println("| operation | data | implementation | time/op | ours vs it (speed ratio) |");
    System.out.println("|---|---|---|---|---|");
    for (Map.Entry<String, List<Score>> g : groups.entrySet()) {
      String[] key = g.getKey().split("\t", -1);
      List<Score> ours = g.getValue().stream().filter(s -> s.impl().startsWith("quiver")).toList();
      for (Score s : g.getValue()) {
        StringBuilder ratio = new StringBuilder();
        if (!s.impl().startsWith("quiver")) {
          for (Score q : ours) {
            ratio.append(ratio.length() == 0 ? "" : ", ")
                .append(ours.size() > 1 ? q.impl() + ": " : "")
                .append(String.format(Locale.ROOT, "**%.2fx**", s.score() / q.score()));
          }
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s ± %s %s | %s |%n", key[0], key[1], s.impl(),
            fmt(s.score()), fmt(s.error()), s.unit(), ratio);
      }
    }
  }

  private static double num(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN; // JMH writes "NaN" for a single iteration's error
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
