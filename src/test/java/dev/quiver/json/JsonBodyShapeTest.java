package dev.quiver.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Rows and integration JSON told apart by their keys; the whole body is replayed. */
class JsonBodyShapeTest {

  private static JsonBodyShape.Sniffed sniff(String body) {
    return JsonBodyShape.sniff(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        JsonLimits.defaults());
  }

  @Test
  void shapes() throws IOException {
    String big = "{\"schema\": {\"fields\": [" + "{\"name\": \"a\", \"type\": \"int64\"},".repeat(2000)
        + "{\"name\": \"z\", \"type\": \"int64\"}]}, ";
    String[][] cases = {
        {"[{\"a\": 1}]", "ROWS"},
        {"{\"rows\": [], \"schema\": {\"fields\": []}}", "ROWS"},
        {big + "\"rows\": []}", "ROWS"},
        {big + "\"batches\": []}", "INTEGRATION"},
        {"{\"dictionaries\": [], \"schema\": {}, \"batches\": []}", "INTEGRATION"},
        {"{\"batches\": []}", "INTEGRATION"},
        {"{\"other\": 1}", "ROWS"},
        {"{\"schema\": [1, 2", "ROWS"},
        {"", "ROWS"},
        {"42", "ROWS"}};
    for (String[] c : cases) {
      JsonBodyShape.Sniffed s = sniff(c[0]);
      assertThat(s.shape().name()).as(c[0].length() > 60 ? c[0].substring(c[0].length() - 40) : c[0])
          .isEqualTo(c[1]);
      assertThat(new String(s.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(c[0]);
    }
  }
}
