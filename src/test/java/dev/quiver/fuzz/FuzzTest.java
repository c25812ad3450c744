package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.fuzz.FuzzTarget.Outcome;
import dev.quiver.fuzz.Mutator.Mutant;
import dev.quiver.fuzz.Seeds.Seed;
import dev.quiver.ipc.IpcLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded, bounded fuzzing of the stream and file readers (see README.md in this folder for the long run).
 * Every seed is first read unmodified (it must read); then each case mutates a random seed and runs it
 * through {@link FuzzTarget}. A failing case is kept under src/test/resources/fuzz/regressions.
 *
 * <p>System properties: {@code fuzz.seed} (a number, or {@code random}; default 20240531),
 * {@code fuzz.cases} (default 20000), {@code fuzz.minutes} (run until this much time has passed instead of
 * a case count), {@code fuzz.timeoutSeconds} (per case, default 10), {@code fuzz.case} (run only this case
 * number, to replay a failure).
 */
class FuzzTest {
  static final long DEFAULT_SEED = 20240531L;

  @Test
  void seedsReadCleanly() {
    for (Seed seed : Seeds.all()) {
      Outcome outcome = FuzzTarget.classify(seed.bytes(), seed.file(), IpcLimits.defaults());
      assertThat(outcome).as("%s", seed).isEqualTo(Outcome.READ);
    }
  }

  @Test
  void mutatedInputsGiveAReadOrAFormatError() throws Exception {
    long seed = seed();
    int cases = Integer.getInteger("fuzz.cases", 20_000);
    double minutes = Double.parseDouble(System.getProperty("fuzz.minutes", "0"));
    long deadline = minutes > 0 ? System.nanoTime() + (long) (minutes * 60e9) : Long.MAX_VALUE;
    long timeout = 1000L * Integer.getInteger("fuzz.timeoutSeconds", 10);
    Integer only = Integer.getInteger("fuzz.case");
    List<Seed> seeds = Seeds.all();
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    int done = 0;
    try (FuzzTarget target = new FuzzTarget(IpcLimits.defaults(), timeout)) {
      for (int c = only != null ? only : 0; minutes > 0 ? System.nanoTime() < deadline : c < cases; c++) {
        Random random = new Random(seed * 1_000_003L + c);
        Mutant mutant = new Mutator(random, seeds).mutate(seeds.get(random.nextInt(seeds.size())));
        try {
          outcomes.merge(target.run(mutant.bytes(), mutant.file()), 1, Integer::sum);
        } catch (FuzzTarget.Failure e) {
          Path saved = Regressions.save(mutant.bytes(), mutant.file(),
              "fuzz.seed=" + seed + " fuzz.case=" + c + ": " + mutant.description() + "\n" + e.getMessage());
          String failure = "case " + c + " (" + mutant.description() + "): " + e.getMessage() + "\n  kept as "
              + saved + "\n  replay: ./mvnw -o test -Dtest=FuzzTest#mutatedInputsGiveAReadOrAFormatError"
              + " -Dfuzz.seed=" + seed + " -Dfuzz.case=" + c + "  (or -Dtest=RegressionTest)";
          failures.add(failure);
          System.err.println("FUZZ FAILURE " + failure);
          e.getCause().printStackTrace();
          if (failures.size() >= 20) {
            break;
          }
        }
        done++;
        if (only != null) {
          break;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("fuzz: seed %d, %d seeds, %d cases in %.1f s (%.0f cases/min): %s, %d failures%n",
        seed, seeds.size(), done, seconds, done / seconds * 60, outcomes, failures.size());
    assertThat(failures).as("fuzz failures (seed %d)", seed).isEmpty();
    if (only == null && done >= 1000) {
      assertThat(outcomes.getOrDefault(Outcome.READ, 0)).as("some mutants still read").isPositive();
      assertThat(outcomes.getOrDefault(Outcome.REJECTED, 0)).as("most mutants are rejected").isPositive();
    }
  }

  static long seed() {
    String value = System.getProperty("fuzz.seed", Long.toString(DEFAULT_SEED));
    return value.equals("random") ? new Random().nextLong() : Long.parseLong(value);
  }
}
