package dev.quiver.ipc;

import static dev.quiver.ipc.StreamWriterTest.readAll;
import static dev.quiver.ipc.StreamWriterTest.readStream;
import static dev.quiver.ipc.StreamWriterTest.row;
import static dev.quiver.ipc.WriterTestArrays.dictField;
import static dev.quiver.ipc.WriterTestArrays.dictionaryEncoded;
import static dev.quiver.ipc.WriterTestArrays.int32;
import static dev.quiver.ipc.WriterTestArrays.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.Test;

/** Files written from hand-built batches, checked byte-wise and read back with arrow-java. */
class FileWriterTest {
  private static final Field I = Field.of("i", ArrowType.INT32, true);
  private static final Field S = Field.of("s", ArrowType.UTF8, true);
  private static final Field D = dictField("d", 7, ArrowType.UTF8);

  @Test
  void batchesOfFiveZeroAndHundredRows() throws IOException {
    Schema schema = new Schema(List.of(I, S), Map.of("origin", "test"));
    List<RecordBatch> batches = List.of(batch(schema, 5), batch(schema, 0), batch(schema, 100));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(out, schema, WriteOptions.defaults())) {
      for (RecordBatch batch : batches) {
        writer.write(batch);
      }
      writer.finish();
      assertThat(writer.bytesWritten()).isEqualTo(out.size());
      assertThat(writer.recordBatchBlocks()).hasSize(3);
    }
    byte[] bytes = out.toByteArray();
    Footer footer = WriterFraming.checkFile(bytes);
    assertThat(footer.schema().fieldsLength()).isEqualTo(2);

    List<List<List<Object>>> read = readFile(bytes);
    assertThat(read).hasSize(3);
    assertThat(read.get(1)).isEmpty();
    assertThat(read.get(0)).containsExactly(expectedRows(5).toArray(List[]::new));
    assertThat(read.get(2)).containsExactly(expectedRows(100).toArray(List[]::new));
    assertThat(readStream(WriterFraming.embeddedStream(bytes))).isEqualTo(read);
  }

  @Test
  void zeroBatchesIsAValidFile() throws IOException {
    Schema schema = new Schema(List.of(I, D));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new FileWriter(out, schema, WriteOptions.defaults()).close();
    byte[] bytes = out.toByteArray();
    Footer footer = WriterFraming.checkFile(bytes);
    assertThat(footer.recordBatchesLength()).isZero();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowFileReader reader = new ArrowFileReader(channel(bytes), allocator)) {
      assertThat(reader.getVectorSchemaRoot().getSchema().getFields()).hasSize(2);
      assertThat(reader.getRecordBlocks()).isEmpty();
      assertThat(reader.loadNextBatch()).isFalse();
    }
  }

  @Test
  void growingDictionaryIsWrittenAsDeltas() throws IOException {
    Schema schema = new Schema(List.of(D));
    Field values = D.valueField();
    ArrayData dict1 = utf8(values, "x", "y");
    ArrayData dict2 = utf8(values, "x", "y", "z", null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(out, schema, WriteOptions.defaults())) {
      writer.write(new RecordBatch(schema, 2, List.of(dictionaryEncoded(D, dict1, 1, 0))));
      writer.write(new RecordBatch(schema, 3, List.of(dictionaryEncoded(D, dict2, 2, 3, 0))));
      writer.write(new RecordBatch(schema, 1, List.of(dictionaryEncoded(D, dict2, 1))));
    }
    byte[] bytes = out.toByteArray();
    WriterFraming.checkFile(bytes);
    List<WriterFraming.Parsed> dictionaries = WriterFraming.checkStream(bytes, 8, bytes.length - 10
            - java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 10))
        .stream().filter(m -> m.dictionaryId() >= 0).toList();
    assertThat(dictionaries).extracting(WriterFraming.Parsed::dictionaryId).containsExactly(7L, 7L);
    assertThat(dictionaries).extracting(WriterFraming.Parsed::delta).containsExactly(false, true);
    assertThat(dictionaries.get(1).message().header(new org.apache.arrow.flatbuf.DictionaryBatch()))
        .extracting(h -> ((org.apache.arrow.flatbuf.DictionaryBatch) h).data().length()).isEqualTo(2L);
    // arrow-java's ArrowFileReader ignores delta blocks (apache/arrow#38168): check the deltas through the
    // stream embedded in the file, which its stream reader applies.
    assertThat(readStream(WriterFraming.embeddedStream(bytes))).containsExactly(
        List.of(List.of("y"), List.of("x")),
        List.of(List.of("z"), row((Object) null), List.of("x")),
        List.of(List.of("y")));
  }

  @Test
  void replacedDictionaryIsRejectedNamingTheColumn() {
    Schema schema = new Schema(List.of(I, D));
    Field values = D.valueField();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FileWriter writer = new FileWriter(out, schema, WriteOptions.defaults());
    writer.write(new RecordBatch(schema, 1,
        List.of(int32(I, 1), dictionaryEncoded(D, utf8(values, "x", "y"), 0))));
    int size = out.size();
    RecordBatch replaced = new RecordBatch(schema, 1,
        List.of(int32(I, 2), dictionaryEncoded(D, utf8(values, "y", "x"), 0)));
    assertThatThrownBy(() -> writer.write(replaced))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column d")
        .hasMessageContaining("forbids dictionary replacement");
    assertThat(out.size()).isEqualTo(size);
    writer.finish();
    WriterFraming.checkFile(out.toByteArray());
  }

  @Test
  void neverClosesTheOutputStream() {
    boolean[] closed = {false};
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    Schema schema = new Schema(List.of(I));
    try (FileWriter writer = new FileWriter(out, schema, WriteOptions.defaults())) {
      writer.write(new RecordBatch(schema, 1, List.of(int32(I, 1))));
    }
    try (StreamWriter writer = new StreamWriter(out, schema, WriteOptions.defaults())) {
      writer.write(new RecordBatch(schema, 1, List.of(int32(I, 1))));
    }
    assertThat(closed[0]).isFalse();
  }

  static RecordBatch batch(Schema schema, int rows) {
    Integer[] ints = new Integer[rows];
    String[] strings = new String[rows];
    for (int r = 0; r < rows; r++) {
      ints[r] = r % 3 == 0 ? null : r * 7 - 50;
      strings[r] = r % 4 == 1 ? null : "row " + r + (r % 2 == 0 ? "é" : "");
    }
    return new RecordBatch(schema, rows, List.of(int32(schema.field(0), ints), utf8(schema.field(1), strings)));
  }

  static List<List<Object>> expectedRows(int rows) {
    RecordBatch batch = batch(new Schema(List.of(I, S)), rows);
    List<List<Object>> out = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      out.add(row(r % 3 == 0 ? null : r * 7 - 50, r % 4 == 1 ? null : "row " + r + (r % 2 == 0 ? "é" : "")));
    }
    assertThat(batch.length()).isEqualTo(rows);
    return out;
  }

  static List<List<List<Object>>> readFile(byte[] bytes) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowFileReader reader = new ArrowFileReader(channel(bytes), allocator)) {
      return readAll(reader);
    }
  }

  static SeekableByteChannel channel(byte[] bytes) {
    return new ByteArrayReadableSeekableByteChannel(bytes);
  }
}
