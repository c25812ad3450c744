package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.ipc.ByteSource;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.web.ArrowJavaIo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as a separate process, SIGKILLed at random moments during concurrent uploads and deletes,
 * many times over the same store. After every restart: every acknowledged upload (201) is listed and
 * byte-identical to what was sent, no acknowledged delete (204) comes back, every listed file is a
 * complete, valid Arrow file equal to one of the bodies sent, and no temporary file is left.
 */
@Timeout(300)
class StoreCrashTest {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-z2-7]{26})\"");

  @TempDir
  Path root;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> sha256 sent
  private final Set<String> deleted = ConcurrentHashMap.newKeySet(); // 204 received
  private final Set<String> maybeDeleted = ConcurrentHashMap.newKeySet(); // DELETE sent, no answer
  private final Set<String> sentShas = ConcurrentHashMap.newKeySet();
  private final Set<String> verified = ConcurrentHashMap.newKeySet();

  @Test
  void acknowledgedUploadsSurviveSigkill() throws Exception {
    int maxCycles = Integer.getInteger("quiver.store.crashCycles", 12);
    long budgetMillis = Long.getLong("quiver.store.crashMillis", 60_000);
    Path storage = root.resolve("store");
    List<byte[]> bodies = List.of(ArrowJavaIo.sample(true, 2, 3), ArrowJavaIo.sample(true, 1000),
        ArrowJavaIo.sample(true, 20_000, 20_000), ArrowJavaIo.sample(true, 120_000),
        ArrowJavaIo.sample(true, 50_000, 1, 50_000), ArrowJavaIo.sample(true, 7, 0, 9));
    List<String> shas = new ArrayList<>();
    for (byte[] body : bodies) {
      shas.add(sha256(body));
    }
    sentShas.addAll(shas);
    long start = System.nanoTime();
    int cycles = 0;
    AtomicInteger attempts = new AtomicInteger();
    long startupMillisTotal = 0;
    while (cycles < maxCycles && (cycles < 3 || elapsedMillis(start) < budgetMillis)) {
      long t = System.nanoTime();
      ServiceProcess service = ServiceProcess.start(storage, root.resolve("service-" + cycles + ".log"), 60_000);
      startupMillisTotal += elapsedMillis(t);
      try {
        verify(service.port(), storage, false);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
          Thread client = new Thread(() -> load(service.port(), bodies, shas, attempts), "crash-client-" + c);
          client.start();
          clients.add(client);
        }
        // kill at a random moment once this cycle's uploads are flowing (the first one acknowledged)
        int before = acknowledged.size();
        long waitUntil = System.nanoTime() + 20_000_000_000L;
        while (acknowledged.size() == before && System.nanoTime() < waitUntil) {
          Thread.sleep(10);
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(50, 1500));
        service.kill();
        for (Thread client : clients) {
          client.join(30_000);
          assertThat(client.isAlive()).as("client thread ended").isFalse();
        }
      } finally {
        service.close();
      }
      cycles++;
    }
    ServiceProcess last = ServiceProcess.start(storage, root.resolve("service-last.log"), 60_000);
    try {
      verify(last.port(), storage, true);
    } finally {
      last.close();
    }
    System.out.printf("crash test: %d SIGKILL cycles in %d ms (service start %d ms on average);"
        + " %d uploads attempted, %d acknowledged, %d deletes acknowledged, %d files verified"
        + " byte-identical%n", cycles, elapsedMillis(start), startupMillisTotal / cycles, attempts.get(),
        acknowledged.size(), deleted.size(), verified.size());
    assertThat(cycles).isGreaterThanOrEqualTo(3);
    assertThat(acknowledged).isNotEmpty();
  }

  /** Uploads and deletes until the service dies under it. */
  private void load(int port, List<byte[]> bodies, List<String> shas, AtomicInteger attempts) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<String> mine = new ArrayList<>();
    try {
      while (true) {
        if (!mine.isEmpty() && random.nextInt(5) == 0) {
          String id = mine.remove(random.nextInt(mine.size()));
          maybeDeleted.add(id);
          HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(port, "/files/" + id)).DELETE());
          assertThat(response.statusCode()).as("DELETE %s", id).isEqualTo(204);
          deleted.add(id);
          continue;
        }
        int k = random.nextInt(bodies.size());
        attempts.incrementAndGet();
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(port, "/files"))
            .header("Content-Type", "application/vnd.apache.arrow.file")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(k))));
        assertThat(response.statusCode()).as("POST /files").isEqualTo(201);
        Matcher m = ID.matcher(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        acknowledged.put(m.group(1), shas.get(k));
        mine.add(m.group(1));
      }
    } catch (IOException e) {
      // the service was killed: the call in flight has no answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void verify(int port, Path storage, boolean everything) throws Exception {
    HttpResponse<byte[]> list = send(HttpRequest.newBuilder(uri(port, "/files")).GET());
    assertThat(list.statusCode()).isEqualTo(200);
    try (Stream<Path> temp = Files.list(storage.resolve(".tmp"))) {
      assertThat(temp).as("temporary files left after the restart").isEmpty();
    }
    Set<String> listed = new HashSet<>();
    Matcher m = ID.matcher(new String(list.body(), java.nio.charset.StandardCharsets.UTF_8));
    while (m.find()) {
      listed.add(m.group(1));
    }
    for (String id : acknowledged.keySet()) {
      if (!maybeDeleted.contains(id)) {
        assertThat(listed).as("acknowledged upload %s is listed", id).contains(id);
      }
    }
    for (String id : deleted) {
      assertThat(listed).as("acknowledged delete %s stays deleted", id).doesNotContain(id);
    }
    for (String id : listed) {
      if (!everything && verified.contains(id)) {
        continue;
      }
      HttpResponse<byte[]> file = send(HttpRequest.newBuilder(uri(port, "/files/" + id))
          .header("Accept", "application/vnd.apache.arrow.file").GET());
      assertThat(file.statusCode()).as("GET %s", id).isEqualTo(200);
      String sha = sha256(file.body());
      String expected = acknowledged.get(id);
      if (expected != null) {
        assertThat(sha).as("acknowledged %s is byte-identical", id).isEqualTo(expected);
      } else {
        assertThat(sentShas).as("unacknowledged but listed %s is one complete body", id).contains(sha);
      }
      FileReader reader = FileReader.open(ByteSource.of(ByteBuffer.wrap(file.body())), IpcLimits.defaults());
      for (int i = 0; i < reader.batchCount(); i++) {
        reader.readBatch(i);
      }
      verified.add(id);
    }
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static long elapsedMillis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
