package dev.quiver.json.write;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import java.nio.ByteBuffer;
import java.util.List;

/** Writers of nested arrays: list/large_list/fixed_size_list as arrays, struct as objects, map as entries. */
final class NestedWriters {
  private NestedWriters() {}

  static ValueWriter create(ArrayData data, String path) {
    ArrowType t = data.type();
    if (t instanceof ArrowType.List_ || t instanceof ArrowType.LargeList) {
      boolean large = t instanceof ArrowType.LargeList;
      ByteBuffer offsets = data.buffer(1);
      ValueWriter item = ValueWriters.create(data.child(0), path + "[]");
      return (g, i) -> {
        long start = large ? offsets.getLong(i * 8) : offsets.getInt(i * 4);
        long end = large ? offsets.getLong(i * 8 + 8) : offsets.getInt(i * 4 + 4);
        g.writeStartArray();
        for (long k = start; k < end; k++) {
          item.write(g, (int) k);
        }
        g.writeEndArray();
      };
    } else if (t instanceof ArrowType.FixedSizeList) {
      int size = ((ArrowType.FixedSizeList) t).listSize();
      ValueWriter item = ValueWriters.create(data.child(0), path + "[]");
      return (g, i) -> {
        g.writeStartArray();
        for (int k = 0; k < size; k++) {
          item.write(g, i * size + k);
        }
        g.writeEndArray();
      };
    } else if (t instanceof ArrowType.Struct) {
      return struct(data, path);
    } else if (t instanceof ArrowType.Map) {
      ByteBuffer offsets = data.buffer(1);
      ArrayData entries = data.child(0);
      ValueWriter key = ValueWriters.create(entries.child(0), path + "[].key");
      ValueWriter value = ValueWriters.create(entries.child(1), path + "[].value");
      return (g, i) -> {
        g.writeStartArray();
        for (int k = offsets.getInt(i * 4), end = offsets.getInt(i * 4 + 4); k < end; k++) {
          g.writeStartObject();
          g.writeName("key");
          key.write(g, k);
          g.writeName("value");
          value.write(g, k);
          g.writeEndObject();
        }
        g.writeEndArray();
      };
    }
    return ExtraWriters.create(data, path);
  }

  private static ValueWriter struct(ArrayData data, String path) {
    List<ArrayData> children = data.children();
    String[] names = new String[children.size()];
    ValueWriter[] writers = new ValueWriter[children.size()];
    for (int c = 0; c < writers.length; c++) {
      names[c] = data.field().child(c).name();
      writers[c] = ValueWriters.create(children.get(c), path + "." + names[c]);
    }
    return (g, i) -> {
      g.writeStartObject();
      for (int c = 0; c < writers.length; c++) {
        g.writeName(names[c]);
        writers[c].write(g, i);
      }
      g.writeEndObject();
    };
  }
}
