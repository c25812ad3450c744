package dev.quiver.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Keys are written as Jackson writes a name, whatever the characters (names are encoded once per batch). */
class RowsWriterNamesTest {
  @Test
  void oddNamesAreWrittenAsJacksonWritesThem() {
    for (String name : new String[] {"plain", "a/b", "q\"uote", "back\\slash", "\u2028\u2029", "\u00e9\u4e2d",
        "\ud83d\ude00", "\ud800", "x\udc00", "\u0001\t\n", "</script>", "\u007f\u0080"}) {
      Schema schema = new Schema(List.of(Field.of(name, ArrowType.INT64, true)), java.util.Map.of());
      ByteArrayOutputStream rowJson = new ByteArrayOutputStream();
      try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), rowJson)) {
        g.writeStartArray();
        g.writeStartObject();
        g.writeName(name);
        g.writeNull();
        g.writeEndObject();
        g.writeEndArray();
      }
      RecordBatch batch;
      try (RowsReader r = new RowsReader(new ByteArrayInputStream("[{}]".getBytes(StandardCharsets.UTF_8)), false, schema, 10,
          JsonLimits.defaults())) {
        batch = r.next();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (RowsWriter w = new RowsWriter(out, false)) {
        w.write(batch);
        w.finish();
      }
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(rowJson.toString(StandardCharsets.UTF_8));
    }
  }
}
