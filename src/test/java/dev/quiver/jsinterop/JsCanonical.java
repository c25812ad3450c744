package dev.quiver.jsinterop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The canonical JSON of Arrow data that {@code interop-js/canonical.mjs} defines, computed from our
 * {@link ArrayData} buffers directly (independent of Quiver's JSON writer and of Arrow JS):
 * {@code {"schema": ..., "batches": [{"length": n, "rows": [[v, ...], ...]}]}}.
 *
 * <p>Values: null; bool; 8/16/32-bit ints as numbers; 64-bit ints, date64, time64, timestamps and durations
 * as decimal strings of their unit; date32 and time32 as numbers of their unit; floats as numbers with
 * "NaN", "Infinity", "-Infinity" and "-0" as strings; utf8 as strings; binary kinds as base64; decimals as
 * exact strings with {@code scale} fraction digits; intervals as months / {days, milliseconds} / {months,
 * days, nanoseconds (string)}; lists as arrays; structs as objects; maps as arrays of {key, value};
 * dictionaries decoded; unions as {typeId, value}.
 */
final class JsCanonical {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private JsCanonical() {}

  /** {"schema", "batches"} of a schema and its batches. */
  static ObjectNode of(Schema schema, List<RecordBatch> batches) {
    ObjectNode out = JSON.objectNode();
    out.set("schema", JsCanonicalSchema.of(schema));
    ArrayNode array = out.putArray("batches");
    for (RecordBatch batch : batches) {
      ObjectNode b = array.addObject();
      b.put("length", batch.length());
      ArrayNode rows = b.putArray("rows");
      for (int r = 0; r < batch.length(); r++) {
        ArrayNode row = rows.addArray();
        for (ArrayData column : batch.columns()) {
          row.add(value(column, r));
        }
      }
    }
    return out;
  }

  /** The canonical value of slot i. */
  static JsonNode value(ArrayData a, int i) {
    ArrowType type = a.type();
    if (type instanceof ArrowType.Union u) {
      return union(a, u, i);
    }
    if (type instanceof ArrowType.Null || !a.isValid(i)) {
      return JSON.nullNode();
    }
    if (a.field().isDictionaryEncoded()) {
      long index = integer(a.buffer(1), a.field().dictionary().indexType(), i);
      if (index < 0 || index >= a.dictionary().length()) {
        throw new IllegalStateException("dictionary index " + index + " out of range in " + a);
      }
      return value(a.dictionary(), (int) index);
    }
    ByteBuffer values = a.buffers().size() > 1 ? a.buffer(1) : null;
    if (type instanceof ArrowType.Bool) {
      return JSON.booleanNode(Bits.get(values, i));
    } else if (type instanceof ArrowType.Int t) {
      long v = integer(values, t, i);
      if (t.bitWidth() == 64) {
        return JSON.textNode(t.signed() ? Long.toString(v) : Long.toUnsignedString(v));
      }
      return JSON.numberNode(v);
    } else if (type instanceof ArrowType.FloatingPoint t) {
      double v = switch (t.precision()) {
        case HALF -> halfToDouble(values.getShort(2 * i));
        case SINGLE -> values.getFloat(4 * i);
        case DOUBLE -> values.getDouble(8 * i);
      };
      return floatNode(v);
    } else if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8) {
      return JSON.textNode(new String(variableBytes(a, i), StandardCharsets.UTF_8));
    } else if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) {
      return base64(variableBytes(a, i));
    } else if (type instanceof ArrowType.Utf8View) {
      return JSON.textNode(new String(viewBytes(a, i), StandardCharsets.UTF_8));
    } else if (type instanceof ArrowType.BinaryView) {
      return base64(viewBytes(a, i));
    } else if (type instanceof ArrowType.FixedSizeBinary t) {
      return base64(bytes(values, i * t.byteWidth(), t.byteWidth()));
    } else if (type instanceof ArrowType.Decimal t) {
      int width = t.bitWidth() / 8;
      byte[] le = bytes(values, i * width, width);
      byte[] be = new byte[width];
      for (int k = 0; k < width; k++) {
        be[k] = le[width - 1 - k];
      }
      return JSON.textNode(new BigDecimal(new BigInteger(be), t.scale()).toPlainString());
    } else if (type instanceof ArrowType.Date t) {
      return t.unit() == ArrowType.DateUnit.DAY
          ? JSON.numberNode(values.getInt(4 * i))
          : JSON.textNode(Long.toString(values.getLong(8 * i)));
    } else if (type instanceof ArrowType.Time t) {
      return t.bitWidth() == 32
          ? JSON.numberNode(values.getInt(4 * i))
          : JSON.textNode(Long.toString(values.getLong(8 * i)));
    } else if (type instanceof ArrowType.Timestamp || type instanceof ArrowType.Duration) {
      return JSON.textNode(Long.toString(values.getLong(8 * i)));
    } else if (type instanceof ArrowType.Interval t) {
      return interval(values, t, i);
    } else if (type instanceof ArrowType.List_ || type instanceof ArrowType.LargeList) {
      boolean large = type instanceof ArrowType.LargeList;
      return range(a.child(0), offset(values, large, i), offset(values, large, i + 1));
    } else if (type instanceof ArrowType.FixedSizeList t) {
      return range(a.child(0), (long) i * t.listSize(), (long) (i + 1) * t.listSize());
    } else if (type instanceof ArrowType.Struct) {
      ObjectNode out = JSON.objectNode();
      for (ArrayData child : a.children()) {
        out.set(child.field().name(), value(child, i));
      }
      return out;
    } else if (type instanceof ArrowType.Map) {
      ArrayData entries = a.child(0);
      ArrayNode out = JSON.arrayNode();
      for (long j = offset(values, false, i); j < offset(values, false, i + 1); j++) {
        ObjectNode entry = out.addObject();
        entry.set("key", value(entries.child(0), (int) j));
        entry.set("value", value(entries.child(1), (int) j));
      }
      return out;
    }
    throw new IllegalArgumentException("no canonical form for " + type + " (field " + a.field().name() + ")");
  }

  private static JsonNode union(ArrayData a, ArrowType.Union u, int i) {
    byte typeId = a.buffer(0).get(i);
    int child = u.typeIds().indexOf((int) typeId);
    if (child < 0) {
      throw new IllegalStateException("type id " + typeId + " not in " + u.typeIds());
    }
    int j = u.mode() == ArrowType.UnionMode.DENSE ? a.buffer(1).getInt(4 * i) : i;
    ObjectNode out = JSON.objectNode();
    out.put("typeId", typeId);
    out.set("value", value(a.child(child), j));
    return out;
  }

  private static JsonNode interval(ByteBuffer values, ArrowType.Interval t, int i) {
    switch (t.unit()) {
      case YEAR_MONTH:
        return JSON.numberNode(values.getInt(4 * i));
      case DAY_TIME: {
        ObjectNode out = JSON.objectNode();
        out.put("days", values.getInt(8 * i));
        out.put("milliseconds", values.getInt(8 * i + 4));
        return out;
      }
      default: {
        ObjectNode out = JSON.objectNode();
        out.put("months", values.getInt(16 * i));
        out.put("days", values.getInt(16 * i + 4));
        out.put("nanoseconds", Long.toString(values.getLong(16 * i + 8)));
        return out;
      }
    }
  }

  private static ArrayNode range(ArrayData child, long start, long end) {
    ArrayNode out = JSON.arrayNode();
    for (long j = start; j < end; j++) {
      out.add(value(child, Math.toIntExact(j)));
    }
    return out;
  }

  static JsonNode floatNode(double v) {
    if (Double.isNaN(v)) {
      return JSON.textNode("NaN");
    } else if (v == Double.POSITIVE_INFINITY) {
      return JSON.textNode("Infinity");
    } else if (v == Double.NEGATIVE_INFINITY) {
      return JSON.textNode("-Infinity");
    } else if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
      return JSON.textNode("-0");
    }
    return JSON.numberNode(v);
  }

  /** An IEEE 754 binary16 value (bits in the low 16 bits of {@code h}) as a double, exactly. */
  static double halfToDouble(short h) {
    int bits = h & 0xffff;
    int sign = (bits >>> 15) == 0 ? 1 : -1;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (exponent == 0) {
      return sign * Math.scalb((double) mantissa, -24);
    }
    return sign * Math.scalb((double) (mantissa | 0x400), exponent - 25);
  }

  private static long integer(ByteBuffer values, ArrowType.Int t, int i) {
    return switch (t.bitWidth()) {
      case 8 -> t.signed() ? values.get(i) : Byte.toUnsignedLong(values.get(i));
      case 16 -> t.signed() ? values.getShort(2 * i) : Short.toUnsignedLong(values.getShort(2 * i));
      case 32 -> t.signed() ? values.getInt(4 * i) : Integer.toUnsignedLong(values.getInt(4 * i));
      default -> values.getLong(8 * i);
    };
  }

  private static long offset(ByteBuffer offsets, boolean large, int i) {
    return large ? offsets.getLong(8 * i) : offsets.getInt(4 * i);
  }

  private static byte[] variableBytes(ArrayData a, int i) {
    boolean large = a.type() instanceof ArrowType.LargeUtf8 || a.type() instanceof ArrowType.LargeBinary;
    long start = offset(a.buffer(1), large, i);
    long end = offset(a.buffer(1), large, i + 1);
    return bytes(a.buffer(2), Math.toIntExact(start), Math.toIntExact(end - start));
  }

  private static byte[] viewBytes(ArrayData a, int i) {
    ByteBuffer views = a.buffer(1);
    int length = views.getInt(16 * i);
    if (length <= 12) {
      return bytes(views, 16 * i + 4, length);
    }
    int bufferIndex = views.getInt(16 * i + 8);
    int offset = views.getInt(16 * i + 12);
    return bytes(a.buffer(2 + bufferIndex), offset, length);
  }

  private static byte[] bytes(ByteBuffer buffer, int offset, int length) {
    byte[] out = new byte[length];
    buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(offset).get(out);
    return out;
  }

  private static JsonNode base64(byte[] bytes) {
    return JSON.textNode(Base64.getEncoder().encodeToString(bytes));
  }
}
