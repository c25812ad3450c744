package dev.quiver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden files through arrow-java and the bridge: arrow-java reads each .stream and .arrow_file equal to
 * the .json.gz, and the data survives arrow-java -> Quiver -> arrow-java and arrow-java's writers.
 */
class GoldenFilesArrowJavaTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<GoldenFiles.Case> littleEndianCases() {
    return GoldenFiles.cases(GoldenFiles.LITTLE_ENDIAN).stream();
  }

  static Stream<GoldenFiles.Case> supportedCases() {
    return Stream.of(GoldenFiles.LITTLE_ENDIAN, GoldenFiles.SHARED_DICT)
        .flatMap(f -> GoldenFiles.cases(f).stream())
        .filter(GoldenFiles::supportedByIssue2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("littleEndianCases")
  void arrowJavaReadsStreamAndFileEqualToJson(GoldenFiles.Case c) {
    try (ArrowJavaData json = reference(c);
        ArrowJavaData stream = ArrowJavaData.read(GoldenFiles.bytes(c.stream()), false, allocator);
        ArrowJavaData file = ArrowJavaData.read(GoldenFiles.bytes(c.arrowFile()), true, allocator)) {
      ArrowJavaBridge.assertSameData(json, stream);
      ArrowJavaBridge.assertSameData(json, file);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("supportedCases")
  void roundTripsThroughQuiver(GoldenFiles.Case c) {
    try (ArrowJavaData json = reference(c);
        ArrowJavaData stream = ArrowJavaData.read(GoldenFiles.bytes(c.stream()), false, allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(stream);
      assertThat(ours).hasSize(json.batches().size());
      ArrowJavaBridge.assertSameData(json, ArrowJavaBridge.toQuiverSchema(stream.schema()), ours);
      try (ArrowJavaData back = ArrowJavaBridge.toArrowJava(
          ArrowJavaBridge.toQuiverSchema(stream.schema()), ours, allocator)) {
        try (ArrowJavaData rereadStream = ArrowJavaData.read(back.writeStream(), false, allocator);
            ArrowJavaData rereadFile = ArrowJavaData.read(back.writeFile(), true, allocator)) {
          assertSameAfterArrowJavaWrite(json, rereadStream);
          assertSameAfterArrowJavaWrite(json, rereadFile);
        }
      }
    }
  }

  /**
   * Compares data that arrow-java wrote. Known arrow-java 19 limitation: its writers take a dictionary's
   * field from the dictionary vector, and a ListVector names its child "$data$" whatever the schema says;
   * for that case only the values are compared.
   */
  private static void assertSameAfterArrowJavaWrite(ArrowJavaData expected, ArrowJavaData written) {
    try {
      ArrowJavaBridge.assertSameData(expected, written);
    } catch (AssertionError e) {
      if (!String.valueOf(e.getMessage()).contains("but was <$data$>")) {
        throw e;
      }
      System.out.println("[golden] arrow-java's writer renamed a list dictionary's child: " + e.getMessage());
      DataComparator.assertSameValues(expected, written);
    }
  }

  /** The .json.gz read by arrow-java, or (printing why) the .arrow_file when arrow-java cannot read it. */
  private ArrowJavaData reference(GoldenFiles.Case c) {
    try {
      return GoldenFiles.readJson(c, allocator);
    } catch (UnsupportedOperationException e) {
      System.out.println("[golden] " + c + ": comparing with the .arrow_file instead of the JSON: "
          + e.getMessage());
      try {
        return ArrowJavaData.read(GoldenFiles.bytes(c.arrowFile()), true, allocator);
      } catch (RuntimeException fileError) {
        // e.g. duplicate field names in a struct: arrow-java's StructVector keys children by name.
        Assumptions.abort("arrow-java cannot read " + c + " at all: " + fileError);
        throw fileError;
      }
    }
  }

  @Test
  void supportedRuleReadsTypesFromJson() {
    GoldenFiles.Case union = GoldenFiles.find(GoldenFiles.LITTLE_ENDIAN, "union");
    assertThat(GoldenFiles.typeNames(union)).contains("union");
    assertThat(GoldenFiles.supportedByIssue2(union)).isFalse();
    assertThat(GoldenFiles.supportedByIssue2(GoldenFiles.find(GoldenFiles.LITTLE_ENDIAN, "interval")))
        .isFalse();
    assertThat(GoldenFiles.supportedByIssue2(GoldenFiles.find(GoldenFiles.LITTLE_ENDIAN, "primitive")))
        .isTrue();
    assertThat(GoldenFiles.supportedByIssue2(GoldenFiles.find(GoldenFiles.LITTLE_ENDIAN, "nested_dictionary")))
        .isTrue();
    assertThat(GoldenFiles.cases(GoldenFiles.COMPRESSION)).noneMatch(GoldenFiles::supportedByIssue2);
  }
}
