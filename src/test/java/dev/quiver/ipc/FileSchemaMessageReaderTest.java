package dev.quiver.ipc;

import static dev.quiver.ipc.ReaderTestMessages.Spec;
import static dev.quiver.ipc.ReaderTestMessages.batch;
import static dev.quiver.ipc.ReaderTestMessages.int32s;
import static dev.quiver.ipc.ReaderTestMessages.utf8Dictionary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.RecordBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.Test;

/**
 * The schema message of a file: Arrow JS writes files whose stream part has none (dictionaries or batches
 * right after the magic, or only the end-of-stream marker); those read through the footer and serve a schema
 * message encoded from the footer's schema. A schema message that is there must equal the footer's schema.
 */
class FileSchemaMessageReaderTest {
  private static final ReaderTestMessages.Msg SCHEMA =
      ReaderTestMessages.schema(Spec.of("i", "int32"), Spec.dict("d", 3));

  private static ReaderTestMessages.Msg rows(int[] ints, int[] indices) {
    return batch(ints.length, new long[][] {{ints.length, 0}, {indices.length, 0}},
        new byte[0], int32s(ints), new byte[0], int32s(indices));
  }

  private static final List<ReaderTestMessages.Msg> DICTIONARIES =
      List.of(utf8Dictionary(3, false, "a", "bc"), utf8Dictionary(3, true, "def"));
  private static final List<ReaderTestMessages.Msg> BATCHES =
      List.of(rows(new int[] {1, 2}, new int[] {1, 0}), rows(new int[] {3, 4, 5}, new int[] {2, 2, 0}));

  @Test
  void firstMessageIsADictionary() throws Exception {
    byte[] bytes = ReaderTestMessages.file(SCHEMA, false, DICTIONARIES, BATCHES);
    byte[] withSchemaMessage = ReaderTestMessages.file(SCHEMA, DICTIONARIES, BATCHES);
    assertThat(bytes.length).isEqualTo(withSchemaMessage.length - SCHEMA.bytes().length);
    FileReader reader = ReaderTestSupport.fileReader(bytes);
    assertThat(reader.schema()).isEqualTo(ReaderTestSupport.fileReader(withSchemaMessage).schema());
    assertThat(reader.batchCount()).isEqualTo(2);
    assertThat(values(reader.readBatch(0))).containsExactly("1 bc", "2 a");
    assertThat(values(reader.readBatch(1))).containsExactly("3 def", "4 def", "5 a");
    assertServedStreams(reader, List.of(List.of("1 bc", "2 a"), List.of("3 def", "4 def", "5 a")));
    // arrow-java reads the file through its footer
    try (BufferAllocator allocator = new RootAllocator();
        ArrowFileReader theirs = new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(bytes), allocator)) {
      assertThat(theirs.getRecordBlocks()).hasSize(2);
      assertThat(theirs.loadNextBatch()).isTrue();
      assertThat(theirs.getVectorSchemaRoot().getVector("i").getObject(1)).isEqualTo(2);
    }
  }

  @Test
  void firstMessageIsARecordBatch() {
    ReaderTestMessages.Msg schema = ReaderTestMessages.schema(Spec.of("i", "int32"));
    byte[] bytes = ReaderTestMessages.file(schema, false, List.of(),
        List.of(batch(2, new long[][] {{2, 0}}, new byte[0], int32s(7, 8))));
    FileReader reader = ReaderTestSupport.fileReader(bytes);
    assertThat(reader.readBatch(0).column(0).buffer(1).getInt(4)).isEqualTo(8);
    try (StreamReader served = ReaderTestSupport.streamReader(FileReaderTest.stream(reader.streamPrefix(),
        reader.batchMessage(0)))) {
      assertThat(served.schema()).isEqualTo(reader.schema());
      assertThat(served.next().column(0).buffer(1).getInt(0)).isEqualTo(7);
      assertThat(served.hasNext()).isFalse();
    }
  }

  @Test
  void emptyStreamPart() {
    // magic, end-of-stream marker, footer: what Arrow JS writes for a table without batches
    byte[] eos = ReaderTestMessages.file(SCHEMA, false, List.of(), List.of());
    assertThat(Arrays.copyOfRange(eos, 8, 16)).isEqualTo(IpcFormat.END_OF_STREAM);
    byte[] legacyEos = eos.clone();
    Arrays.fill(legacyEos, 8, 12, (byte) 0);
    byte[] footerOnly = new byte[eos.length - 8];
    System.arraycopy(eos, 0, footerOnly, 0, 8);
    System.arraycopy(eos, 16, footerOnly, 8, eos.length - 16);
    for (byte[] bytes : List.of(eos, legacyEos, footerOnly)) {
      FileReader reader = ReaderTestSupport.fileReader(bytes);
      assertThat(reader.batchCount()).isZero();
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      stream.writeBytes(bytes(reader.streamPrefix()));
      stream.writeBytes(IpcFormat.END_OF_STREAM);
      try (StreamReader served = ReaderTestSupport.streamReader(stream.toByteArray())) {
        assertThat(served.schema()).isEqualTo(reader.schema());
        assertThat(served.hasNext()).isFalse();
      }
    }
  }

  @Test
  void aSchemaMessageMustStillEqualTheFootersSchema() {
    ReaderTestMessages.Msg other = ReaderTestMessages.schema(Spec.of("j", "int32"), Spec.dict("d", 3));
    byte[] footerFile = ReaderTestMessages.file(SCHEMA, false, List.of(), List.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(footerFile, 0, 8);
    out.writeBytes(other.bytes());
    out.write(footerFile, 8, footerFile.length - 8);
    assertThatThrownBy(() -> ReaderTestSupport.fileReader(out.toByteArray()))
        .isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("schema message at byte 8")
        .hasMessageContaining("differs from the footer's schema")
        .hasMessageContaining("column 0 'j'");
  }

  @Test
  void somethingElseAfterTheMagicIsStillAnError() {
    byte[] bytes = ReaderTestMessages.file(SCHEMA, false, List.of(), List.of());
    ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(12, 4096); // metadata past the footer
    assertThatThrownBy(() -> ReaderTestSupport.fileReader(bytes))
        .isInstanceOf(ArrowFormatException.class).hasMessageContaining("message at byte 8");
  }

  /** Each batch served as a stream (prefix, batch, end): our reader and arrow-java's read the same rows. */
  private static void assertServedStreams(FileReader reader, List<List<String>> expected) throws Exception {
    for (int b = 0; b < reader.batchCount(); b++) {
      byte[] stream = FileReaderTest.stream(reader.streamPrefix(), reader.batchMessage(b));
      try (StreamReader ours = ReaderTestSupport.streamReader(stream)) {
        assertThat(ours.schema()).isEqualTo(reader.schema());
        assertThat(values(ours.next())).isEqualTo(expected.get(b));
        assertThat(ours.hasNext()).isFalse();
      }
      try (BufferAllocator allocator = new RootAllocator();
          ArrowStreamReader theirs = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
        assertThat(theirs.loadNextBatch()).isTrue();
        List<String> rows = new ArrayList<>();
        FieldVector ints = theirs.getVectorSchemaRoot().getVector("i");
        FieldVector indices = theirs.getVectorSchemaRoot().getVector("d");
        FieldVector dictionary = theirs.getDictionaryVectors().get(3L).getVector();
        for (int r = 0; r < ints.getValueCount(); r++) {
          int index = ((Number) indices.getObject(r)).intValue();
          rows.add(ints.getObject(r) + " " + dictionary.getObject(index));
        }
        assertThat(rows).isEqualTo(expected.get(b));
      }
    }
  }

  private static List<String> values(RecordBatch batch) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < batch.length(); r++) {
      int index = batch.column(1).buffer(1).getInt(r * 4);
      out.add(ReaderTestSupport.int32(batch.column(0), r) + " "
          + ReaderTestSupport.utf8(batch.column(1).dictionary(), index));
    }
    return out;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
