package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.json.write.ValueWriter;
import dev.quiver.json.write.ValueWriters;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The dictionaries of the batches written so far, by id: a dictionary may stay the same object, or grow (its
 * first values unchanged, compared logically); anything else is a replacement, which one integration-JSON
 * document cannot hold.
 */
final class DictionaryTracker {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private DictionaryTracker() {}

  static void track(ArrayData array, String path, int batch, Map<Long, ArrayData> current) {
    Field f = array.field();
    if (f.isDictionaryEncoded()) {
      ArrayData d = array.dictionary();
      if (d == null) {
        throw new IllegalArgumentException("field \"" + path + "\": dictionary-encoded array without a dictionary");
      }
      long id = f.dictionary().id();
      ArrayData previous = current.get(id);
      if (previous != d) {
        if (previous != null && !extendsPrevious(previous, d, path)) {
          throw new IllegalArgumentException("field \"" + path + "\": dictionary " + id + " is replaced in batch "
              + batch + " (its first " + previous.length() + " values changed); Arrow integration JSON holds"
              + " one dictionary per id, so a replaced dictionary cannot be written (deltas can)");
        }
        current.put(id, d);
      }
      trackChildren(d, path, batch, current);
      return;
    }
    trackChildren(array, path, batch, current);
  }

  private static void trackChildren(ArrayData array, String path, int batch, Map<Long, ArrayData> current) {
    for (int i = 0; i < array.children().size(); i++) {
      track(array.child(i), path + "." + array.field().child(i).name(), batch, current);
    }
  }

  /** Whether {@code next} starts with the values of {@code previous} (JSON-rows rendering compared). */
  private static boolean extendsPrevious(ArrayData previous, ArrayData next, String path) {
    if (next.length() < previous.length()) {
      return false;
    }
    try {
      return render(previous, previous.length(), path).equals(render(next, previous.length(), path));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String render(ArrayData a, int count, String path) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      ValueWriter w = ValueWriters.create(a, path);
      g.writeStartArray();
      for (int i = 0; i < count; i++) {
        w.write(g, i);
      }
      g.writeEndArray();
    }
    return text.toString();
  }

  /** Writes every dictionary of the schema, inner ones first; ids no batch used get an empty dictionary. */
  static void writeAll(JsonGenerator g, Map<Long, Field> fields, Map<Long, ArrayData> current) {
    Set<Long> written = new HashSet<>();
    for (long id : fields.keySet()) {
      writeOne(g, id, fields, current, written);
    }
  }

  private static void writeOne(JsonGenerator g, long id, Map<Long, Field> fields, Map<Long, ArrayData> current,
      Set<Long> written) {
    if (!written.add(id)) {
      return;
    }
    Field encoded = fields.get(id);
    for (Field c : encoded.children()) {
      writeInner(g, c, fields, current, written);
    }
    g.writeStartObject();
    g.writeNumberProperty("id", id);
    g.writeName("data");
    g.writeStartObject();
    ArrayData d = current.get(id);
    g.writeNumberProperty("count", d == null ? 0 : d.length());
    g.writeName("columns");
    g.writeStartArray();
    if (d != null) {
      FieldDataWriter.write(g, d, "DICT" + id);
    } else {
      empty(g, encoded.valueField(), "DICT" + id);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeInner(JsonGenerator g, Field f, Map<Long, Field> fields, Map<Long, ArrayData> current,
      Set<Long> written) {
    if (f.isDictionaryEncoded()) {
      writeOne(g, f.dictionary().id(), fields, current, written);
      return;
    }
    for (Field c : f.children()) {
      writeInner(g, c, fields, current, written);
    }
  }

  /** An empty FieldData of {@code f}'s layout. */
  static void empty(JsonGenerator g, Field f, String name) {
    ArrowType t = f.type();
    g.writeStartObject();
    g.writeStringProperty("name", name);
    g.writeNumberProperty("count", 0);
    boolean large = t instanceof ArrowType.LargeList || t instanceof ArrowType.LargeUtf8
        || t instanceof ArrowType.LargeBinary;
    if (f.isDictionaryEncoded()) {
      emptyArrays(g, "VALIDITY", "DATA");
      g.writeEndObject();
      return;
    } else if (t instanceof ArrowType.Union u) {
      emptyArrays(g, "TYPE_ID");
      if (u.mode() == ArrowType.UnionMode.DENSE) {
        emptyArrays(g, "OFFSET");
      }
    } else if (t instanceof ArrowType.Utf8View || t instanceof ArrowType.BinaryView) {
      emptyArrays(g, "VALIDITY", "VIEWS", "VARIADIC_DATA_BUFFERS");
    } else if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
      emptyArrays(g, "VALIDITY", "OFFSET", "SIZE");
    } else if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.Binary || large
        || t instanceof ArrowType.List_ || t instanceof ArrowType.Map) {
      emptyArrays(g, "VALIDITY");
      g.writeName("OFFSET");
      g.writeStartArray();
      if (large) {
        g.writeString("0");
      } else {
        g.writeNumber(0);
      }
      g.writeEndArray();
      if (!t.isNested()) {
        emptyArrays(g, "DATA");
      }
    } else if (t.isNested() && !(t instanceof ArrowType.RunEndEncoded)) {
      emptyArrays(g, "VALIDITY");
    } else if (!(t instanceof ArrowType.Null) && !(t instanceof ArrowType.RunEndEncoded)) {
      emptyArrays(g, "VALIDITY", "DATA");
    }
    if (!f.children().isEmpty()) {
      g.writeName("children");
      g.writeStartArray();
      for (Field c : f.children()) {
        empty(g, c, c.name());
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void emptyArrays(JsonGenerator g, String... keys) {
    for (String key : keys) {
      g.writeName(key);
      g.writeStartArray();
      g.writeEndArray();
    }
  }
}
