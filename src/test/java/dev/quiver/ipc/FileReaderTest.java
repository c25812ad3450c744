package dev.quiver.ipc;

import static dev.quiver.ipc.ReaderTestSupport.dictUtf8;
import static dev.quiver.ipc.ReaderTestSupport.int32;
import static dev.quiver.ipc.ReaderTestSupport.int32List;
import static dev.quiver.ipc.ReaderTestSupport.int64;
import static dev.quiver.ipc.ReaderTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileReaderTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  @ParameterizedTest(name = "legacy framing {0}")
  @ValueSource(booleans = {false, true})
  void readsArrowJavaFileByIndex(boolean legacy) throws Exception {
    byte[] bytes = ReaderTestSupport.smallIpc(allocator, true, legacy);
    FileReader reader = ReaderTestSupport.fileReader(bytes);
    assertThat(reader.batchCount()).isEqualTo(2);
    assertThat(reader.batchRows(0)).isEqualTo(5);
    assertThat(reader.batchRows(1)).isEqualTo(3);
    assertThat(reader.batchBlock(1).offset()).isGreaterThan(reader.batchBlock(0).offset());
    RecordBatch second = reader.readBatch(1);
    assertThat(int32(second.column(0), 2)).isEqualTo(102);
    assertThat(utf8(second.column(1), 0)).isEqualTo("s100\u00e9");
    assertThat(int32List(second.column(2), 2)).containsExactly(102, 103);
    assertThat(int64(second.column(3).child(0), 1)).isEqualTo(1010L);
    assertThat(dictUtf8(second.column(4), 2)).isEqualTo("gamma");
    RecordBatch first = reader.readBatch(0);
    assertThat(int32(first.column(0), 1)).isNull();
    assertThat(dictUtf8(first.column(4), 0)).isEqualTo("alpha");
  }

  @ParameterizedTest(name = "legacy framing {0}")
  @ValueSource(booleans = {false, true})
  void prefixAndBatchMessageFormAStream(boolean legacy) throws Exception {
    byte[] bytes = ReaderTestSupport.smallIpc(allocator, true, legacy);
    int firstWord = ByteBuffer.wrap(bytes, 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    assertThat(firstWord == IpcFormat.CONTINUATION_MARKER).as("current framing").isEqualTo(!legacy);
    FileReader reader = ReaderTestSupport.fileReader(bytes);
    for (int i = 0; i < reader.batchCount(); i++) {
      byte[] stream = stream(reader.streamPrefix(), reader.batchMessage(i));
      try (StreamReader ours = ReaderTestSupport.streamReader(stream)) {
        assertThat(ours.hasNext()).isTrue();
        RecordBatch batch = ours.next();
        assertThat(batch.length()).isEqualTo(reader.batchRows(i));
        assertThat(utf8(batch.column(1), 0)).isEqualTo(utf8(reader.readBatch(i).column(1), 0));
        assertThat(ours.hasNext()).isFalse();
      }
      try (ArrowStreamReader theirs = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
        assertThat(theirs.loadNextBatch()).isTrue();
        assertThat(theirs.getVectorSchemaRoot().getRowCount()).isEqualTo(reader.batchRows(i));
        assertThat(theirs.getVectorSchemaRoot().getVector("ints").getObject(0)).isEqualTo(i * 100);
        assertThat(theirs.loadNextBatch()).isFalse();
      }
    }
  }

  @Test
  void batchMessageIsAViewOfTheSource() throws Exception {
    byte[] bytes = ReaderTestSupport.smallIpc(allocator, true, false);
    FileReader reader = ReaderTestSupport.fileReader(bytes);
    List<ByteBuffer> message = reader.batchMessage(0);
    assertThat(message.get(1).hasArray()).isTrue();
    assertThat(message.get(1).array()).isSameAs(message.get(0).array());
    assertThat(message.get(0).capacity()).isEqualTo(reader.batchBlock(0).metadataLength());
    assertThat((long) message.get(1).capacity()).isEqualTo(reader.batchBlock(0).bodyLength());
  }

  @Test
  void readsMemoryMappedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("small.arrow");
    Files.write(file, ReaderTestSupport.smallIpc(allocator, true, false));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      FileReader reader = FileReader.open(
          ByteSource.of(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size())), IpcLimits.defaults());
      RecordBatch batch = reader.readBatch(0);
      assertThat(int32(batch.column(0), 4)).isEqualTo(4);
      assertThat(batch.column(0).buffer(1).isDirect()).isTrue();
      assertThat(dictUtf8(batch.column(4), 3)).isEqualTo("alpha");
    }
  }

  static byte[] stream(ByteBuffer prefix, List<ByteBuffer> message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, prefix);
    for (ByteBuffer part : message) {
      write(out, part);
    }
    out.writeBytes(IpcFormat.END_OF_STREAM);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    out.writeBytes(bytes);
  }
}
