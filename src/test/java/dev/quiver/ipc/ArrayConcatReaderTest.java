package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.interop.GoldenFiles;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ArrayConcat (how dictionary deltas extend a dictionary) over every column of the golden files: the
 * concatenation of two batches' columns renders as the rows of the first then the second, and validates.
 */
class ArrayConcatReaderTest {

  static Stream<GoldenFiles.Case> cases() {
    return Stream.of(GoldenFiles.LITTLE_ENDIAN, GoldenFiles.SHARED_DICT)
        .flatMap(f -> GoldenFiles.cases(f).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void concatenatesEveryColumnOfTwoBatches(GoldenFiles.Case c) throws Exception {
    List<RecordBatch> batches = GoldenFilesTest.readStream(Files.readAllBytes(c.stream())).batches();
    Assumptions.assumeTrue(batches.size() >= 2, "fewer than two batches");
    RecordBatch a = batches.get(batches.size() - 2);
    RecordBatch b = batches.get(batches.size() - 1);
    for (int col = 0; col < a.columns().size(); col++) {
      ArrayData joined = ArrayConcat.concat(a.column(col), b.column(col), "test");
      ArrayValidator.validate(joined, "concat", "column " + col);
      List<String> expected = new ArrayList<>();
      for (RecordBatch batch : List.of(a, b)) {
        for (int r = 0; r < batch.length(); r++) {
          expected.add(ReaderTestValues.render(batch.column(col), r));
        }
      }
      List<String> actual = new ArrayList<>();
      for (int r = 0; r < joined.length(); r++) {
        actual.add(ReaderTestValues.render(joined, r));
      }
      assertThat(actual).as("column %d", col).isEqualTo(expected);
      assertThat(joined.nullCount()).isEqualTo(a.column(col).nullCount() + b.column(col).nullCount());
    }
  }
}
