package dev.quiver.ipc;

import static dev.quiver.ipc.ReaderTestSupport.dictUtf8;
import static dev.quiver.ipc.ReaderTestSupport.int32;
import static dev.quiver.ipc.ReaderTestSupport.int32List;
import static dev.quiver.ipc.ReaderTestSupport.int64;
import static dev.quiver.ipc.ReaderTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.RecordBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamReaderTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  @ParameterizedTest(name = "legacy framing {0}")
  @ValueSource(booleans = {false, true})
  void readsArrowJavaStream(boolean legacy) throws Exception {
    byte[] bytes = ReaderTestSupport.smallIpc(allocator, false, legacy);
    try (StreamReader reader = ReaderTestSupport.streamReader(bytes)) {
      assertThat(reader.schema().fields()).extracting(f -> f.name())
          .containsExactly("ints", "strings", "lists", "struct", "codes");
      assertThat(reader.schema().field(4).dictionary().id()).isEqualTo(7L);
      assertThat(reader.schema().field(4).type()).isEqualTo(ArrowType.UTF8);
      List<RecordBatch> batches = new ArrayList<>();
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
      assertThat(batches).hasSize(2);
      RecordBatch first = batches.get(0);
      assertThat(first.length()).isEqualTo(5);
      assertThat(int32(first.column(0), 0)).isEqualTo(0);
      assertThat(int32(first.column(0), 1)).isNull();
      assertThat(int32(first.column(0), 4)).isEqualTo(4);
      assertThat(utf8(first.column(1), 3)).isEqualTo("s3\u00e9");
      assertThat(utf8(first.column(1), 1)).isNull();
      assertThat(int32List(first.column(2), 3)).containsExactly(3, 4, 5);
      assertThat(int32List(first.column(2), 0)).isEmpty();
      assertThat(int64(first.column(3).child(0), 2)).isEqualTo(20L);
      assertThat(dictUtf8(first.column(4), 2)).isEqualTo("gamma");
      assertThat(dictUtf8(first.column(4), 1)).isNull();
      RecordBatch second = batches.get(1);
      assertThat(second.length()).isEqualTo(3);
      assertThat(int32(second.column(0), 2)).isEqualTo(102);
      assertThat(utf8(second.column(1), 0)).isEqualTo("s100\u00e9");
      assertThat(second.column(4).dictionary()).isSameAs(first.column(4).dictionary());
      assertThat(reader.bytesRead()).isEqualTo(bytes.length);
    }
  }

  @ParameterizedTest(name = "legacy framing {0}")
  @ValueSource(booleans = {false, true})
  void reusingReaderReadsTheSameValuesBatchByBatch(boolean legacy) throws Exception {
    byte[] bytes = ReaderTestSupport.smallIpc(allocator, false, legacy);
    try (StreamReader reader = StreamReader.reusingBatchMemory(
        new java.io.ByteArrayInputStream(bytes), IpcLimits.defaults())) {
      assertThat(reader.hasNext()).isTrue();
      RecordBatch first = reader.next();
      assertThat(first.length()).isEqualTo(5);
      assertThat(int32(first.column(0), 4)).isEqualTo(4);
      assertThat(utf8(first.column(1), 3)).isEqualTo("s3\u00e9");
      assertThat(int32List(first.column(2), 3)).containsExactly(3, 4, 5);
      assertThat(int64(first.column(3).child(0), 2)).isEqualTo(20L);
      assertThat(dictUtf8(first.column(4), 2)).isEqualTo("gamma");
      java.nio.ByteBuffer firstInts = first.column(0).buffer(1);
      var dictionary = first.column(4).dictionary();

      assertThat(reader.hasNext()).isTrue();
      RecordBatch second = reader.next();
      assertThat(second.length()).isEqualTo(3);
      assertThat(int32(second.column(0), 2)).isEqualTo(102);
      assertThat(utf8(second.column(1), 0)).isEqualTo("s100\u00e9");
      assertThat(int32List(second.column(2), 2)).containsExactly(102, 103);
      assertThat(dictUtf8(second.column(4), 2)).isEqualTo("gamma");
      // the second batch was read into the first one's memory; the dictionary has its own
      assertThat(second.column(0).buffer(1).array()).isSameAs(firstInts.array());
      assertThat(second.column(4).dictionary()).isSameAs(dictionary);
      assertThat(dictUtf8(first.column(4), 0)).isEqualTo("alpha");
      assertThat(reader.hasNext()).isFalse();
      assertThat(reader.bytesRead()).isEqualTo(bytes.length);
    }
  }

  @Test
  void reusingReaderGrowsForALargerBodyAndKeepsTheLimits() throws Exception {
    byte[] bytes = ReaderTestSupport.smallIpc(allocator, false, false);
    // a body limit below the batches' bodies is still a limit
    StreamReader limited = StreamReader.reusingBatchMemory(new java.io.ByteArrayInputStream(bytes),
        new IpcLimits(1 << 20, 64, 64, 100));
    org.assertj.core.api.Assertions.assertThatThrownBy(limited::hasNext)
        .isInstanceOf(dev.quiver.columnar.LimitExceededException.class);
    // a stream cut inside a batch body is truncated as with the plain reader
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 20);
    StreamReader truncated = StreamReader.reusingBatchMemory(new java.io.ByteArrayInputStream(cut),
        IpcLimits.defaults());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
      while (truncated.hasNext()) {
        truncated.next();
      }
    }).isInstanceOf(ArrowFormatException.class).hasMessageContaining("truncated body");
  }

  @Test
  void emptyInputHasNoSchema() {
    StreamReader reader = ReaderTestSupport.streamReader(new byte[0]);
    org.assertj.core.api.Assertions.assertThatThrownBy(reader::schema)
        .isInstanceOf(ArrowFormatException.class).hasMessageContaining("before its schema");
  }
}
