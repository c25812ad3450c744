package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.json.value.DecimalCodec;
import dev.quiver.json.value.Float16;
import dev.quiver.json.value.FloatText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import tools.jackson.core.JsonGenerator;

/**
 * Writes an {@link ArrayData} as an integration-JSON FieldData object, keys in the order arrow-java's
 * JsonFileReader requires: "name", "count", the layout's buffers (VALIDITY, OFFSET/TYPE_ID, DATA/VIEWS/SIZE,
 * VARIADIC_DATA_BUFFERS), then "children". Dictionary-encoded arrays are written as their indices.
 */
final class FieldDataWriter {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private FieldDataWriter() {}

  static void write(JsonGenerator g, ArrayData a, String name) {
    Field f = a.field();
    ArrowType t = f.type();
    int n = a.length();
    g.writeStartObject();
    g.writeStringProperty("name", name);
    g.writeNumberProperty("count", n);
    if (f.isDictionaryEncoded()) {
      validity(g, a);
      ArrowType.Int index = f.dictionary().indexType();
      ints(g, "DATA", a.buffer(1), n, index.bitWidth(), index.signed());
      g.writeEndObject();
      return;
    }
    if (t instanceof ArrowType.Null || t instanceof ArrowType.RunEndEncoded) {
      // no buffers
    } else if (t instanceof ArrowType.Union u) {
      ints(g, "TYPE_ID", a.buffer(0), n, 8, true);
      if (u.mode() == ArrowType.UnionMode.DENSE) {
        ints(g, "OFFSET", a.buffer(1), n, 32, true);
      }
    } else {
      validity(g, a);
      if (t instanceof ArrowType.Utf8View || t instanceof ArrowType.BinaryView) {
        ViewsWriter.write(g, a, t instanceof ArrowType.Utf8View);
      } else if (t instanceof ArrowType.List_ || t instanceof ArrowType.Map) {
        ints(g, "OFFSET", a.buffer(1), n + 1, 32, true);
      } else if (t instanceof ArrowType.LargeList) {
        ints(g, "OFFSET", a.buffer(1), n + 1, 64, true);
      } else if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
        int bits = t instanceof ArrowType.LargeListView ? 64 : 32;
        ints(g, "OFFSET", a.buffer(1), n, bits, true);
        ints(g, "SIZE", a.buffer(2), n, bits, true);
      } else if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8
          || t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary) {
        varBinary(g, a, t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.LargeBinary,
            t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8);
      } else if (!t.isNested()) {
        data(g, a, t);
      }
    }
    if (!f.children().isEmpty()) {
      g.writeName("children");
      g.writeStartArray();
      for (int i = 0; i < a.children().size(); i++) {
        write(g, a.child(i), f.child(i).name());
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void validity(JsonGenerator g, ArrayData a) {
    g.writeName("VALIDITY");
    g.writeStartArray();
    for (int i = 0; i < a.length(); i++) {
      g.writeNumber(a.isValid(i) ? 1 : 0);
    }
    g.writeEndArray();
  }

  /** Integers of a buffer: JSON numbers up to 32 bits, decimal strings for 64 bits. */
  private static void ints(JsonGenerator g, String key, ByteBuffer b, int count, int bits, boolean signed) {
    g.writeName(key);
    g.writeStartArray();
    if (count == 1 && b.capacity() == 0) { // the offsets of an empty array, left out by some writers
      if (bits == 64) {
        g.writeString("0");
      } else {
        g.writeNumber(0);
      }
      count = 0;
    }
    for (int i = 0; i < count; i++) {
      switch (bits) {
        case 8 -> g.writeNumber(signed ? b.get(i) : b.get(i) & 0xFF);
        case 16 -> g.writeNumber(signed ? b.getShort(2 * i) : b.getShort(2 * i) & 0xFFFF);
        case 32 -> g.writeNumber(signed ? b.getInt(4 * i) : b.getInt(4 * i) & 0xFFFFFFFFL);
        default -> g.writeString(signed ? Long.toString(b.getLong(8 * i)) : Long.toUnsignedString(b.getLong(8 * i)));
      }
    }
    g.writeEndArray();
  }

  private static void data(JsonGenerator g, ArrayData a, ArrowType t) {
    int n = a.length();
    ByteBuffer b = a.buffer(1);
    if (t instanceof ArrowType.Int i) {
      ints(g, "DATA", b, n, i.bitWidth(), i.signed());
      return;
    } else if (t instanceof ArrowType.Date d) {
      ints(g, "DATA", b, n, d.unit() == ArrowType.DateUnit.DAY ? 32 : 64, true);
      return;
    } else if (t instanceof ArrowType.Time tt) {
      ints(g, "DATA", b, n, tt.bitWidth(), true);
      return;
    } else if (t instanceof ArrowType.Timestamp || t instanceof ArrowType.Duration) {
      ints(g, "DATA", b, n, 64, true);
      return;
    } else if (t instanceof ArrowType.Interval iv && iv.unit() == ArrowType.IntervalUnit.YEAR_MONTH) {
      ints(g, "DATA", b, n, 32, true);
      return;
    }
    g.writeName("DATA");
    g.writeStartArray();
    if (t instanceof ArrowType.Bool) {
      for (int i = 0; i < n; i++) {
        g.writeBoolean((b.get(i >>> 3) & (1 << (i & 7))) != 0);
      }
    } else if (t instanceof ArrowType.FloatingPoint fp) {
      for (int i = 0; i < n; i++) {
        switch (fp.precision()) {
          case HALF -> floating(g, Float16.toFloat(b.getShort(2 * i)), FloatText.Kind.HALF);
          case SINGLE -> floating(g, b.getFloat(4 * i), FloatText.Kind.SINGLE);
          default -> floating(g, b.getDouble(8 * i), FloatText.Kind.DOUBLE);
        }
      }
    } else if (t instanceof ArrowType.Decimal d) {
      int w = d.bitWidth() / 8;
      for (int i = 0; i < n; i++) {
        g.writeString(DecimalCodec.read(b, i, w, 0).unscaledValue().toString());
      }
    } else if (t instanceof ArrowType.Interval) {
      intervals(g, b, n, ((ArrowType.Interval) t).unit() == ArrowType.IntervalUnit.DAY_TIME);
    } else if (t instanceof ArrowType.FixedSizeBinary f) {
      int w = f.byteWidth();
      for (int i = 0; i < n; i++) {
        g.writeString(hex(b, i * w, w));
      }
    }
    g.writeEndArray();
  }

  /** OFFSET (rebased to start at 0, strings for 64-bit offsets) and DATA, one entry per slot. */
  private static void varBinary(JsonGenerator g, ArrayData a, boolean large, boolean utf8) {
    int n = a.length();
    ByteBuffer offsets = a.buffer(1);
    ByteBuffer data = a.buffer(2);
    long base = n == 0 && offsets.capacity() == 0 ? 0 : large ? offsets.getLong(0) : offsets.getInt(0);
    g.writeName("OFFSET");
    g.writeStartArray();
    for (int i = 0; i <= n; i++) {
      long v = (n == 0 && offsets.capacity() == 0 ? 0 : large ? offsets.getLong(8 * i) : offsets.getInt(4 * i)) - base;
      if (large) {
        g.writeString(Long.toString(v));
      } else {
        g.writeNumber((int) v);
      }
    }
    g.writeEndArray();
    g.writeName("DATA");
    g.writeStartArray();
    for (int i = 0; i < n; i++) {
      long start = large ? offsets.getLong(8 * i) : offsets.getInt(4 * i);
      long end = large ? offsets.getLong(8 * i + 8) : offsets.getInt(4 * i + 4);
      int length = (int) (end - start);
      g.writeString(utf8 ? utf8(data, (int) start, length) : hex(data, (int) start, length));
    }
    g.writeEndArray();
  }

  private static void floating(JsonGenerator g, double v, FloatText.Kind kind) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      g.writeNumber(FloatText.nonFinite(v)); // a bare NaN / Infinity / -Infinity token, as arrow-java reads
    } else {
      g.writeNumber(FloatText.format(v, kind));
    }
  }

  private static void intervals(JsonGenerator g, ByteBuffer b, int n, boolean dayTime) {
    for (int i = 0; i < n; i++) {
      g.writeStartObject();
      if (dayTime) {
        g.writeNumberProperty("days", b.getInt(8 * i));
        g.writeNumberProperty("milliseconds", b.getInt(8 * i + 4));
      } else {
        g.writeNumberProperty("months", b.getInt(16 * i));
        g.writeNumberProperty("days", b.getInt(16 * i + 4));
        g.writeNumberProperty("nanoseconds", b.getLong(16 * i + 8));
      }
      g.writeEndObject();
    }
  }

  static String hex(ByteBuffer b, int from, int length) {
    byte[] bytes = new byte[length];
    b.get(from, bytes, 0, length);
    return HEX.formatHex(bytes);
  }

  static String utf8(ByteBuffer b, int from, int length) {
    byte[] bytes = new byte[length];
    b.get(from, bytes, 0, length);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
