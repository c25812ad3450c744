package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Views, list views, intervals, unions, run-end encoded written from hand-built buffers. */
class OutputOnlyTypesTest {

  private static ByteBuffer le(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer ints(int... v) {
    ByteBuffer b = le(v.length * 4);
    for (int x : v) {
      b.putInt(x);
    }
    return b.flip();
  }

  private static String one(ArrayData column) {
    Schema schema = new Schema(List.of(column.field()));
    return write(List.of(new RecordBatch(schema, column.length(), List.of(column))), true);
  }

  @Test
  void utf8View() {
    String longText = "a string longer than twelve bytes";
    byte[] longBytes = longText.getBytes(StandardCharsets.UTF_8);
    ByteBuffer views = le(32);
    views.putInt(0, 2).put(4, (byte) 'h').put(5, (byte) 'i');
    views.putInt(16, longBytes.length).put(20, longBytes, 0, 4).putInt(24, 0).putInt(28, 3);
    ByteBuffer data = le(3 + longBytes.length).put(3, longBytes);
    ArrayData a = new ArrayData(Field.of("v", ArrowType.UTF8_VIEW, true), 2, 0,
        List.of(ArrayData.emptyBuffer(), views, data), List.of(), null);
    assertThat(one(a)).isEqualTo("{\"v\":\"hi\"}\n{\"v\":\"" + longText + "\"}\n");
  }

  @Test
  void listViewIntervalsUnionAndRunEndEncoded() {
    Field item = Field.of("item", ArrowType.INT32, true);
    ArrayData child = new ArrayData(item, 3, 0, List.of(ArrayData.emptyBuffer(), ints(7, 8, 9)), List.of(), null);
    ArrayData lv = new ArrayData(Field.of("v", ArrowType.LIST_VIEW, true, item), 2, 0,
        List.of(ArrayData.emptyBuffer(), ints(1, 0), ints(2, 1)), List.of(child), null);
    assertThat(one(lv)).isEqualTo("{\"v\":[8,9]}\n{\"v\":[7]}\n");

    ByteBuffer mdn = le(16).putInt(0, 1).putInt(4, -2).putLong(8, 3_000_000_000L);
    ArrayData interval = new ArrayData(Field.of("v", new ArrowType.Interval(ArrowType.IntervalUnit.MONTH_DAY_NANO), true),
        1, 0, List.of(ArrayData.emptyBuffer(), mdn), List.of(), null);
    assertThat(one(interval)).isEqualTo("{\"v\":{\"months\":1,\"days\":-2,\"nanoseconds\":3000000000}}\n");

    Field i = Field.of("i", ArrowType.INT32, true);
    Field s = Field.of("s", ArrowType.UTF8, true);
    ArrayData ic = new ArrayData(i, 1, 0, List.of(ArrayData.emptyBuffer(), ints(42)), List.of(), null);
    ArrayData sc = new ArrayData(s, 1, 0, List.of(ArrayData.emptyBuffer(), ints(0, 1),
        ByteBuffer.wrap(new byte[] {'x'})), List.of(), null);
    ByteBuffer typeIds = ByteBuffer.wrap(new byte[] {5, 3});
    ArrayData dense = new ArrayData(Field.of("v", new ArrowType.Union(ArrowType.UnionMode.DENSE, List.of(3, 5)), true, i, s),
        2, 0, List.of(typeIds, ints(0, 0)), List.of(ic, sc), null);
    assertThat(one(dense)).isEqualTo("{\"v\":\"x\"}\n{\"v\":42}\n");

    Field runEnds = Field.of("run_ends", ArrowType.INT16, false);
    Field values = Field.of("values", ArrowType.UTF8, true);
    ByteBuffer ends = le(4).putShort(0, (short) 2).putShort(2, (short) 3);
    ArrayData re = new ArrayData(runEnds, 2, 0, List.of(ArrayData.emptyBuffer(), ends), List.of(), null);
    ArrayData va = new ArrayData(values, 2, 0, List.of(ArrayData.emptyBuffer(), ints(0, 1, 2),
        ByteBuffer.wrap(new byte[] {'a', 'b'})), List.of(), null);
    ArrayData ree = new ArrayData(Field.of("v", ArrowType.RUN_END_ENCODED, true, runEnds, values), 3, 0,
        List.of(), List.of(re, va), null);
    assertThat(one(ree)).isEqualTo("{\"v\":\"a\"}\n{\"v\":\"a\"}\n{\"v\":\"b\"}\n");
  }

  @Test
  void theyAreReadFromJsonRowsToo() {
    assertThat(JsonTestSupport.read("[{\"v\": \"x\"}]", false, JsonTestSupport.schemaOf("string_view", true), 10))
        .hasSize(1);
  }

  @Test
  void emptyOutput() {
    assertThat(write(List.of(), false)).isEqualTo("[]");
    assertThat(write(List.of(), true)).isEmpty();
  }
}
