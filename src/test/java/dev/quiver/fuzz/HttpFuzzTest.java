package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.fuzz.Mutator.Mutant;
import dev.quiver.fuzz.Seeds.Seed;
import dev.quiver.ipc.IpcLimits;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Mutated streams and files through POST /convert and POST /files: only 2xx, or 400/413 problem+json.
 * A stored file must be served back whole, as a stream, and batch by batch, and be readable; it is then
 * deleted. Afterwards no file or temporary file is left and the service still answers.
 * {@code fuzz.httpCases} (default 600) and {@code fuzz.seed} as in {@link FuzzTest}.
 */
class HttpFuzzTest extends HttpFuzzSupport {
  @Test
  void mutatedUploadsGetAContractStatus() throws Exception {
    long seed = FuzzTest.seed();
    int cases = Integer.getInteger("fuzz.httpCases", 600);
    List<Seed> seeds = Seeds.all().stream().filter(s -> s.bytes().length < 200_000).toList();
    Map<String, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < cases && failures.size() < 10; c++) {
      Random random = new Random(seed * 7_919L + c);
      Mutant mutant = new Mutator(random, seeds).mutate(seeds.get(random.nextInt(seeds.size())));
      boolean store = random.nextInt(3) == 0;
      String accept = random.nextBoolean() ? JSON : STREAM;
      String path = store ? "/files" : "/convert";
      String type = mutant.file() ? FILE : STREAM;
      String what = "case " + c + " POST " + path + " (" + type + " -> " + accept + "; " + mutant.description() + ")";
      try {
        HttpResponse<byte[]> r = post(path, type, store ? null : accept, mutant.bytes());
        statuses.merge(path + " " + r.statusCode(), 1, Integer::sum);
        String problem = check(r, store);
        if (problem != null) {
          failures.add(fail(mutant, what + ": " + problem));
        }
      } catch (IOException e) {
        // an aborted response: acceptable only after a 200 began and the input turned out invalid
        statuses.merge(path + " aborted", 1, Integer::sum);
        if (store || FuzzTarget.classify(mutant.bytes(), mutant.file(), IpcLimits.defaults())
            == FuzzTarget.Outcome.READ) {
          failures.add(fail(mutant, what + ": connection failed: " + e));
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("http fuzz: seed %d, %d cases in %.1f s: %s%n", seed, cases, seconds, statuses);
    assertThat(failures).as("http fuzz failures (seed %d)", seed).isEmpty();
    assertThat(get("/files", null).statusCode()).as("service still answers").isEqualTo(200);
    assertThat(text(get("/files", null))).contains("\"count\":0");
    assertStoreEmpty();
  }

  private static String fail(Mutant mutant, String message) {
    Path saved = Regressions.save(mutant.bytes(), mutant.file(), "http: " + message);
    System.err.println("HTTP FUZZ FAILURE " + message + "\n  kept as " + saved);
    return message;
  }

  /** Null when the response keeps the contract, else what is wrong. */
  private String check(HttpResponse<byte[]> r, boolean store) throws Exception {
    int status = r.statusCode();
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (status == 400 || status == 413) {
      return type.startsWith(PROBLEM) ? null : status + " without problem+json: " + type;
    }
    if (status != (store ? 201 : 200)) {
      return "status " + status + ": " + text(r);
    }
    if (!store) {
      return null;
    }
    String body = text(r);
    String id = body.replaceAll("(?s).*\"id\"\\s*:\\s*\"([a-z2-7]+)\".*", "$1");
    // a stored file is served to others: it must come back whole, as a stream, and readable
    HttpResponse<byte[]> file = get("/files/" + id, FILE);
    HttpResponse<byte[]> stream = get("/files/" + id, STREAM);
    HttpResponse<byte[]> batches = get("/files/" + id + "/batches", null);
    HttpResponse<byte[]> first = get("/files/" + id + "/batches/0", STREAM);
    String problem = null;
    if (file.statusCode() != 200 || stream.statusCode() != 200 || batches.statusCode() != 200) {
      problem = "stored file " + id + " not served: " + file.statusCode() + "/" + stream.statusCode() + "/"
          + batches.statusCode();
    } else if (FuzzTarget.classify(file.body(), true, IpcLimits.defaults()) != FuzzTarget.Outcome.READ
        || FuzzTarget.classify(stream.body(), false, IpcLimits.defaults()) != FuzzTarget.Outcome.READ) {
      problem = "stored file " + id + " does not read back";
    } else if (first.statusCode() != 200 && !(first.statusCode() == 404 && text(batches).contains("\"count\":0"))) {
      problem = "batch 0 of " + id + ": " + first.statusCode();
    }
    int deleted = send("DELETE", "/files/" + id, null, null, null).statusCode();
    if (deleted != 204) {
      problem = "DELETE " + id + ": " + deleted;
    }
    return problem;
  }
}
