package dev.quiver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.ipc.ByteSource;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.ipc.StreamReader;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec benchmarks measure equal work: for every shape, both implementations touch the same values
 * (same checksum) of the same data, and our written stream reads back in arrow-java with that checksum.
 */
class BenchShapesTest {
  @ParameterizedTest
  @ValueSource(strings = {"narrow", "wide", "strings", "nested", "dictionary"})
  void bothSidesTouchTheSameValues(String name) throws IOException {
    try (BufferAllocator allocator = new RootAllocator(); Shapes.Shape shape = Shapes.create(name, allocator)) {
      byte[] stream = shape.stream();
      long expected = arrowJavaChecksum(stream, allocator);
      assertThat(expected).isNotZero();

      List<RecordBatch> batches = new ArrayList<>();
      long ours = 0;
      try (StreamReader reader = new StreamReader(new ByteArrayInputStream(stream), IpcLimits.defaults())) {
        while (reader.hasNext()) {
          RecordBatch batch = reader.next();
          batches.add(batch);
          ours += Touch.quiver(batch);
        }
      }
      assertThat(ours).isEqualTo(expected);
      assertThat(batches).hasSize(shape.batches());

      long reusing = 0;
      try (StreamReader reader = StreamReader.reusingBatchMemory(new ByteArrayInputStream(stream),
          IpcLimits.defaults())) {
        while (reader.hasNext()) {
          reusing += Touch.quiver(reader.next());
        }
      }
      assertThat(reusing).isEqualTo(expected);

      Sink sink = new Sink(1024);
      try (StreamWriter writer = new StreamWriter(sink, batches.get(0).schema(), WriteOptions.defaults())) {
        for (RecordBatch batch : batches) {
          writer.write(batch);
        }
      }
      assertThat(arrowJavaChecksum(sink.toByteArray(), allocator)).isEqualTo(expected);

      FileReader file = FileReader.open(ByteSource.of(ByteBuffer.wrap(shape.file())), IpcLimits.defaults());
      assertThat(file.batchCount()).isEqualTo(shape.batches());
      assertThat(Touch.quiver(file.readBatch(file.batchCount() - 1)) * shape.batches()).isEqualTo(expected);
    }
  }

  private static long arrowJavaChecksum(byte[] stream, BufferAllocator allocator) throws IOException {
    long sum = 0;
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
      while (reader.loadNextBatch()) {
        sum += Touch.arrowJava(reader.getVectorSchemaRoot(), reader);
      }
    }
    return sum;
  }
}
