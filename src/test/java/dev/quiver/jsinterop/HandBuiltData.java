package dev.quiver.jsinterop;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Data of the types Arrow JS reads that {@code ArrowJavaSamples} has no sample for (intervals, unions, view
 * types) and of dictionaries that change between batches (delta, replacement), built as {@link ArrayData}
 * directly. Each case has batches of 4, 0 and 6 rows.
 */
final class HandBuiltData {
  /** A named schema with its batches; {@code streamOnly} when the file format cannot hold it. */
  record Case(String name, Schema schema, List<RecordBatch> batches, boolean streamOnly) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final ArrowType INTERVAL_YM = new ArrowType.Interval(ArrowType.IntervalUnit.YEAR_MONTH);
  private static final ArrowType INTERVAL_DT = new ArrowType.Interval(ArrowType.IntervalUnit.DAY_TIME);
  private static final ArrowType INTERVAL_MDN = new ArrowType.Interval(ArrowType.IntervalUnit.MONTH_DAY_NANO);

  private HandBuiltData() {}

  static List<Case> cases() {
    return List.of(intervals(), unions(), views(), dictionaryDelta(), dictionaryReplacement());
  }

  private static Schema schema(String name, Field... fields) {
    return new Schema(List.of(fields), Map.of("quiver.case", name));
  }

  static Case intervals() {
    Schema s = schema("intervals", Field.of("ym", INTERVAL_YM, true), Field.of("dt", INTERVAL_DT, true),
        Field.of("mdn", INTERVAL_MDN, true));
    List<RecordBatch> batches = new ArrayList<>();
    Object[][] ym = {{0, null, -3, Integer.MAX_VALUE}, {}, {Integer.MIN_VALUE, 14, null, 1, 2, 3}};
    Object[][] dt = {{new int[] {0, 0}, new int[] {1, -1}, null, new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}},
        {}, {null, new int[] {-2, 5}, new int[] {3, 86_399_999}, null, new int[] {0, 1}, new int[] {7, 0}}};
    Object[][] mdn = {{new long[] {0, 0, 0}, null, new long[] {1, -2, 3_000_000_000L},
        new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE}}, {},
        {new long[] {12, 30, Long.MAX_VALUE}, null, new long[] {-1, -1, -1}, new long[] {0, 0, 1},
            new long[] {2, 0, 0}, null}};
    for (int b = 0; b < 3; b++) {
      batches.add(new RecordBatch(s, ym[b].length, List.of(
          fixed(s.field(0), ym[b], (out, v) -> out.putInt((Integer) v), 4),
          fixed(s.field(1), dt[b], (out, v) -> out.putInt(((int[]) v)[0]).putInt(((int[]) v)[1]), 8),
          fixed(s.field(2), mdn[b], (out, v) -> {
            long[] m = (long[]) v;
            out.putInt((int) m[0]).putInt((int) m[1]).putLong(m[2]);
          }, 16))));
    }
    return new Case("intervals", s, batches, false);
  }

  static Case unions() {
    Field sparse = Field.of("sparse", new ArrowType.Union(ArrowType.UnionMode.SPARSE, List.of(0, 1)), true,
        Field.of("i", ArrowType.INT32, true), Field.of("s", ArrowType.UTF8, true));
    Field dense = Field.of("dense", new ArrowType.Union(ArrowType.UnionMode.DENSE, List.of(5, 2, 9)), true,
        Field.of("i", ArrowType.INT32, true), Field.of("s", ArrowType.UTF8, true),
        Field.of("f", ArrowType.FLOAT64, true));
    Schema s = schema("unions", sparse, dense);
    List<RecordBatch> batches = new ArrayList<>();
    // sparse: type ids per row; children hold every row (the unselected slots null)
    byte[][] sparseIds = {{0, 1, 0, 1}, {}, {1, 1, 0, 0, 1, 0}};
    Object[][] sparseI = {{7, null, null, null}, {}, {null, null, Integer.MIN_VALUE, 0, null, 42}};
    Object[][] sparseS = {{null, "one", null, null}, {}, {"", "日本", null, null, "x", null}};
    // dense: type ids and offsets into compact children
    byte[][] denseIds = {{5, 2, 9, 5}, {}, {9, 9, 2, 5, 2, 9}};
    int[][] denseOffsets = {{0, 0, 0, 1}, {}, {0, 1, 0, 0, 1, 2}};
    Object[][] denseI = {{1, null}, {}, {-1}};
    Object[][] denseS = {{"two"}, {}, {"again", null}};
    Object[][] denseF = {{2.5}, {}, {Double.NaN, -0.0, Double.NEGATIVE_INFINITY}};
    for (int b = 0; b < 3; b++) {
      ArrayData sparseArray = union(sparse, sparseIds[b], null, List.of(
          int32(sparse.child(0), sparseI[b]), utf8(sparse.child(1), sparseS[b])));
      ArrayData denseArray = union(dense, denseIds[b], denseOffsets[b], List.of(
          int32(dense.child(0), denseI[b]), utf8(dense.child(1), denseS[b]),
          fixed(dense.child(2), denseF[b], (out, v) -> out.putDouble((Double) v), 8)));
      batches.add(new RecordBatch(s, sparseIds[b].length, List.of(sparseArray, denseArray)));
    }
    return new Case("unions", s, batches, false);
  }

  static Case views() {
    Schema s = schema("views", Field.of("utf8_view", ArrowType.UTF8_VIEW, true),
        Field.of("binary_view", ArrowType.BINARY_VIEW, true));
    String[][] strings = {{"", "short", null, "a string longer than twelve bytes"}, {},
        {"twelve bytes", "thirteen byte", null, "日本語 is more than 12 bytes", "x", "héllo wörld, long"}};
    List<RecordBatch> batches = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      Object[] bytes = new Object[strings[b].length];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = strings[b][i] == null ? null : ("\u0000\u00ff" + strings[b][i]).getBytes(StandardCharsets.UTF_8);
      }
      Object[] utf8 = new Object[strings[b].length];
      for (int i = 0; i < utf8.length; i++) {
        utf8[i] = strings[b][i] == null ? null : strings[b][i].getBytes(StandardCharsets.UTF_8);
      }
      batches.add(new RecordBatch(s, utf8.length, List.of(view(s.field(0), utf8), view(s.field(1), bytes))));
    }
    return new Case("views", s, batches, false);
  }

  /** Batch 2's dictionary extends batch 0's: our writers emit a delta dictionary batch (stream and file). */
  static Case dictionaryDelta() {
    Field f = new Field("value", true, ArrowType.UTF8,
        new DictionaryEncoding(0, ArrowType.INT16, false), List.of(), Map.of());
    Schema s = schema("dictionary_delta", f);
    ArrayData small = utf8(f.valueField(), new Object[] {"a", "b", "c"});
    ArrayData large = utf8(f.valueField(), new Object[] {"a", "b", "c", "d", "é"});
    List<RecordBatch> batches = List.of(
        new RecordBatch(s, 4, List.of(indices(f, small, new Object[] {0, null, 2, 1}))),
        new RecordBatch(s, 0, List.of(indices(f, small, new Object[] {}))),
        new RecordBatch(s, 6, List.of(indices(f, large, new Object[] {4, 3, null, 0, 1, 4}))));
    return new Case("dictionary_delta", s, batches, false);
  }

  /** Batch 2 has another dictionary: a replacement, which only the stream format allows. */
  static Case dictionaryReplacement() {
    Field f = new Field("value", true, ArrowType.UTF8,
        new DictionaryEncoding(0, ArrowType.UINT8, false), List.of(), Map.of());
    Schema s = schema("dictionary_replacement", f);
    ArrayData before = utf8(f.valueField(), new Object[] {"x", "y", "z"});
    ArrayData after = utf8(f.valueField(), new Object[] {"q", "r"});
    List<RecordBatch> batches = List.of(
        new RecordBatch(s, 4, List.of(indices(f, before, new Object[] {2, 1, null, 0}))),
        new RecordBatch(s, 0, List.of(indices(f, before, new Object[] {}))),
        new RecordBatch(s, 6, List.of(indices(f, after, new Object[] {1, 0, null, 1, 1, 0}))));
    return new Case("dictionary_replacement", s, batches, true);
  }

  private interface Put {
    void put(BufferBuilder out, Object value);
  }

  /** A fixed-width array: validity + values ({@code width} zero bytes for a null). */
  private static ArrayData fixed(Field f, Object[] values, Put put, int width) {
    BufferBuilder data = new BufferBuilder();
    for (Object v : values) {
      if (v == null) {
        data.resize(data.size() + width);
      } else {
        put.put(data, v);
      }
    }
    return new ArrayData(f, values.length, nulls(values), List.of(validity(values), data.toByteBuffer()),
        List.of(), null);
  }

  private static ArrayData int32(Field f, Object[] values) {
    return fixed(f, values, (out, v) -> out.putInt((Integer) v), 4);
  }

  private static ArrayData utf8(Field f, Object[] values) {
    BufferBuilder offsets = new BufferBuilder().putInt(0);
    BufferBuilder data = new BufferBuilder();
    for (Object v : values) {
      if (v != null) {
        data.putBytes(((String) v).getBytes(StandardCharsets.UTF_8));
      }
      offsets.putInt(data.size());
    }
    return new ArrayData(f, values.length, nulls(values),
        List.of(validity(values), offsets.toByteBuffer(), data.toByteBuffer()), List.of(), null);
  }

  /** A view array: values of up to 12 bytes inline, longer ones in two variadic buffers (alternating). */
  private static ArrayData view(Field f, Object[] values) {
    BufferBuilder views = new BufferBuilder();
    BufferBuilder[] variadic = {new BufferBuilder(), new BufferBuilder()};
    int longValues = 0;
    for (Object v : values) {
      byte[] bytes = v == null ? new byte[0] : (byte[]) v;
      views.putInt(bytes.length);
      if (bytes.length <= 12) {
        views.putBytes(bytes);
        views.resize(views.size() + 12 - bytes.length);
      } else {
        int target = longValues++ % 2;
        views.putBytes(bytes, 0, 4).putInt(target).putInt(variadic[target].size());
        variadic[target].putBytes(bytes);
      }
    }
    return new ArrayData(f, values.length, nulls(values), List.of(validity(values), views.toByteBuffer(),
        variadic[0].toByteBuffer(), variadic[1].toByteBuffer()), List.of(), null);
  }

  private static ArrayData union(Field f, byte[] typeIds, int[] offsets, List<ArrayData> children) {
    BufferBuilder ids = new BufferBuilder().putBytes(typeIds);
    List<ByteBuffer> buffers = new ArrayList<>(List.of(ids.toByteBuffer()));
    if (offsets != null) {
      BufferBuilder o = new BufferBuilder();
      for (int v : offsets) {
        o.putInt(v);
      }
      buffers.add(o.toByteBuffer());
    }
    return new ArrayData(f, typeIds.length, 0, buffers, children, null);
  }

  private static ArrayData indices(Field f, ArrayData dictionary, Object[] indices) {
    ArrowType.Int t = f.dictionary().indexType();
    ArrayData data = fixed(f, indices, (out, v) -> {
      if (t.bitWidth() == 8) {
        out.putByte((Integer) v);
      } else {
        out.putShort((Integer) v);
      }
    }, t.bitWidth() / 8);
    return data.withDictionary(dictionary);
  }

  private static int nulls(Object[] values) {
    int n = 0;
    for (Object v : values) {
      n += v == null ? 1 : 0;
    }
    return n;
  }

  private static ByteBuffer validity(Object[] values) {
    BufferBuilder bits = new BufferBuilder();
    bits.resize((values.length + 7) / 8);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        bits.setBit(i);
      }
    }
    return bits.toByteBuffer();
  }
}
