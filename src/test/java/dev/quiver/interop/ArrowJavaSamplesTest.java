package dev.quiver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.RecordBatch;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample survives arrow-java -> Quiver -> arrow-java and arrow-java's IPC writers and readers. */
class ArrowJavaSamplesTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<String> names() {
    return ArrowJavaSamples.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void roundTripsThroughQuiver(String name) {
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      assertThat(ours).extracting(RecordBatch::length).containsExactly(5, 0, 100);
      assertThat(ours.get(0).schema()).isEqualTo(ArrowJavaBridge.toQuiverSchema(sample.schema()));
      try (ArrowJavaData back = ArrowJavaBridge.toArrowJava(ours, allocator)) {
        ArrowJavaBridge.assertSameData(sample, back);
      }
      ArrowJavaBridge.assertSameData(sample, ours);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void survivesArrowJavaStreamAndFile(String name) {
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator);
        ArrowJavaData stream = ArrowJavaData.read(sample.writeStream(), false, allocator);
        ArrowJavaData file = ArrowJavaData.read(sample.writeFile(), true, allocator)) {
      ArrowJavaBridge.assertSameData(sample, stream);
      ArrowJavaBridge.assertSameData(sample, file);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void hasNullsInEveryNullableColumnAndMetadata(String name) {
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator)) {
      assertThat(sample.schema().getCustomMetadata()).containsEntry("quiver.sample", name);
      ArrowJavaData.Batch big = sample.batch(2);
      for (FieldVector v : big.root().getFieldVectors()) {
        if (v.getField().isNullable()) {
          assertThat(v.getNullCount()).as(v.getField().getName()).isPositive();
        } else {
          assertThat(v.getNullCount()).as(v.getField().getName()).isZero();
        }
      }
    }
  }

  @Test
  void quiverArraysHaveExactBufferSizes() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("all_types", allocator)) {
      RecordBatch batch = ArrowJavaBridge.toQuiver(sample).get(0);
      ArrayData utf8 = column(batch, "utf8");
      assertThat(utf8.buffers()).hasSize(3);
      assertThat(utf8.buffer(1).capacity()).isEqualTo((5 + 1) * 4);
      assertThat(utf8.isNull(3)).isTrue();
      ArrayData nul = column(batch, "null");
      assertThat(nul.buffers()).isEmpty();
      assertThat(nul.nullCount()).isEqualTo(5);
      ArrayData dict = column(batch, "dictionary_utf8");
      assertThat(dict.buffers()).hasSize(2);
      assertThat(dict.buffer(1).capacity()).isEqualTo(5 * 4);
      assertThat(dict.dictionary().length()).isEqualTo(SampleFiller.DICTIONARY_SIZE);
      assertThat(dict.dictionary().field().isDictionaryEncoded()).isFalse();
      ArrayData notNull = column(batch, "dictionary_utf8_not_null");
      assertThat(notNull.nullCount()).isZero();
      assertThat(notNull.buffer(0).capacity()).isZero();
    }
  }

  @Test
  void unchangedDictionaryIsTheSameArrayDataInEveryBatch() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("dictionary_utf8", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(sample);
      assertThat(ours.get(2).column(0).dictionary()).isSameAs(ours.get(0).column(0).dictionary());
    }
  }

  @Test
  void readSharesUnchangedDictionariesBetweenBatches() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("nested", allocator);
        ArrowJavaData stream = ArrowJavaData.read(sample.writeStream(), false, allocator)) {
      assertThat(stream.batch(2).dictionaries().get(0L)).isSameAs(stream.batch(0).dictionaries().get(0L));
    }
  }

  private static ArrayData column(RecordBatch batch, String name) {
    for (ArrayData a : batch.columns()) {
      if (a.field().name().equals(name)) {
        return a;
      }
    }
    throw new AssertionError("no column " + name);
  }
}
