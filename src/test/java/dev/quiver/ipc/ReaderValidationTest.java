package dev.quiver.ipc;

import static dev.quiver.ipc.ReaderTestMessages.Spec;
import static dev.quiver.ipc.ReaderTestMessages.batch;
import static dev.quiver.ipc.ReaderTestMessages.int32s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.RecordBatch;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Untrusted input: truncation, corruption, and specific malformed messages. */
class ReaderValidationTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  /** Reads everything; returns the batches, or throws. */
  private static List<RecordBatch> readAllStream(byte[] bytes) {
    List<RecordBatch> batches = new ArrayList<>();
    try (StreamReader reader = ReaderTestSupport.streamReader(bytes)) {
      reader.schema();
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
    }
    return batches;
  }

  private static List<RecordBatch> readAllFile(byte[] bytes) {
    FileReader reader = ReaderTestSupport.fileReader(bytes);
    List<RecordBatch> batches = new ArrayList<>();
    for (int i = 0; i < reader.batchCount(); i++) {
      batches.add(reader.readBatch(i));
      reader.batchRows(i);
      reader.batchMessage(i);
    }
    reader.streamPrefix();
    return batches;
  }

  /** Message boundaries of a stream in current framing (the offsets where a clean end is allowed). */
  private static Set<Integer> boundaries(byte[] stream) throws Exception {
    Set<Integer> out = new HashSet<>();
    MessageReader messages = new MessageReader(new ByteArrayInputStream(stream), IpcLimits.defaults());
    out.add(0);
    while (messages.next() != null) {
      out.add((int) messages.bytesRead());
    }
    return out;
  }

  @Test
  void truncatedStreamAtEveryOffset() throws Exception {
    for (boolean legacy : new boolean[] {false, true}) {
      byte[] stream = ReaderTestSupport.smallIpc(allocator, false, legacy);
      Set<Integer> boundaries = boundaries(stream);
      int full = readAllStream(stream).size();
      for (int n = 0; n < stream.length; n++) {
        byte[] cut = Arrays.copyOf(stream, n);
        if (boundaries.contains(n) && n > 0) {
          assertThat(readAllStream(cut).size()).as("cut at %d", n).isLessThanOrEqualTo(full);
        } else {
          assertThatThrownBy(() -> readAllStream(cut)).as("cut at %d", n)
              .isInstanceOf(ArrowFormatException.class);
        }
      }
    }
  }

  @Test
  void truncatedFileAtEveryOffset() throws Exception {
    byte[] file = ReaderTestSupport.smallIpc(allocator, true, false);
    for (int n = 0; n < file.length; n++) {
      byte[] cut = Arrays.copyOf(file, n);
      assertThatThrownBy(() -> readAllFile(cut)).as("cut at %d", n).isInstanceOf(ArrowFormatException.class);
    }
  }

  @Test
  void corruptedStreamsFailCleanly() throws Exception {
    corrupt(ReaderTestSupport.smallIpc(allocator, false, false), false, 2500, 1);
    corrupt(ReaderTestSupport.smallIpc(allocator, false, true), false, 500, 2);
  }

  @Test
  void corruptedFilesFailCleanly() throws Exception {
    corrupt(ReaderTestSupport.smallIpc(allocator, true, false), true, 2500, 3);
  }

  @Test
  void corruptedGoldenFilesFailCleanly() throws Exception {
    long seed = 10;
    for (String name : List.of("union", "map", "nested_dictionary", "recursive_nested", "decimal256",
        "primitive_large_offsets", "extension")) {
      dev.quiver.interop.GoldenFiles.Case c =
          dev.quiver.interop.GoldenFiles.find(dev.quiver.interop.GoldenFiles.LITTLE_ENDIAN, name);
      corrupt(java.nio.file.Files.readAllBytes(c.stream()), false, 400, seed++);
      corrupt(java.nio.file.Files.readAllBytes(c.arrowFile()), true, 400, seed++);
    }
  }

  private static void corrupt(byte[] original, boolean file, int cases, long seed) {
    Random random = new Random(seed);
    int failures = 0;
    for (int c = 0; c < cases; c++) {
      byte[] bytes = original.clone();
      int flips = 1 + random.nextInt(4);
      StringBuilder what = new StringBuilder();
      for (int k = 0; k < flips; k++) {
        int at = random.nextInt(bytes.length);
        byte value = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
        bytes[at] = value;
        what.append(at).append('=').append(value).append(' ');
      }
      try {
        if (file) {
          readAllFile(bytes);
        } else {
          readAllStream(bytes);
        }
      } catch (ArrowFormatException | LimitExceededException e) {
        failures++;
      } catch (RuntimeException | Error e) {
        throw new AssertionError("case " + c + " (" + what + ") threw " + e, e);
      }
    }
    assertThat(failures).isPositive();
  }

  @Test
  void badContinuationToken() {
    byte[] bytes = {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0};
    assertThatThrownBy(() -> readAllStream(bytes)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("message 0 at byte 0").hasMessageContaining("negative continuation token");
  }

  @Test
  void negativeMetadataLength() {
    byte[] bytes = {-1, -1, -1, -1, 0, 0, 0, (byte) 0x80};
    assertThatThrownBy(() -> readAllStream(bytes)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("negative metadata length");
  }

  @Test
  void hugeMetadataLengthIsALimitNotAnAllocation() {
    byte[] bytes = {-1, -1, -1, -1, -1, -1, -1, 0x7F};
    assertThatThrownBy(() -> readAllStream(bytes)).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("metadata");
  }

  @Test
  void hugeBodyLengthIsALimitNotAnAllocation() {
    FlatBufferBuilder b = new FlatBufferBuilder();
    org.apache.arrow.flatbuf.RecordBatch.startRecordBatch(b);
    int rb = org.apache.arrow.flatbuf.RecordBatch.endRecordBatch(b);
    var message = ReaderTestMessages.message(b, MessageHeader.RecordBatch, rb, new byte[0], 1L << 40,
        MetadataVersion.V5);
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(Spec.of("i", "int32")), message);
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("message 1").hasMessageContaining("1099511627776");
  }

  @Test
  void bodyOverConfiguredLimit() throws Exception {
    byte[] stream = ReaderTestSupport.smallIpc(allocator, false, false);
    StreamReader reader = new StreamReader(new ByteArrayInputStream(stream), new IpcLimits(1 << 20, 64, 64, 100));
    assertThatThrownBy(reader::hasNext).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("exceeds the limit of 64");
  }

  @Test
  void lyingBodyLengthWithShortInputIsTruncation() {
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(Spec.of("i", "int32")),
        batch(1, new long[][] {{1, 0}}, new byte[0], int32s(7)));
    byte[] cut = Arrays.copyOf(stream, stream.length - 12);
    assertThatThrownBy(() -> readAllStream(cut)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("truncated body");
  }

  @Test
  void offsetsOutOfRange() {
    byte[][] utf8 = ReaderTestMessages.utf8("ab", "cd");
    byte[] badOffsets = int32s(0, 2, 9);
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(Spec.of("s", "utf8")),
        batch(2, new long[][] {{2, 0}}, new byte[0], badOffsets, utf8[1]));
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("column 0 's'").hasMessageContaining("last offset 9 exceeds the data length");
  }

  @Test
  void decreasingOffsets() {
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(Spec.of("s", "utf8")),
        batch(2, new long[][] {{2, 0}}, new byte[0], int32s(0, 3, 1), "abcd".getBytes()));
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("row 1: offsets decrease");
  }

  @Test
  void invalidUtf8() {
    byte[] data = {'o', 'k', (byte) 0xC3, (byte) 0x28};
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(Spec.of("s", "utf8")),
        batch(2, new long[][] {{2, 0}}, new byte[0], int32s(0, 2, 4), data));
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("row 1: invalid UTF-8");
  }

  @Test
  void invalidUtf8InANullSlotIsIgnored() {
    byte[] data = {'o', 'k', (byte) 0xFF};
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(Spec.of("s", "utf8")),
        batch(2, new long[][] {{2, 1}}, new byte[] {0b01}, int32s(0, 2, 3), data));
    assertThat(readAllStream(stream)).hasSize(1);
  }

  @Test
  void nullCountMustMatchTheBitmap() {
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(Spec.of("i", "int32")),
        batch(3, new long[][] {{3, 2}}, new byte[] {0b011}, int32s(1, 2, 3)));
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("null count 2 but the validity bitmap has 1 nulls");
  }

  @Test
  void bufferOutsideTheBody() {
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(Spec.of("i", "int32")),
        batch(3, new long[][] {{3, 0}}, new byte[0], int32s(1, 2)));
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("values buffer has 8 bytes, needs 12");
  }

  @Test
  void missingFieldNodes() {
    byte[] stream = ReaderTestMessages.stream(
        ReaderTestMessages.schema(Spec.of("i", "int32"), Spec.of("j", "int32")),
        batch(1, new long[][] {{1, 0}}, new byte[0], int32s(1)));
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("column 1 'j'").hasMessageContaining("ran out of field nodes");
  }

  @Test
  void bigEndianBodiesAreSwapped() {
    byte[] stream = ReaderTestMessages.stream(
        ReaderTestMessages.schema(MetadataVersion.V5, true, Spec.of("i", "int32")),
        batch(2, new long[][] {{2, 0}}, new byte[0], new byte[] {0, 0, 0, 7, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, -2}));
    StreamReader reader = ReaderTestSupport.streamReader(stream);
    var batch = reader.next();
    assertThat(reader.sourceBigEndian()).isTrue();
    assertThat(ReaderTestSupport.int32(batch.column(0), 0)).isEqualTo(7);
    assertThat(ReaderTestSupport.int32(batch.column(0), 1)).isEqualTo(-2);
  }

  @Test
  void oldMetadataVersionIsRejected() {
    byte[] stream = ReaderTestMessages.stream(
        ReaderTestMessages.schema(MetadataVersion.V3, false, Spec.of("i", "int32")));
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("unsupported metadata version V3");
  }

  @Test
  void nestingDeeperThanTheLimit() {
    Spec spec = Spec.of("leaf", "int32");
    for (int i = 0; i < 70; i++) {
      spec = Spec.struct("s" + i, spec);
    }
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(spec));
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("nesting deeper than 64");
  }

  @Test
  void moreFieldsThanTheLimit() {
    Spec[] specs = new Spec[20];
    Arrays.fill(specs, Spec.of("i", "int32"));
    byte[] stream = ReaderTestMessages.stream(ReaderTestMessages.schema(specs));
    StreamReader reader = new StreamReader(new ByteArrayInputStream(stream), new IpcLimits(1 << 20, 1 << 20, 64, 10));
    assertThatThrownBy(reader::schema).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("more than 10 fields");
  }

  @Test
  void secondSchemaIsRejected() {
    var schema = ReaderTestMessages.schema(Spec.of("i", "int32"));
    byte[] stream = ReaderTestMessages.stream(schema, schema);
    assertThatThrownBy(() -> readAllStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("message 1").hasMessageContaining("unexpected Schema");
  }

  @Test
  void fileWithoutMagic() {
    byte[] file = "not an arrow file at all, just text".getBytes();
    assertThatThrownBy(() -> readAllFile(file)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("magic");
  }
}
