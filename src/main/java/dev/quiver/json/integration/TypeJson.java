package dev.quiver.json.integration;

import dev.quiver.columnar.ArrowType;
import tools.jackson.core.JsonGenerator;

/** Writes integration-JSON type objects ({"name": "int", "bitWidth": 32, "isSigned": true}, ...). */
final class TypeJson {
  private TypeJson() {}

  static void write(JsonGenerator g, ArrowType t) {
    g.writeStartObject();
    if (t instanceof ArrowType.Null) {
      g.writeStringProperty("name", "null");
    } else if (t instanceof ArrowType.Bool) {
      g.writeStringProperty("name", "bool");
    } else if (t instanceof ArrowType.Int i) {
      g.writeStringProperty("name", "int");
      g.writeNumberProperty("bitWidth", i.bitWidth());
      g.writeBooleanProperty("isSigned", i.signed());
    } else if (t instanceof ArrowType.FloatingPoint f) {
      g.writeStringProperty("name", "floatingpoint");
      g.writeStringProperty("precision", f.precision().name());
    } else if (t instanceof ArrowType.Utf8) {
      g.writeStringProperty("name", "utf8");
    } else if (t instanceof ArrowType.LargeUtf8) {
      g.writeStringProperty("name", "largeutf8");
    } else if (t instanceof ArrowType.Utf8View) {
      g.writeStringProperty("name", "utf8view");
    } else if (t instanceof ArrowType.Binary) {
      g.writeStringProperty("name", "binary");
    } else if (t instanceof ArrowType.LargeBinary) {
      g.writeStringProperty("name", "largebinary");
    } else if (t instanceof ArrowType.BinaryView) {
      g.writeStringProperty("name", "binaryview");
    } else if (t instanceof ArrowType.FixedSizeBinary f) {
      g.writeStringProperty("name", "fixedsizebinary");
      g.writeNumberProperty("byteWidth", f.byteWidth());
    } else if (t instanceof ArrowType.Decimal d) {
      g.writeStringProperty("name", "decimal");
      g.writeNumberProperty("precision", d.precision());
      g.writeNumberProperty("scale", d.scale());
      g.writeNumberProperty("bitWidth", d.bitWidth());
    } else if (t instanceof ArrowType.Date d) {
      g.writeStringProperty("name", "date");
      g.writeStringProperty("unit", d.unit().name());
    } else if (t instanceof ArrowType.Time tt) {
      g.writeStringProperty("name", "time");
      g.writeStringProperty("unit", tt.unit().name());
      g.writeNumberProperty("bitWidth", tt.bitWidth());
    } else if (t instanceof ArrowType.Timestamp ts) {
      g.writeStringProperty("name", "timestamp");
      g.writeStringProperty("unit", ts.unit().name());
      if (ts.timezone() != null) {
        g.writeStringProperty("timezone", ts.timezone());
      }
    } else if (t instanceof ArrowType.Duration d) {
      g.writeStringProperty("name", "duration");
      g.writeStringProperty("unit", d.unit().name());
    } else if (t instanceof ArrowType.Interval iv) {
      g.writeStringProperty("name", "interval");
      g.writeStringProperty("unit", iv.unit().name());
    } else if (t instanceof ArrowType.List_) {
      g.writeStringProperty("name", "list");
    } else if (t instanceof ArrowType.LargeList) {
      g.writeStringProperty("name", "largelist");
    } else if (t instanceof ArrowType.ListView) {
      g.writeStringProperty("name", "listview");
    } else if (t instanceof ArrowType.LargeListView) {
      g.writeStringProperty("name", "largelistview");
    } else if (t instanceof ArrowType.FixedSizeList f) {
      g.writeStringProperty("name", "fixedsizelist");
      g.writeNumberProperty("listSize", f.listSize());
    } else if (t instanceof ArrowType.Struct) {
      g.writeStringProperty("name", "struct");
    } else if (t instanceof ArrowType.Map m) {
      g.writeStringProperty("name", "map");
      g.writeBooleanProperty("keysSorted", m.keysSorted());
    } else if (t instanceof ArrowType.Union u) {
      g.writeStringProperty("name", "union");
      g.writeStringProperty("mode", u.mode().name());
      g.writeName("typeIds");
      g.writeStartArray();
      for (int id : u.typeIds()) {
        g.writeNumber(id);
      }
      g.writeEndArray();
    } else if (t instanceof ArrowType.RunEndEncoded) {
      g.writeStringProperty("name", "runendencoded");
    } else {
      throw new IllegalArgumentException("no integration-JSON form for " + t);
    }
    g.writeEndObject();
  }
}
