package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import java.nio.ByteBuffer;
import tools.jackson.core.JsonGenerator;

/**
 * "VIEWS" ({"SIZE", "INLINED"} up to 12 bytes, else {"SIZE", "PREFIX_HEX", "BUFFER_INDEX", "OFFSET"}) and
 * "VARIADIC_DATA_BUFFERS" (hex) of a binary or utf8 view array.
 */
final class ViewsWriter {
  private ViewsWriter() {}

  static void write(JsonGenerator g, ArrayData a, boolean utf8) {
    ByteBuffer views = a.buffer(1);
    g.writeName("VIEWS");
    g.writeStartArray();
    for (int i = 0; i < a.length(); i++) {
      int base = 16 * i;
      int size = views.getInt(base);
      g.writeStartObject();
      g.writeNumberProperty("SIZE", size);
      if (size <= 12) {
        int n = Math.max(size, 0);
        g.writeStringProperty("INLINED", utf8 ? FieldDataWriter.utf8(views, base + 4, n)
            : FieldDataWriter.hex(views, base + 4, n));
      } else {
        g.writeStringProperty("PREFIX_HEX", FieldDataWriter.hex(views, base + 4, 4));
        g.writeNumberProperty("BUFFER_INDEX", views.getInt(base + 8));
        g.writeNumberProperty("OFFSET", views.getInt(base + 12));
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("VARIADIC_DATA_BUFFERS");
    g.writeStartArray();
    for (int b = 2; b < a.buffers().size(); b++) {
      ByteBuffer buffer = a.buffer(b);
      g.writeString(FieldDataWriter.hex(buffer, 0, buffer.capacity()));
    }
    g.writeEndArray();
  }
}
