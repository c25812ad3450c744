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
}
