package dev.quiver.ipc;

import static dev.quiver.ipc.WriterTestArrays.dictField;
import static dev.quiver.ipc.WriterTestArrays.dictionaryEncoded;
import static dev.quiver.ipc.WriterTestArrays.int32;
import static dev.quiver.ipc.WriterTestArrays.int64;
import static dev.quiver.ipc.WriterTestArrays.list;
import static dev.quiver.ipc.WriterTestArrays.struct;
import static dev.quiver.ipc.WriterTestArrays.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The writers stream every kind of buffer an array may hold (heap, a slice of a larger array, read-only,
 * direct, with a position past 0, larger than the copy scratch) as the same bytes, and name the failing
 * column path in errors about nested and dictionary arrays.
 */
class WriterBufferSourcesTest {
  private static final Field I = Field.of("i", ArrowType.INT32, true);
  private static final Field BIG = Field.of("big", ArrowType.INT64, true);
  private static final Field S = Field.of("s", ArrowType.UTF8, true);
  private static final Field ITEM = Field.of("item", ArrowType.INT64, true);
  private static final Field L = Field.of("l", ArrowType.LIST, true, ITEM);
  private static final Field A = Field.of("a", ArrowType.INT32, true);
  private static final Field ST = Field.of("st", ArrowType.STRUCT, true, A);
  private static final Field D = dictField("d", 0, ArrowType.UTF8);
  private static final Schema SCHEMA = new Schema(List.of(I, S, L, ST, D));
  private static final Schema BIG_SCHEMA = new Schema(List.of(BIG));

  @Test
  void everyBufferKindIsWrittenAsTheSameBytes() {
    for (boolean large : new boolean[] {false, true}) {
      RecordBatch heap = batch(large, UnaryOperator.identity());
      byte[] expectedStream = stream(heap, BodyCompression.NONE);
      byte[] expectedFile = file(heap);
      byte[] expectedZstd = stream(heap, BodyCompression.ZSTD);
      List<UnaryOperator<ByteBuffer>> kinds = List.of(
          WriterBufferSourcesTest::sliceOfLargerArray,
          b -> b.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN),
          WriterBufferSourcesTest::direct,
          b -> b.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(b.capacity() / 2));
      for (UnaryOperator<ByteBuffer> kind : kinds) {
        RecordBatch other = batch(large, kind);
        assertThat(stream(other, BodyCompression.NONE)).isEqualTo(expectedStream);
        assertThat(file(other)).isEqualTo(expectedFile);
        assertThat(stream(other, BodyCompression.ZSTD)).isEqualTo(expectedZstd);
      }
    }
  }

  @Test
  void errorsNameNestedAndDictionaryPaths() {
    ArrayData shortChild = new ArrayData(A, 3, 0,
        List.of(ArrayData.emptyBuffer(), ByteBuffer.allocate(4)), List.of(), null);
    ArrayData st = struct(ST, null, shortChild);
    Schema structSchema = new Schema(List.of(ST));
    assertThatThrownBy(() -> stream(new RecordBatch(structSchema, 3, List.of(st)), BodyCompression.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("column st.a: buffer 1 holds 4 bytes");

    ArrayData badValues = new ArrayData(D.valueField(), 1, 0,
        List.of(ArrayData.emptyBuffer(), ByteBuffer.allocate(4), ByteBuffer.allocate(0)), List.of(), null);
    ArrayData d = dictionaryEncoded(D, badValues, 0);
    Schema dictionarySchema = new Schema(List.of(D));
    assertThatThrownBy(() -> stream(new RecordBatch(dictionarySchema, 1, List.of(d)), BodyCompression.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("column d<dictionary>: buffer 1 holds 4 bytes");
  }

  /**
   * The same values each time, every buffer (children and dictionaries included) passed through kind: a
   * batch of every layout, or one column of 3,000 int64 (buffers larger than the writer's copy scratch).
   */
  private static RecordBatch batch(boolean large, UnaryOperator<ByteBuffer> kind) {
    if (large) {
      Long[] big = new Long[3000];
      for (int i = 0; i < big.length; i++) {
        big[i] = i % 5 == 0 ? null : i * 1_000_003L;
      }
      return new RecordBatch(BIG_SCHEMA, big.length, List.of(convert(int64(BIG, big), kind)));
    }
    ArrayData dictionary = utf8(D.valueField(), "x", "yy", "zzz");
    List<ArrayData> columns = List.of(
        int32(I, 1, null, 3),
        utf8(S, "a", null, "ccc"),
        list(L, int64(ITEM, 10L, null, 30L), 2, -1, 1),
        struct(ST, new boolean[] {true, false, true}, int32(A, 7, 8, null)),
        dictionaryEncoded(D, dictionary, 2, null, 0));
    List<ArrayData> converted = new ArrayList<>();
    for (ArrayData column : columns) {
      converted.add(convert(column, kind));
    }
    return new RecordBatch(SCHEMA, 3, converted);
  }

  private static ArrayData convert(ArrayData array, UnaryOperator<ByteBuffer> kind) {
    List<ByteBuffer> buffers = new ArrayList<>();
    for (ByteBuffer b : array.buffers()) {
      buffers.add(kind.apply(b));
    }
    List<ArrayData> children = new ArrayList<>();
    for (ArrayData child : array.children()) {
      children.add(convert(child, kind));
    }
    ArrayData dictionary = array.dictionary() == null ? null : convert(array.dictionary(), kind);
    return new ArrayData(array.field(), array.length(), array.nullCount(), buffers, children, dictionary);
  }

  private static ByteBuffer sliceOfLargerArray(ByteBuffer b) {
    byte[] larger = new byte[b.capacity() + 24];
    ByteBuffer copy = ByteBuffer.wrap(larger, 13, b.capacity()).slice();
    copy.put(b.duplicate().clear());
    return copy.clear().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer direct(ByteBuffer b) {
    ByteBuffer copy = ByteBuffer.allocateDirect(b.capacity());
    copy.put(b.duplicate().clear());
    return copy.clear().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] stream(RecordBatch batch, BodyCompression compression) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(out, batch.schema(), WriteOptions.of(compression))) {
      writer.write(batch);
      writer.write(batch);
    }
    return out.toByteArray();
  }

  private static byte[] file(RecordBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(out, batch.schema(), WriteOptions.defaults())) {
      writer.write(batch);
    }
    return out.toByteArray();
  }
}
