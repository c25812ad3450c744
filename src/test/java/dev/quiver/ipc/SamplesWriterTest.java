package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every arrow-java sample (one per type of issue #2, plus all_types and nested; nulls, batches of 5, 0 and
 * 100 rows, schema and field metadata) converted to our batches, written by our stream and file writers,
 * and read back by arrow-java with exactly the sample's values.
 */
class SamplesWriterTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<String> samples() {
    return ArrowJavaSamples.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void arrowJavaReadsWhatWeWrite(String name) {
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator)) {
      Schema schema = ArrowJavaBridge.toQuiverSchema(sample.schema());
      List<RecordBatch> batches = ArrowJavaBridge.toQuiver(sample);
      assertThat(batches).hasSize(sample.batches().size());

      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      try (StreamWriter writer = new StreamWriter(stream, schema, WriteOptions.defaults())) {
        batches.forEach(writer::write);
        writer.end();
        assertThat(writer.bytesWritten()).isEqualTo(stream.size());
      }
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      try (FileWriter writer = new FileWriter(file, schema, WriteOptions.defaults())) {
        batches.forEach(writer::write);
        writer.finish();
        assertThat(writer.bytesWritten()).isEqualTo(file.size());
      }
      WriterFraming.checkStream(stream.toByteArray(), 0, stream.size());
      WriterFraming.checkFile(file.toByteArray());

      try (ArrowJavaData fromStream = ArrowJavaData.read(stream.toByteArray(), false, allocator);
          ArrowJavaData fromFile = ArrowJavaData.read(file.toByteArray(), true, allocator)) {
        ArrowJavaBridge.assertSameData(sample, fromStream);
        ArrowJavaBridge.assertSameData(sample, fromFile);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void zeroBatchesKeepTheSchema(String name) {
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator)) {
      Schema schema = ArrowJavaBridge.toQuiverSchema(sample.schema());
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      new StreamWriter(stream, schema, WriteOptions.defaults()).close();
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      new FileWriter(file, schema, WriteOptions.defaults()).close();
      WriterFraming.checkFile(file.toByteArray());
      try (ArrowJavaData fromStream = ArrowJavaData.read(stream.toByteArray(), false, allocator);
          ArrowJavaData fromFile = ArrowJavaData.read(file.toByteArray(), true, allocator)) {
        assertThat(fromStream.batches()).isEmpty();
        assertThat(fromFile.batches()).isEmpty();
        assertThat(ArrowJavaBridge.toQuiverSchema(fromStream.schema())).isEqualTo(schema);
        assertThat(ArrowJavaBridge.toQuiverSchema(fromFile.schema())).isEqualTo(schema);
      }
    }
  }

  /**
   * The dictionary_utf8 sample with its first column's dictionary growing batch by batch (and rows pointing
   * at the new entries): the stream carries deltas and arrow-java decodes every batch with the grown
   * dictionary. The file carries the same deltas; arrow-java's ArrowFileReader ignores delta blocks
   * (apache/arrow#38168), so the file's embedded stream is read instead.
   */
  @org.junit.jupiter.api.Test
  void growingDictionaryIsWrittenAsDeltas() {
    try (ArrowJavaData sample = ArrowJavaSamples.data("dictionary_utf8", allocator)) {
      Schema schema = ArrowJavaBridge.toQuiverSchema(sample.schema());
      List<RecordBatch> original = ArrowJavaBridge.toQuiver(sample);
      dev.quiver.columnar.Field values = schema.field(0).valueField();
      List<RecordBatch> grown = new java.util.ArrayList<>();
      dev.quiver.columnar.ArrayData dictionary = original.get(0).column(0).dictionary();
      for (int b = 0; b < original.size(); b++) {
        RecordBatch batch = original.get(b);
        String[] extra = new String[b + 1];
        for (int k = 0; k < extra.length; k++) {
          extra[k] = "grown " + b + "." + k;
        }
        dictionary = ArrayConcat.concat(dictionary, WriterTestArrays.utf8(values, extra), "test");
        grown.add(new RecordBatch(schema, batch.length(),
            List.of(pointAtLast(batch.column(0), dictionary), batch.column(1))));
      }
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      try (StreamWriter writer = new StreamWriter(stream, schema, WriteOptions.defaults())) {
        grown.forEach(writer::write);
      }
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      try (FileWriter writer = new FileWriter(file, schema, WriteOptions.defaults())) {
        grown.forEach(writer::write);
      }
      List<Boolean> deltas = WriterFraming.checkStream(stream.toByteArray(), 0, stream.size()).stream()
          .filter(m -> m.dictionaryId() == 0).map(WriterFraming.Parsed::delta).toList();
      assertThat(deltas).containsExactly(false, true, true);
      WriterFraming.checkFile(file.toByteArray());
      try (ArrowJavaData expected = ArrowJavaBridge.toArrowJava(schema, grown, allocator);
          ArrowJavaData fromStream = ArrowJavaData.read(stream.toByteArray(), false, allocator);
          ArrowJavaData fromFile = ArrowJavaData.read(
              WriterFraming.embeddedStream(file.toByteArray()), false, allocator)) {
        ArrowJavaBridge.assertSameData(expected, fromStream);
        ArrowJavaBridge.assertSameData(expected, fromFile);
        assertThat(fromStream.batch(2).dictionaries().get(0L).getVector().getValueCount())
            .isEqualTo(dictionary.length());
      }
    }
  }

  /** The column with every 7th valid row pointing at the dictionary's last entry. */
  private static dev.quiver.columnar.ArrayData pointAtLast(
      dev.quiver.columnar.ArrayData column, dev.quiver.columnar.ArrayData dictionary) {
    java.nio.ByteBuffer indices = java.nio.ByteBuffer.allocate(column.length() * 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < column.length(); r++) {
      int index = column.buffer(1).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(r * 4);
      indices.putInt(r * 4, column.isValid(r) && r % 7 == 0 ? dictionary.length() - 1 : index);
    }
    return new dev.quiver.columnar.ArrayData(column.field(), column.length(), column.nullCount(),
        List.of(column.buffer(0), indices), List.of(), dictionary);
  }
}
