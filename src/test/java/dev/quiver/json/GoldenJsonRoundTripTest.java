package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.read;
import static dev.quiver.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.GoldenFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arrow-testing golden files (their .json.gz ground truth, read by arrow-java) as JSON rows: RowsWriter's
 * JSON, read back by RowsReader with the same schema, gives the same values (compared by arrow-java) and the
 * same JSON text. Cases whose data JSON rows cannot carry by design are aborted with the reason.
 */
class GoldenJsonRoundTripTest {

  static Stream<GoldenFiles.Case> cases() {
    return Stream.of(GoldenFiles.LITTLE_ENDIAN, GoldenFiles.SHARED_DICT)
        .flatMap(folder -> GoldenFiles.cases(folder).stream())
        .filter(GoldenFiles::supportedByIssue2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jsonRowsRoundTrip(GoldenFiles.Case c) {
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator();
        ArrowJavaData data = groundTruth(c, allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(data);
      Schema schema = ArrowJavaBridge.toQuiverSchema(data.schema());
      List<RecordBatch> back = new ArrayList<>();
      for (RecordBatch b : ours) {
        String json = write(List.of(b), false);
        if (b.length() == 0) {
          assertThat(json).isEqualTo("[]");
          back.add(b);
          continue;
        }
        List<RecordBatch> again;
        try {
          again = read(json, false, b.schema(), b.length());
        } catch (JsonInputException e) {
          abortIfByDesign(c, e);
          throw e;
        }
        assertThat(again).hasSize(1);
        assertThat(write(again, false)).isEqualTo(json);
        back.add(again.get(0));
      }
      ArrowJavaBridge.assertSameData(data, schema, back);
    }
  }

  private static ArrowJavaData groundTruth(GoldenFiles.Case c, BufferAllocator allocator) {
    try {
      return GoldenFiles.readJson(c, allocator);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort(e.getMessage());
      throw e;
    }
  }

  /** The golden generator writes decimals over their declared precision; JSON input rejects those (400). */
  private static void abortIfByDesign(GoldenFiles.Case c, JsonInputException e) {
    String m = e.getMessage();
    if (m.contains("does not fit decimal precision")) {
      Assumptions.abort(c + ": the golden data has decimals over their precision, which JSON input rejects: " + m);
    }
    if (m.contains("cannot be read from JSON rows")) {
      Assumptions.abort(c + ": " + m);
    }
  }
}
