package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.column;
import static dev.quiver.json.JsonTestSupport.read;
import static dev.quiver.json.JsonTestSupport.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.RecordBatch;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes of produced buffers, against hand-computed layouts (not a round trip through our own code). */
class BufferContentTest {

  private static ArrayData only(String type, String... values) {
    List<RecordBatch> batches = read(column(values), false, schemaOf(type, true), 1000);
    assertThat(batches).hasSize(1);
    return batches.get(0).column(0);
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  private static byte[] b(int... v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  @Test
  void int32WithNull() {
    ArrayData a = only("int32", "1", "null", "-2", "\"256\"");
    assertThat(a.length()).isEqualTo(4);
    assertThat(a.nullCount()).isEqualTo(1);
    assertThat(bytes(a.buffer(0))).containsExactly(b(0b1101));
    assertThat(bytes(a.buffer(1))).containsExactly(b(1, 0, 0, 0, 0, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0, 1, 0, 0));
  }

  @Test
  void uint64MaxAndNoNullsHasEmptyValidity() {
    ArrayData a = only("uint64", "18446744073709551615", "1");
    assertThat(a.buffer(0).capacity()).isZero();
    assertThat(bytes(a.buffer(1))).containsExactly(b(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void utf8OffsetsAndData() {
    ArrayData a = only("string", "\"ab\"", "null", "\"\"", "\"é\"");
    assertThat(bytes(a.buffer(0))).containsExactly(b(0b1101));
    assertThat(bytes(a.buffer(1))).containsExactly(b(0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0));
    assertThat(bytes(a.buffer(2))).containsExactly(b('a', 'b', 0xC3, 0xA9));
  }

  @Test
  void boolBitmap() {
    ArrayData a = only("bool", "true", "false", "true", "true", "false", "false", "false", "false", "true");
    assertThat(bytes(a.buffer(1))).containsExactly(b(0b00001101, 0b1));
  }

  @Test
  void decimalNegativeTwosComplement() {
    ArrayData a = only("decimal128(5, 2)", "\"-1.00\"", "2.5");
    byte[] expected = new byte[32];
    for (int i = 0; i < 16; i++) {
      expected[i] = (byte) 0xFF;
    }
    expected[0] = (byte) 0x9C; // -100
    expected[16] = (byte) 250; // 250
    assertThat(bytes(a.buffer(1))).containsExactly(expected);
  }

  @Test
  void float32AndFloat16Bits() {
    ArrayData f = only("float", "0.1", "-0.0");
    ByteBuffer v = f.buffer(1);
    assertThat(v.getInt(0)).isEqualTo(0x3DCCCCCD);
    assertThat(v.getInt(4)).isEqualTo(0x80000000);
    ArrayData h = only("halffloat", "1.0", "-2.0", "65504", "6.0E-8", "\"NaN\"");
    ByteBuffer hv = h.buffer(1);
    assertThat(hv.getShort(0)).isEqualTo((short) 0x3C00);
    assertThat(hv.getShort(2)).isEqualTo((short) 0xC000);
    assertThat(hv.getShort(4)).isEqualTo((short) 0x7BFF);
    assertThat(hv.getShort(6)).isEqualTo((short) 0x0001);
    assertThat(hv.getShort(8)).isEqualTo((short) 0x7E00);
  }

  @Test
  void timestampsAndDates() {
    ArrayData ts = only("timestamp[ms, tz=Europe/Paris]", "\"1970-01-01T01:00:00.001+01:00\"", "\"1969-12-31T23:59:59.999\"", "-5");
    assertThat(ts.buffer(1).getLong(0)).isEqualTo(1L);
    assertThat(ts.buffer(1).getLong(8)).isEqualTo(-1L); // naive text into a zoned field = UTC
    assertThat(ts.buffer(1).getLong(16)).isEqualTo(-5L);
    ArrayData naive = only("timestamp[s]", "\"2024-01-31T12:00:00+05:00\"");
    assertThat(naive.buffer(1).getLong(0)).isEqualTo(1706702400L); // wall time as written
    ArrayData d = only("date32[day]", "\"1969-12-31\"", "\"2000-03-01\"");
    assertThat(d.buffer(1).getInt(0)).isEqualTo(-1);
    assertThat(d.buffer(1).getInt(4)).isEqualTo(11017);
    ArrayData t = only("time64[ns]", "\"00:00:01.000000002\"");
    assertThat(t.buffer(1).getLong(0)).isEqualTo(1_000_000_002L);
  }

  @Test
  void listOffsetsAndChild() {
    ArrayData a = only("list<item: int16>", "[1,2]", "null", "[]", "[3]");
    assertThat(bytes(a.buffer(0))).containsExactly(b(0b1101));
    assertThat(bytes(a.buffer(1))).containsExactly(b(0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0));
    ArrayData child = a.child(0);
    assertThat(child.length()).isEqualTo(3);
    assertThat(bytes(child.buffer(1))).containsExactly(b(1, 0, 2, 0, 3, 0));
  }

  @Test
  void structNullHidesChildrenAndMapFromObject() {
    ArrayData s = only("struct<a: int8 not null, b: string>", "{\"a\":1,\"b\":\"x\"}", "null");
    assertThat(s.nullCount()).isEqualTo(1);
    assertThat(s.child(0).nullCount()).isZero(); // non-nullable child under a null parent: a valid 0
    assertThat(bytes(s.child(0).buffer(1))).containsExactly(b(1, 0));
    assertThat(s.child(1).nullCount()).isEqualTo(1);
    ArrayData m = only("map<string, int8>", "{\"x\":1,\"y\":2}");
    assertThat(bytes(m.buffer(1))).containsExactly(b(0, 0, 0, 0, 2, 0, 0, 0));
    ArrayData entries = m.child(0);
    assertThat(entries.field().name()).isEqualTo("entries");
    assertThat(bytes(entries.child(0).buffer(2))).containsExactly(b('x', 'y'));
    assertThat(bytes(entries.child(1).buffer(1))).containsExactly(b(1, 2));
  }

  @Test
  void dictionaryIndicesAndValues() {
    ArrayData a = only("dictionary<values=string, indices=int8, ordered=0>", "\"b\"", "\"a\"", "\"b\"", "null");
    assertThat(bytes(a.buffer(0))).containsExactly(b(0b0111));
    assertThat(bytes(a.buffer(1))).containsExactly(b(0, 1, 0, 0));
    ArrayData dict = a.dictionary();
    assertThat(dict.length()).isEqualTo(2);
    assertThat(dict.field().isDictionaryEncoded()).isFalse();
    assertThat(bytes(dict.buffer(2))).containsExactly(b('b', 'a'));
  }
}
