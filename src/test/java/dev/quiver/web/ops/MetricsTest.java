package dev.quiver.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Prometheus scrape lists every documented meter, and Quiver's own meters count exactly what the
 * requests did: batches and rows decoded and encoded, body bytes in and out, upload and conversion timers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsTest extends OpsTestSupport.Shared {
  @Autowired
  MeterRegistry registry;

  @Test
  void uploadAndConversionsAreCounted() throws Exception {
    double jsonDecoded = counter("quiver.batches", "decoded", "json");
    double jsonRowsDecoded = counter("quiver.rows", "decoded", "json");
    double fileEncoded = counter("quiver.batches", "encoded", "file");
    double fileRowsEncoded = counter("quiver.rows", "encoded", "file");
    long uploads = timerCount("quiver.upload", "input", "json", "outcome", "success");

    HttpResponse<byte[]> created = post("/files?batchSize=2", JSON, ROWS);
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    assertThat(counter("quiver.batches", "decoded", "json") - jsonDecoded).isEqualTo(4);
    assertThat(counter("quiver.rows", "decoded", "json") - jsonRowsDecoded).isEqualTo(8);
    assertThat(counter("quiver.batches", "encoded", "file") - fileEncoded).isEqualTo(4);
    assertThat(counter("quiver.rows", "encoded", "file") - fileRowsEncoded).isEqualTo(8);
    assertThat(timerCount("quiver.upload", "input", "json", "outcome", "success") - uploads).isEqualTo(1);

    // the stored file, uploaded again as a file: validated batch by batch (decoded), nothing encoded
    String id = json(created).get("id").asString();
    byte[] file = get("/files/" + id, "Accept", FILE).body();
    double fileDecoded = counter("quiver.batches", "decoded", "file");
    double fileEncodedBefore = counter("quiver.batches", "encoded", "file");
    assertThat(post("/files", FILE, file).statusCode()).isEqualTo(201);
    assertThat(counter("quiver.batches", "decoded", "file") - fileDecoded).isEqualTo(4);
    assertThat(counter("quiver.batches", "encoded", "file")).isEqualTo(fileEncodedBefore);

    // file -> NDJSON: four batches decoded from the file, four encoded as ndjson, one conversion timed
    double ndjsonEncoded = counter("quiver.batches", "encoded", "ndjson");
    double ndjsonRows = counter("quiver.rows", "encoded", "ndjson");
    long conversions = timerCount("quiver.convert", "input", "file", "output", "ndjson", "outcome", "success");
    double received = bytes("quiver.http.received", "/convert");
    double sent = bytes("quiver.http.sent", "/convert");
    HttpResponse<byte[]> converted = post("/convert?format=ndjson", FILE, file);
    assertThat(converted.statusCode()).isEqualTo(200);
    assertThat(new String(converted.body(), StandardCharsets.UTF_8).lines()).hasSize(8);
    assertThat(counter("quiver.batches", "encoded", "ndjson") - ndjsonEncoded).isEqualTo(4);
    assertThat(counter("quiver.rows", "encoded", "ndjson") - ndjsonRows).isEqualTo(8);
    assertThat(timerCount("quiver.convert", "input", "file", "output", "ndjson", "outcome", "success")
        - conversions).isEqualTo(1);
    assertThat(bytes("quiver.http.received", "/convert") - received).isEqualTo(file.length);
    assertThat(bytes("quiver.http.sent", "/convert") - sent).isEqualTo(converted.body().length);
  }

  @Test
  void aFailedConversionIsTimedAsAFailureAndEncodesNothing() throws Exception {
    long failures = timerCount("quiver.convert", "input", "json", "output", "stream", "outcome", "failure");
    double encoded = counter("quiver.batches", "encoded", "stream");
    HttpResponse<byte[]> response = post("/convert", JSON, "[{\"a\": 1}, {\"a\": \"x\"}]");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(timerCount("quiver.convert", "input", "json", "output", "stream", "outcome", "failure")
        - failures).isEqualTo(1);
    assertThat(counter("quiver.batches", "encoded", "stream")).isEqualTo(encoded);
  }

  @Test
  void prometheusListsEveryDocumentedMeter() throws Exception {
    HttpResponse<byte[]> created = post("/files?batchSize=3", JSON, ROWS);
    String id = json(created).get("id").asString();
    assertThat(get("/files/" + id + "/batches/1", "Accept", JSON).statusCode()).isEqualTo(200);
    assertThat(post("/convert", JSON, ROWS).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> scrape = get("/actuator/prometheus");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(header(scrape, "Content-Type")).startsWith("text/plain");
    String metrics = text(scrape);
    assertThat(metrics).containsPattern(
        "http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\"[^}]*"
            + "uri=\"/files/\\{id}/batches/\\{index}\"");
    assertThat(metrics).containsPattern(
        "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"201\"[^}]*uri=\"/files\"");
    assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{");
    assertThat(metrics).containsPattern("quiver_http_received_bytes_total\\{[^}]*uri=\"/files\"");
    assertThat(metrics).containsPattern("quiver_http_sent_bytes_total\\{[^}]*uri=\"/convert\"");
    assertThat(metrics).containsPattern("quiver_batches_total\\{[^}]*direction=\"decoded\",format=\"json\"");
    assertThat(metrics).containsPattern("quiver_batches_total\\{[^}]*direction=\"encoded\",format=\"stream\"");
    assertThat(metrics).containsPattern("quiver_rows_total\\{[^}]*direction=\"decoded\",format=\"file\"");
    assertThat(metrics).containsPattern("quiver_rows_total\\{[^}]*direction=\"encoded\",format=\"json\"");
    assertThat(metrics).containsPattern("quiver_store_files\\{[^}]*} \\d");
    assertThat(metrics).containsPattern("quiver_store_bytes\\{[^}]*} \\d");
    assertThat(metrics).containsPattern("quiver_upload_seconds_count\\{[^}]*input=\"json\"[^}]*outcome=\"success\"");
    assertThat(metrics).containsPattern(
        "quiver_convert_seconds_count\\{[^}]*input=\"json\"[^}]*outcome=\"success\"[^}]*output=\"stream\"");
    assertThat(metrics).containsPattern("jvm_memory_used_bytes\\{");
    assertThat(metrics).contains("application=\"quiver\"");
  }

  private double counter(String name, String direction, String format) {
    Counter counter = registry.find(name).tag("direction", direction).tag("format", format).counter();
    return counter == null ? 0 : counter.count();
  }

  private double bytes(String name, String uri) {
    Counter counter = registry.find(name).tag("uri", uri).counter();
    return counter == null ? 0 : counter.count();
  }

  private long timerCount(String name, String... tags) {
    Timer timer = registry.find(name).tags(tags).timer();
    return timer == null ? 0 : timer.count();
  }
}
