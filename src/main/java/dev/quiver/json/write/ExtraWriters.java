package dev.quiver.json.write;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.json.value.JsonKinds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Views, list views, intervals, unions and run-end encoded arrays, written as their logical values (unions
 * tagged where needed for an exact round trip).
 */
final class ExtraWriters {
  private ExtraWriters() {}

  static ValueWriter create(ArrayData data, String path) {
    ArrowType t = data.type();
    if (t instanceof ArrowType.Utf8View || t instanceof ArrowType.BinaryView) {
      return view(data, t instanceof ArrowType.Utf8View);
    } else if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
      return listView(data, path, t instanceof ArrowType.LargeListView);
    } else if (t instanceof ArrowType.Interval) {
      return interval(data.buffer(1), ((ArrowType.Interval) t).unit());
    } else if (t instanceof ArrowType.Union) {
      return union(data, path, (ArrowType.Union) t);
    } else if (t instanceof ArrowType.RunEndEncoded) {
      return runEndEncoded(data, path);
    }
    throw new IllegalArgumentException("field \"" + path + "\": type " + ValueWriters.typeOf(data.field())
        + " cannot be written as JSON rows");
  }

  private static ValueWriter view(ArrayData data, boolean utf8) {
    ByteBuffer views = data.buffer(1);
    List<ByteBuffer> buffers = data.buffers();
    return (g, i) -> {
      int base = i * 16;
      int length = views.getInt(base);
      byte[] bytes;
      if (length <= 12) {
        bytes = ValueWriters.bytes(views, base + 4, length);
      } else {
        int bufferIndex = views.getInt(base + 8);
        int offset = views.getInt(base + 12);
        bytes = ValueWriters.bytes(buffers.get(2 + bufferIndex), offset, length);
      }
      g.writeString(utf8 ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes));
    };
  }

  private static ValueWriter listView(ArrayData data, String path, boolean large) {
    ByteBuffer offsets = data.buffer(1);
    ByteBuffer sizes = data.buffer(2);
    ValueWriter item = ValueWriters.create(data.child(0), path + "[]");
    return (g, i) -> {
      long start = large ? offsets.getLong(i * 8) : offsets.getInt(i * 4);
      long size = large ? sizes.getLong(i * 8) : sizes.getInt(i * 4);
      g.writeStartArray();
      for (long k = start; k < start + size; k++) {
        item.write(g, (int) k);
      }
      g.writeEndArray();
    };
  }

  private static ValueWriter interval(ByteBuffer b, ArrowType.IntervalUnit unit) {
    switch (unit) {
      case YEAR_MONTH:
        return (g, i) -> {
          g.writeStartObject();
          g.writeName("months");
          g.writeNumber(b.getInt(i * 4));
          g.writeEndObject();
        };
      case DAY_TIME:
        return (g, i) -> {
          g.writeStartObject();
          g.writeName("days");
          g.writeNumber(b.getInt(i * 8));
          g.writeName("milliseconds");
          g.writeNumber(b.getInt(i * 8 + 4));
          g.writeEndObject();
        };
      default:
        return (g, i) -> {
          g.writeStartObject();
          g.writeName("months");
          g.writeNumber(b.getInt(i * 16));
          g.writeName("days");
          g.writeNumber(b.getInt(i * 16 + 4));
          g.writeName("nanoseconds");
          g.writeNumber(b.getLong(i * 16 + 8));
          g.writeEndObject();
        };
    }
  }

  /**
   * A union value: the child's value plainly when reading it back would pick the same child (see
   * {@link JsonKinds#plainChildren}), else tagged {"type_id": id, "value": v}; a null plainly only when the
   * child is the first nullable one.
   */
  private static ValueWriter union(ArrayData data, String path, ArrowType.Union t) {
    ByteBuffer typeIds = data.buffer(0);
    boolean dense = t.mode() == ArrowType.UnionMode.DENSE;
    ByteBuffer offsets = dense ? data.buffer(1) : null;
    ValueWriter[] byTypeId = new ValueWriter[128];
    ArrayData[] childOf = new ArrayData[128];
    boolean[] plainOf = new boolean[128];
    boolean[] plainNullOf = new boolean[128];
    boolean[] plain = JsonKinds.plainChildren(data.field());
    int nullChild = JsonKinds.firstNullChild(data.field());
    for (int c = 0; c < data.children().size(); c++) {
      int id = t.typeIds().isEmpty() ? c : t.typeIds().get(c);
      if (id >= 0 && id < 128) {
        byTypeId[id] = ValueWriters.create(data.child(c), path + "." + data.field().child(c).name());
        childOf[id] = data.child(c);
        plainOf[id] = plain[c];
        plainNullOf[id] = c == nullChild;
      }
    }
    return (g, i) -> {
      int id = typeIds.get(i);
      ValueWriter w = id >= 0 ? byTypeId[id] : null;
      if (w == null) {
        throw new IllegalArgumentException("field \"" + path + "\", row " + i + ": unknown union type id " + id);
      }
      int index = dense ? offsets.getInt(i * 4) : i;
      boolean isPlain = childOf[id].isNull(index) ? plainNullOf[id] : plainOf[id];
      if (isPlain) {
        w.write(g, index);
        return;
      }
      g.writeStartObject();
      g.writeName("type_id");
      g.writeNumber(id);
      g.writeName("value");
      w.write(g, index);
      g.writeEndObject();
    };
  }

  private static ValueWriter runEndEncoded(ArrayData data, String path) {
    ArrayData runEnds = data.child(0);
    ByteBuffer ends = runEnds.buffer(1);
    int width = ((ArrowType.Int) runEnds.type()).bitWidth() / 8;
    int runs = runEnds.length();
    ValueWriter values = ValueWriters.create(data.child(1), path);
    return (g, i) -> {
      int lo = 0;
      int hi = runs - 1;
      while (lo < hi) { // first run whose end is > i
        int mid = (lo + hi) >>> 1;
        if (ValueWriters.readInt(ends, mid, width, true) > i) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      values.write(g, lo);
    };
  }
}
