package dev.quiver.json.write;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.json.TypeStrings;
import dev.quiver.json.value.DecimalCodec;
import dev.quiver.json.value.Float16;
import dev.quiver.json.value.FloatText;
import dev.quiver.json.value.Temporal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;

/**
 * Creates the {@link ValueWriter} of an array per the JSON value mapping: exact numbers (uint64 unsigned,
 * decimals with exactly `scale` fraction digits, shortest round-tripping floats, non-finite floats as
 * strings), ISO temporals, base64 binaries, nested values recursively, dictionaries decoded.
 */
public final class ValueWriters {
  private ValueWriters() {}

  /** A writer that also writes null for null slots. */
  public static ValueWriter create(ArrayData data, String path) {
    ValueWriter values = data.field().isDictionaryEncoded() ? dictionary(data, path) : values(data, path);
    if (data.nullCount() == 0) {
      return values;
    }
    return (g, i) -> {
      if (data.isNull(i)) {
        g.writeNull();
      } else {
        values.write(g, i);
      }
    };
  }

  private static ValueWriter dictionary(ArrayData data, String path) {
    ArrayData dict = data.dictionary();
    if (dict == null) {
      throw new IllegalArgumentException("field \"" + path + "\": dictionary-encoded array without a dictionary");
    }
    ValueWriter values = create(dict, path);
    ByteBuffer indices = data.buffer(1);
    int width = data.field().dictionary().indexType().bitWidth() / 8;
    boolean signed = data.field().dictionary().indexType().signed();
    int size = dict.length();
    return (g, i) -> {
      long k = readInt(indices, i, width, signed);
      if (k < 0 || k >= size) {
        throw new IllegalArgumentException("field \"" + path + "\", row " + i + ": dictionary index " + k
            + " out of range [0, " + size + ")");
      }
      values.write(g, (int) k);
    };
  }

  static long readInt(ByteBuffer b, int i, int width, boolean signed) {
    switch (width) {
      case 1:
        return signed ? b.get(i) : b.get(i) & 0xFFL;
      case 2:
        return signed ? b.getShort(i * 2) : b.getShort(i * 2) & 0xFFFFL;
      case 4:
        return signed ? b.getInt(i * 4) : b.getInt(i * 4) & 0xFFFFFFFFL;
      default:
        return b.getLong(i * 8);
    }
  }

  private static ValueWriter values(ArrayData data, String path) {
    ArrowType t = data.type();
    if (t instanceof ArrowType.Null) {
      return (g, i) -> g.writeNull();
    } else if (t instanceof ArrowType.Bool) {
      ByteBuffer bits = data.buffer(1);
      return (g, i) -> g.writeBoolean((bits.get(i >>> 3) & (1 << (i & 7))) != 0);
    } else if (t instanceof ArrowType.Int) {
      return integer(data.buffer(1), (ArrowType.Int) t);
    } else if (t instanceof ArrowType.FloatingPoint) {
      return floating(data.buffer(1), ((ArrowType.FloatingPoint) t).precision());
    } else if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8
        || t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary) {
      boolean large = t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.LargeBinary;
      boolean utf8 = t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8;
      return varBinary(data.buffer(1), data.buffer(2), large, utf8);
    } else if (t instanceof ArrowType.FixedSizeBinary) {
      int w = ((ArrowType.FixedSizeBinary) t).byteWidth();
      ByteBuffer values = data.buffer(1);
      return (g, i) -> g.writeString(Base64.getEncoder().encodeToString(bytes(values, i * w, w)));
    } else if (t instanceof ArrowType.Decimal) {
      ArrowType.Decimal d = (ArrowType.Decimal) t;
      ByteBuffer values = data.buffer(1);
      int w = d.bitWidth() / 8;
      return (g, i) -> g.writeString(DecimalCodec.read(values, i, w, d.scale()).toPlainString());
    } else if (t instanceof ArrowType.Date || t instanceof ArrowType.Time
        || t instanceof ArrowType.Timestamp || t instanceof ArrowType.Duration) {
      return temporal(data.buffer(1), t, path);
    }
    return NestedWriters.create(data, path);
  }

  private static ValueWriter integer(ByteBuffer b, ArrowType.Int t) {
    int w = t.bitWidth() / 8;
    if (w == 8 && !t.signed()) {
      return (g, i) -> g.writeNumber(Long.toUnsignedString(b.getLong(i * 8)));
    }
    return (g, i) -> g.writeNumber(readInt(b, i, w, t.signed()));
  }

  private static ValueWriter floating(ByteBuffer b, ArrowType.Precision p) {
    switch (p) {
      case HALF:
        return (g, i) -> writeFloat(g, Float16.toFloat(b.getShort(i * 2)), FloatText.Kind.HALF);
      case SINGLE:
        return (g, i) -> writeFloat(g, b.getFloat(i * 4), FloatText.Kind.SINGLE);
      default:
        return (g, i) -> writeFloat(g, b.getDouble(i * 8), FloatText.Kind.DOUBLE);
    }
  }

  private static void writeFloat(tools.jackson.core.JsonGenerator g, double v, FloatText.Kind kind) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      g.writeString(FloatText.nonFinite(v));
    } else {
      g.writeNumber(FloatText.format(v, kind));
    }
  }

  private static ValueWriter varBinary(ByteBuffer offsets, ByteBuffer data, boolean large, boolean utf8) {
    return (g, i) -> {
      long start = large ? offsets.getLong(i * 8) : offsets.getInt(i * 4);
      long end = large ? offsets.getLong(i * 8 + 8) : offsets.getInt(i * 4 + 4);
      byte[] bytes = bytes(data, (int) start, (int) (end - start));
      g.writeString(utf8 ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes));
    };
  }

  static byte[] bytes(ByteBuffer b, int from, int length) {
    byte[] out = new byte[length];
    b.get(from, out, 0, length);
    return out;
  }

  private static ValueWriter temporal(ByteBuffer b, ArrowType t, String path) {
    if (t instanceof ArrowType.Date) {
      if (((ArrowType.Date) t).unit() == ArrowType.DateUnit.DAY) {
        return (g, i) -> g.writeString(Temporal.formatDate32(b.getInt(i * 4)));
      }
      return (g, i) -> g.writeString(checked(path, i, () -> Temporal.formatDate64(b.getLong(i * 8))));
    } else if (t instanceof ArrowType.Time) {
      ArrowType.Time tt = (ArrowType.Time) t;
      if (tt.bitWidth() == 32) {
        return (g, i) -> g.writeString(Temporal.formatTime(b.getInt(i * 4), tt.unit()));
      }
      return (g, i) -> g.writeString(Temporal.formatTime(b.getLong(i * 8), tt.unit()));
    } else if (t instanceof ArrowType.Timestamp) {
      ArrowType.Timestamp ts = (ArrowType.Timestamp) t;
      ZoneId zone;
      try {
        zone = Temporal.zone(ts.timezone());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("field \"" + path + "\": " + e.getMessage());
      }
      return (g, i) -> g.writeString(
          checked(path, i, () -> Temporal.formatTimestamp(b.getLong(i * 8), ts.unit(), zone)));
    }
    return (g, i) -> g.writeNumber(b.getLong(i * 8));
  }

  private static String checked(String path, int row, java.util.function.Supplier<String> format) {
    try {
      return format.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field \"" + path + "\", row " + row + ": " + e.getMessage());
    }
  }

  static String typeOf(Field f) {
    return TypeStrings.format(f);
  }
}
