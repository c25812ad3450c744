package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A delta of a dictionary whose values hold dictionary-encoded data: the old entries were validated
 * against the inner dictionary of their time, which a replacement (streams) may have shortened. The
 * appended whole is checked against the current inner dictionary (found by the fuzzer's review).
 */
class NestedDictionaryDeltaReaderTest {
  private static final Field ITEM = new Field("item", true, ArrowType.UTF8,
      new DictionaryEncoding(1, ArrowType.INT32, false), List.of(), Map.of());
  private static final Field OUTER = new Field("outer", true, ArrowType.LIST,
      new DictionaryEncoding(0, ArrowType.INT32, false), List.of(ITEM), Map.of());

  private static ByteBuffer ints(int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return b.flip();
  }

  private static ArrayData utf8(String... values) {
    int[] offsets = new int[values.length + 1];
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      data.append(values[i]);
      offsets[i + 1] = data.length();
    }
    return new ArrayData(ITEM.valueField(), values.length, 0, List.of(ArrayData.emptyBuffer(), ints(offsets),
        ByteBuffer.wrap(data.toString().getBytes(StandardCharsets.UTF_8))), List.of(), null);
  }

  /** One list entry holding one inner index. */
  private static ArrayData outerValues(int innerIndex, ArrayData innerDictionary) {
    ArrayData item = new ArrayData(ITEM, 1, 0, List.of(ArrayData.emptyBuffer(), ints(innerIndex)), List.of(),
        innerDictionary);
    return new ArrayData(OUTER.valueField(), 1, 0, List.of(ArrayData.emptyBuffer(), ints(0, 1)), List.of(item),
        null);
  }

  @Test
  void deltaAfterInnerReplacementIsRevalidated() {
    Dictionaries dictionaries = new Dictionaries(new Schema(List.of(OUTER), Map.of()), "test");
    ArrayData abc = utf8("a", "b", "c");
    dictionaries.apply(1, abc, false, true, "message 1");
    dictionaries.apply(0, outerValues(2, abc), false, true, "message 2");
    ArrayData x = utf8("x");
    dictionaries.apply(1, x, false, true, "message 3"); // replacement: one entry left
    assertThatThrownBy(() -> dictionaries.apply(0, outerValues(0, x), true, true, "message 4"))
        .isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("message 4")
        .hasMessageContaining("dictionary index 2 out of range [0, 1)");
  }
}
