package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.read;
import static dev.quiver.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every arrow-java sample (one per type, "all_types", "nested"; batches of 5, 0 and 100 rows with nulls)
 * written as JSON rows by RowsWriter and read back by RowsReader with the same schema: arrow-java sees the
 * same values, and the JSON text is the same. The whole JSON (all batches) is also read in one go with
 * batchSize 5, which regroups the rows: the JSON text must still be the same.
 */
class SamplesJsonRoundTripTest {

  static List<String> names() {
    return ArrowJavaSamples.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void jsonRowsRoundTrip(String name) {
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator();
        ArrowJavaData data = ArrowJavaSamples.data(name, allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(data);
      Schema schema = ArrowJavaBridge.toQuiverSchema(data.schema());
      List<RecordBatch> back = new ArrayList<>();
      for (RecordBatch b : ours) {
        String json = write(List.of(b), true);
        if (b.length() == 0) {
          assertThat(json).isEmpty();
          back.add(b);
          continue;
        }
        List<RecordBatch> again = read(json, true, schema, b.length());
        assertThat(again).hasSize(1);
        assertThat(write(again, true)).isEqualTo(json);
        back.add(again.get(0));
      }
      ArrowJavaBridge.assertSameData(data, schema, back);
      String all = write(ours, false);
      assertThat(write(read(all, false, schema, 5), false)).isEqualTo(all);
    }
  }
}
