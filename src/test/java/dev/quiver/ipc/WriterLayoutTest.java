package dev.quiver.ipc;

import static dev.quiver.ipc.WriterTestArrays.int32;
import static dev.quiver.ipc.WriterTestArrays.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.arrow.flatbuf.MessageHeader;
import org.junit.jupiter.api.Test;

/** The record batch layout on the wire: nodes, buffer lengths, padding, empty validity, Null columns. */
class WriterLayoutTest {
  private static final Field I = Field.of("i", ArrowType.INT32, false);
  private static final Field N = Field.of("n", ArrowType.NULL, true);
  private static final Field S = Field.of("s", ArrowType.UTF8, true);

  @Test
  void nodesBuffersAndPadding() throws IOException {
    Schema schema = new Schema(List.of(I, N, S));
    ArrayData ints = int32(I, 1, 2, 3);
    ArrayData nulls = new ArrayData(N, 3, 0, List.of(), List.of(), null);
    ArrayData strings = utf8(S, "ab", null, "cde");
    byte[] bytes = StreamWriterTest.stream(schema, new RecordBatch(schema, 3, List.of(ints, nulls, strings)));
    List<WriterFraming.Parsed> messages = WriterFraming.checkStream(bytes, 0, bytes.length);
    WriterFraming.Parsed message = messages.get(1);
    assertThat(message.headerType()).isEqualTo(MessageHeader.RecordBatch);
    var batch = (org.apache.arrow.flatbuf.RecordBatch) message.message()
        .header(new org.apache.arrow.flatbuf.RecordBatch());
    assertThat(batch.length()).isEqualTo(3);
    assertThat(batch.nodesLength()).isEqualTo(3);
    assertThat(batch.nodes(0).nullCount()).isZero();
    assertThat(batch.nodes(1).length()).isEqualTo(3);
    assertThat(batch.nodes(1).nullCount()).as("a Null column's null count is its length").isEqualTo(3);
    assertThat(batch.nodes(2).nullCount()).isEqualTo(1);
    // int32: validity (empty, no nulls), values; Null: none; utf8: validity, offsets, data
    assertThat(batch.buffersLength()).isEqualTo(5);
    long[][] expected = {{0, 0}, {0, 12}, {16, 1}, {24, 16}, {40, 5}};
    for (int i = 0; i < expected.length; i++) {
      assertThat(new long[] {batch.buffers(i).offset(), batch.buffers(i).length()})
          .as("buffer %d", i).containsExactly(expected[i]);
    }
    assertThat(message.bodyLength()).isEqualTo(48);
    ByteBuffer body = ByteBuffer.wrap(bytes, (int) (message.offset() + message.metadataLength()), 48)
        .slice().order(ByteOrder.LITTLE_ENDIAN);
    assertThat(body.getInt(0)).isEqualTo(1);
    assertThat(body.getInt(8)).isEqualTo(3);
    assertThat(body.getInt(12)).as("padding is zero").isZero();
    assertThat(body.get(16)).isEqualTo((byte) 0b101);
    assertThat(body.getInt(24 + 12)).isEqualTo(5);
    byte[] data = new byte[5];
    body.get(40, data);
    assertThat(new String(data, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("abcde");
    assertThat(body.get(45)).isZero();
  }

  @Test
  void directAndOversizedBuffersAreTrimmedToTheLayout() throws IOException {
    Schema schema = new Schema(List.of(I));
    ByteBuffer direct = ByteBuffer.allocateDirect(400).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 100; i++) {
      direct.putInt(i * 4, i == 2 ? 99 : -1);
    }
    ArrayData ints = new ArrayData(I, 3, 0, List.of(ArrayData.emptyBuffer(), direct), List.of(), null);
    byte[] bytes = StreamWriterTest.stream(schema, new RecordBatch(schema, 3, List.of(ints)));
    var batch = (org.apache.arrow.flatbuf.RecordBatch) WriterFraming.checkStream(bytes, 0, bytes.length)
        .get(1).message().header(new org.apache.arrow.flatbuf.RecordBatch());
    assertThat(batch.buffers(1).length()).isEqualTo(12);
    assertThat(StreamWriterTest.readStream(bytes)).containsExactly(
        List.of(List.of(-1), List.of(-1), List.of(99)));
  }

  @Test
  void zeroRowBatchOfStringsHasOneZeroOffset() throws IOException {
    Schema schema = new Schema(List.of(S));
    ArrayData empty = new ArrayData(S, 0, 0,
        List.of(ArrayData.emptyBuffer(), ArrayData.emptyBuffer(), ArrayData.emptyBuffer()), List.of(), null);
    byte[] bytes = StreamWriterTest.stream(schema, new RecordBatch(schema, 0, List.of(empty)));
    var batch = (org.apache.arrow.flatbuf.RecordBatch) WriterFraming.checkStream(bytes, 0, bytes.length)
        .get(1).message().header(new org.apache.arrow.flatbuf.RecordBatch());
    assertThat(batch.buffers(1).length()).isEqualTo(4);
    assertThat(batch.buffers(2).length()).isZero();
    assertThat(StreamWriterTest.readStream(bytes)).containsExactly(List.of());
  }

  @Test
  void viewsAndListViews() throws IOException {
    Field sv = Field.of("sv", ArrowType.UTF8_VIEW, true);
    Field item = Field.of("item", ArrowType.INT32, true);
    Field lv = Field.of("lv", ArrowType.LIST_VIEW, true, item);
    Schema schema = new Schema(List.of(sv, lv));
    String longValue = "a string longer than twelve bytes";
    byte[] longBytes = longValue.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ByteBuffer views = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
    views.putInt(0, 2).put(4, (byte) 'h').put(5, (byte) 'i');
    views.putInt(16, longBytes.length).put(20, longBytes, 0, 4).putInt(24, 0).putInt(28, 3);
    ByteBuffer variadic = ByteBuffer.allocate(3 + longBytes.length).order(ByteOrder.LITTLE_ENDIAN);
    variadic.put(3, longBytes);
    ByteBuffer validity = ByteBuffer.wrap(new byte[] {0b011});
    ArrayData strings = new ArrayData(sv, 3, 1, List.of(validity, views, variadic), List.of(), null);
    ArrayData items = int32(item, 10, 20, 30);
    ByteBuffer offsets = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 2).putInt(4, 0).putInt(8, 0);
    ByteBuffer sizes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1).putInt(4, 3).putInt(8, 0);
    ArrayData lists = new ArrayData(lv, 3, 0, List.of(ArrayData.emptyBuffer(), offsets, sizes), List.of(items), null);
    byte[] bytes = StreamWriterTest.stream(schema, new RecordBatch(schema, 3, List.of(strings, lists)));
    var batch = (org.apache.arrow.flatbuf.RecordBatch) WriterFraming.checkStream(bytes, 0, bytes.length)
        .get(1).message().header(new org.apache.arrow.flatbuf.RecordBatch());
    assertThat(batch.variadicBufferCountsLength()).isEqualTo(1);
    assertThat(batch.variadicBufferCounts(0)).isEqualTo(1);
    List<List<Object>> rows = List.of(List.of("hi", List.of(30)), List.of(longValue, List.of(10, 20, 30)),
        StreamWriterTest.row(null, List.of()));
    assertThat(StreamWriterTest.readStream(bytes)).containsExactly(rows);
  }
}
