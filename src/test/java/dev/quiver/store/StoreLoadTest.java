package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.web.ArrowJavaIo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many clients uploading, listing, reading batches and whole files, and deleting at once, over HTTP; every
 * response is checked: uploads 201; a read answers the exact bytes of its file, or 404 only once a delete
 * of that id has started; no read sees a file after its delete returned; a listing holds every file
 * acknowledged before it and not being deleted, and none deleted before it. Afterwards every file is
 * deleted and the descriptors and mappings of the store's files go back to zero.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(180)
class StoreLoadTest {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-z2-7]{26})\"");
  static final Path STORAGE = tempDir();

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    registry.add("quiver.storage.dir", STORAGE::toString);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Integer> live = new ConcurrentHashMap<>(); // acknowledged, no delete started
  private final Map<String, Integer> kinds = new ConcurrentHashMap<>(); // every acknowledged id -> body
  private final Set<String> deleteStarted = ConcurrentHashMap.newKeySet();
  private final Set<String> deleteDone = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  @Test
  void concurrentUploadsReadsListingsAndDeletesGetConsistentAnswers() throws Exception {
    List<byte[]> bodies = List.of(ArrowJavaIo.sample(true, 2, 3), ArrowJavaIo.sample(true, 3000, 1, 4000),
        ArrowJavaIo.sample(true, 60_000, 60_000), ArrowJavaIo.sample(true, 1, 1, 1, 1, 1));
    // expected answers, from one reference copy of each body
    List<List<byte[]>> batchStreams = new ArrayList<>();
    for (byte[] body : bodies) {
      String id = upload(body);
      List<byte[]> streams = new ArrayList<>();
      for (int i = 0; ; i++) {
        HttpResponse<byte[]> batch = get("/files/" + id + "/batches/" + i, null);
        if (batch.statusCode() == 404) {
          break;
        }
        assertThat(batch.statusCode()).isEqualTo(200);
        streams.add(batch.body());
      }
      batchStreams.add(streams);
      assertThat(delete(id).statusCode()).isEqualTo(204);
    }
    long seconds = Long.getLong("quiver.store.loadSeconds", 8);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      Thread client = new Thread(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline && violations.size() < 20) {
          try {
            step(random, bodies, batchStreams);
          } catch (Exception e) {
            violations.add("client error: " + e);
          }
        }
      }, "load-client-" + c);
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join(120_000);
    }
    System.out.println("load test: " + counts + "; violations " + violations.size());
    assertThat(violations).isEmpty();
    // clean up everything, then nothing of the store's files stays open or mapped
    for (String id : new ArrayList<>(live.keySet())) {
      assertThat(delete(id).statusCode()).isEqualTo(204);
    }
    assertThat(get("/files", null).body()).asString().contains("\"count\":0");
    if (Files.isDirectory(Path.of("/proc/self/fd"))) {
      boolean released = ProcSelf.gcUntil(() -> {
        try {
          return ProcSelf.mappingsUnder(STORAGE) == 0 && ProcSelf.descriptorsUnder(STORAGE) == 0;
        } catch (IOException e) {
          return false;
        }
      }, 10_000);
      System.out.println("load test: after deleting all, mappings " + ProcSelf.mappingsUnder(STORAGE)
          + ", descriptors " + ProcSelf.descriptorsUnder(STORAGE));
      assertThat(released).isTrue();
    }
  }

  private void step(ThreadLocalRandom random, List<byte[]> bodies, List<List<byte[]>> batchStreams)
      throws Exception {
    int op = random.nextInt(10);
    List<String> known = new ArrayList<>(kinds.keySet());
    if (op < 3 || known.isEmpty()) {
      int k = random.nextInt(bodies.size());
      String id = upload(bodies.get(k));
      kinds.put(id, k);
      live.put(id, k);
      count("upload");
    } else if (op < 6) {
      String id = known.get(random.nextInt(known.size()));
      int k = kinds.get(id);
      int i = random.nextInt(batchStreams.get(k).size());
      boolean deletedBefore = deleteDone.contains(id);
      HttpResponse<byte[]> batch = get("/files/" + id + "/batches/" + i, null);
      checkRead(id, deletedBefore, batch, batchStreams.get(k).get(i), "batch " + i);
      count("batch");
    } else if (op < 7) {
      String id = known.get(random.nextInt(known.size()));
      boolean deletedBefore = deleteDone.contains(id);
      HttpResponse<byte[]> file = get("/files/" + id, "application/vnd.apache.arrow.file");
      checkRead(id, deletedBefore, file, bodies.get(kinds.get(id)), "whole file");
      count("file");
    } else if (op < 8) {
      Set<String> mustList = new HashSet<>(live.keySet());
      Set<String> mustNotList = new HashSet<>(deleteDone);
      HttpResponse<byte[]> list = get("/files", null);
      if (list.statusCode() != 200) {
        violations.add("GET /files answered " + list.statusCode());
        return;
      }
      Set<String> listed = new HashSet<>();
      Matcher m = ID.matcher(new String(list.body(), StandardCharsets.UTF_8));
      while (m.find()) {
        listed.add(m.group(1));
      }
      for (String id : mustList) {
        if (!listed.contains(id) && !deleteStarted.contains(id)) {
          violations.add("acknowledged " + id + " missing from a listing");
        }
      }
      for (String id : mustNotList) {
        if (listed.contains(id)) {
          violations.add("deleted " + id + " still listed");
        }
      }
      count("list");
    } else {
      List<String> candidates = new ArrayList<>(live.keySet());
      if (candidates.isEmpty()) {
        return;
      }
      String id = candidates.get(random.nextInt(candidates.size()));
      if (live.remove(id) == null) {
        return; // another client took it
      }
      deleteStarted.add(id);
      HttpResponse<byte[]> response = delete(id);
      if (response.statusCode() != 204) {
        violations.add("DELETE " + id + " answered " + response.statusCode());
      }
      deleteDone.add(id);
      HttpResponse<byte[]> after = get("/files/" + id, null);
      if (after.statusCode() != 404) {
        violations.add("GET " + id + " after its delete answered " + after.statusCode());
      }
      count("delete");
    }
  }

  private void checkRead(String id, boolean deletedBefore, HttpResponse<byte[]> response, byte[] expected,
      String what) {
    if (response.statusCode() == 404) {
      if (!deleteStarted.contains(id)) {
        violations.add(what + " of " + id + ": 404 without a delete");
      }
      count("404 during or after delete");
    } else if (response.statusCode() == 200) {
      if (deletedBefore) {
        violations.add(what + " of " + id + " answered 200 after its delete returned");
      }
      if (!Arrays.equals(response.body(), expected)) {
        violations.add(what + " of " + id + ": " + response.body().length + " bytes differ from the "
            + expected.length + " expected");
      }
    } else {
      violations.add(what + " of " + id + " answered " + response.statusCode());
    }
  }

  private String upload(byte[] body) throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/files"))
        .header("Content-Type", "application/vnd.apache.arrow.file")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(201);
    Matcher m = ID.matcher(new String(response.body(), StandardCharsets.UTF_8));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private HttpResponse<byte[]> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> delete(String id) throws Exception {
    return http.send(HttpRequest.newBuilder(uri("/files/" + id)).DELETE().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private void count(String what) {
    counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("quiver-load-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
