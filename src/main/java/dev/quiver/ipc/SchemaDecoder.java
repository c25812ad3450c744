package dev.quiver.ipc;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.arrow.flatbuf.DictionaryKind;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Feature;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Type;

/**
 * Converts a verified flatbuffer Schema into the columnar model, checking the type parameters the format
 * allows (integer widths, decimal precision, time unit and width, child counts, union type ids).
 */
final class SchemaDecoder {
  /** Decimal scales accepted (arrow-rs keeps the scale in an int8). */
  static final int MIN_SCALE = -128;
  static final int MAX_SCALE = 127;

  private final String where;

  private SchemaDecoder(String where) {
    this.where = where;
  }

  /** Decodes a schema already checked by {@link MetadataVerifier}. */
  static Schema decode(org.apache.arrow.flatbuf.Schema fb, String where) {
    return new SchemaDecoder(where).schema(fb);
  }

  private Schema schema(org.apache.arrow.flatbuf.Schema fb) {
    if (fb.endianness() != Endianness.Little && fb.endianness() != Endianness.Big) {
      throw error("schema", "unknown endianness " + fb.endianness());
    }
    for (int i = 0; i < fb.featuresLength(); i++) {
      long f = fb.features(i);
      if ((f & ~(Feature.DICTIONARY_REPLACEMENT | Feature.COMPRESSED_BODY)) != 0) {
        throw error("schema", "unknown feature flag " + f);
      }
    }
    List<Field> fields = new ArrayList<>(fb.fieldsLength());
    for (int i = 0; i < fb.fieldsLength(); i++) {
      fields.add(field(fb.fields(i), "column " + i));
    }
    return new Schema(fields, metadata(fb.customMetadataLength(), fb::customMetadata));
  }

  /**
   * Whether the bodies described by this schema are big-endian (they are then swapped on read; the decoded
   * schema itself has no byte order: everything Quiver returns is little-endian).
   */
  static boolean bigEndian(org.apache.arrow.flatbuf.Schema fb) {
    return fb.endianness() == Endianness.Big;
  }

  static Map<String, String> metadata(int n, IntFunction<KeyValue> entry) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      KeyValue kv = entry.apply(i);
      map.put(kv.key() == null ? "" : kv.key(), kv.value() == null ? "" : kv.value());
    }
    return map;
  }

  private Field field(org.apache.arrow.flatbuf.Field fb, String path) {
    String name = fb.name() == null ? "" : fb.name();
    String here = path + " '" + name + "'";
    List<Field> children = new ArrayList<>(fb.childrenLength());
    for (int i = 0; i < fb.childrenLength(); i++) {
      children.add(field(fb.children(i), here + " child " + i));
    }
    ArrowType type = type(fb, children, here);
    DictionaryEncoding dictionary = null;
    org.apache.arrow.flatbuf.DictionaryEncoding de = fb.dictionary();
    if (de != null) {
      ArrowType.Int indexType = ArrowType.INT32;
      org.apache.arrow.flatbuf.Int index = de.indexType();
      if (index != null) {
        indexType = integer(index, here + " dictionary index type");
      }
      if (de.dictionaryKind() != DictionaryKind.DenseArray) {
        throw error(here, "unknown dictionary kind " + de.dictionaryKind());
      }
      dictionary = new DictionaryEncoding(de.id(), indexType, de.isOrdered());
    }
    return new Field(name, fb.nullable(), type, dictionary, children,
        metadata(fb.customMetadataLength(), fb::customMetadata));
  }

  private ArrowType type(org.apache.arrow.flatbuf.Field fb, List<Field> children, String here) {
    byte tag = fb.typeType();
    ArrowType type = switch (tag) {
      case Type.Null -> ArrowType.NULL;
      case Type.Bool -> ArrowType.BOOL;
      case Type.Int -> integer((org.apache.arrow.flatbuf.Int) table(fb, new org.apache.arrow.flatbuf.Int(), here), here);
      case Type.FloatingPoint -> {
        var t = (org.apache.arrow.flatbuf.FloatingPoint) table(fb, new org.apache.arrow.flatbuf.FloatingPoint(), here);
        yield new ArrowType.FloatingPoint(enumValue(ArrowType.Precision.values(), t.precision(), here, "precision"));
      }
      case Type.Binary -> ArrowType.BINARY;
      case Type.Utf8 -> ArrowType.UTF8;
      case Type.LargeBinary -> ArrowType.LARGE_BINARY;
      case Type.LargeUtf8 -> ArrowType.LARGE_UTF8;
      case Type.BinaryView -> ArrowType.BINARY_VIEW;
      case Type.Utf8View -> ArrowType.UTF8_VIEW;
      case Type.FixedSizeBinary -> {
        var t = (org.apache.arrow.flatbuf.FixedSizeBinary) table(fb, new org.apache.arrow.flatbuf.FixedSizeBinary(), here);
        if (t.byteWidth() < 0) {
          throw error(here, "fixed_size_binary byteWidth < 0: " + t.byteWidth());
        }
        yield new ArrowType.FixedSizeBinary(t.byteWidth());
      }
      case Type.Decimal -> decimal((org.apache.arrow.flatbuf.Decimal) table(fb, new org.apache.arrow.flatbuf.Decimal(), here), here);
      case Type.Date -> {
        var t = (org.apache.arrow.flatbuf.Date) table(fb, new org.apache.arrow.flatbuf.Date(), here);
        yield new ArrowType.Date(enumValue(ArrowType.DateUnit.values(), t.unit(), here, "date unit"));
      }
      case Type.Time -> {
        var t = (org.apache.arrow.flatbuf.Time) table(fb, new org.apache.arrow.flatbuf.Time(), here);
        ArrowType.TimeUnit unit = enumValue(ArrowType.TimeUnit.values(), t.unit(), here, "time unit");
        int expected = unit.ordinal() <= 1 ? 32 : 64;
        if (t.bitWidth() != expected) {
          throw error(here, "time unit " + unit + " needs bitWidth " + expected + ", not " + t.bitWidth());
        }
        yield new ArrowType.Time(unit, expected);
      }
      case Type.Timestamp -> {
        var t = (org.apache.arrow.flatbuf.Timestamp) table(fb, new org.apache.arrow.flatbuf.Timestamp(), here);
        String tz = t.timezone();
        yield new ArrowType.Timestamp(enumValue(ArrowType.TimeUnit.values(), t.unit(), here, "timestamp unit"),
            tz == null || tz.isEmpty() ? null : tz);
      }
      case Type.Duration -> {
        var t = (org.apache.arrow.flatbuf.Duration) table(fb, new org.apache.arrow.flatbuf.Duration(), here);
        yield new ArrowType.Duration(enumValue(ArrowType.TimeUnit.values(), t.unit(), here, "duration unit"));
      }
      case Type.Interval -> {
        var t = (org.apache.arrow.flatbuf.Interval) table(fb, new org.apache.arrow.flatbuf.Interval(), here);
        yield new ArrowType.Interval(enumValue(ArrowType.IntervalUnit.values(), t.unit(), here, "interval unit"));
      }
      case Type.List -> ArrowType.LIST;
      case Type.LargeList -> ArrowType.LARGE_LIST;
      case Type.ListView -> ArrowType.LIST_VIEW;
      case Type.LargeListView -> ArrowType.LARGE_LIST_VIEW;
      case Type.FixedSizeList -> {
        var t = (org.apache.arrow.flatbuf.FixedSizeList) table(fb, new org.apache.arrow.flatbuf.FixedSizeList(), here);
        if (t.listSize() < 0) {
          throw error(here, "fixed_size_list listSize < 0: " + t.listSize());
        }
        yield new ArrowType.FixedSizeList(t.listSize());
      }
      case Type.Struct_ -> ArrowType.STRUCT;
      case Type.Map -> new ArrowType.Map(
          ((org.apache.arrow.flatbuf.Map) table(fb, new org.apache.arrow.flatbuf.Map(), here)).keysSorted());
      case Type.Union -> union((org.apache.arrow.flatbuf.Union) table(fb, new org.apache.arrow.flatbuf.Union(), here),
          children.size(), here);
      case Type.RunEndEncoded -> ArrowType.RUN_END_ENCODED;
      case Type.NONE -> throw error(here, "field has no type");
      default -> throw error(here, "unknown type tag " + (tag & 0xFF) + " (from a newer writer?)");
    };
    checkChildren(type, children, here);
    return type;
  }

  private com.google.flatbuffers.Table table(
      org.apache.arrow.flatbuf.Field fb, com.google.flatbuffers.Table empty, String here) {
    com.google.flatbuffers.Table t = fb.type(empty);
    if (t == null) {
      throw error(here, "type table missing for type tag " + fb.typeType());
    }
    return t;
  }

  private ArrowType.Int integer(org.apache.arrow.flatbuf.Int t, String here) {
    int w = t.bitWidth();
    if (w != 8 && w != 16 && w != 32 && w != 64) {
      throw error(here, "integer bitWidth must be 8, 16, 32 or 64: " + w);
    }
    return new ArrowType.Int(w, t.isSigned());
  }

  private ArrowType decimal(org.apache.arrow.flatbuf.Decimal t, String here) {
    int maxPrecision = switch (t.bitWidth()) {
      case 32 -> 9;
      case 64 -> 18;
      case 128 -> 38;
      case 256 -> 76;
      default -> throw error(here, "decimal bitWidth must be 32, 64, 128 or 256: " + t.bitWidth());
    };
    if (t.precision() < 1 || t.precision() > maxPrecision) {
      throw error(here, "decimal" + t.bitWidth() + " precision out of [1, " + maxPrecision + "]: "
          + t.precision());
    }
    if (t.scale() < MIN_SCALE || t.scale() > MAX_SCALE) {
      // the format sets no bound, but a scale of a billion turns each value into a billion digits
      throw error(here, "decimal scale out of [" + MIN_SCALE + ", " + MAX_SCALE + "]: " + t.scale());
    }
    return new ArrowType.Decimal(t.precision(), t.scale(), t.bitWidth());
  }

  private ArrowType union(org.apache.arrow.flatbuf.Union t, int childCount, String here) {
    ArrowType.UnionMode mode = enumValue(ArrowType.UnionMode.values(), t.mode(), here, "union mode");
    List<Integer> ids = new ArrayList<>(childCount);
    if (t.typeIdsLength() == 0 && childCount > 0) {
      for (int i = 0; i < childCount; i++) {
        ids.add(i);
      }
    } else {
      if (t.typeIdsLength() != childCount) {
        throw error(here, "union has " + t.typeIdsLength() + " type ids for " + childCount + " children");
      }
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < childCount; i++) {
        int id = t.typeIds(i);
        if (id < 0 || id > 127 || !seen.add(id)) {
          throw error(here, "union type id must be unique and in [0, 127]: " + id);
        }
        ids.add(id);
      }
    }
    if (childCount > 128) {
      throw error(here, "union with more than 128 children: " + childCount);
    }
    return new ArrowType.Union(mode, ids);
  }

  private void checkChildren(ArrowType type, List<Field> children, String here) {
    int n = children.size();
    if (type instanceof ArrowType.List_ || type instanceof ArrowType.LargeList
        || type instanceof ArrowType.ListView || type instanceof ArrowType.LargeListView
        || type instanceof ArrowType.FixedSizeList) {
      expectChildren(n, 1, type, here);
    } else if (type instanceof ArrowType.Map) {
      expectChildren(n, 1, type, here);
      Field entries = children.get(0);
      if (!(entries.type() instanceof ArrowType.Struct) || entries.children().size() != 2
          || entries.isDictionaryEncoded()) {
        throw error(here, "map child must be a struct of key and value");
      }
    } else if (type instanceof ArrowType.RunEndEncoded) {
      expectChildren(n, 2, type, here);
      Field runEnds = children.get(0);
      if (!(runEnds.type() instanceof ArrowType.Int i) || !i.signed() || i.bitWidth() == 8
          || runEnds.isDictionaryEncoded()) {
        throw error(here, "run_ends must be int16, int32 or int64, not " + runEnds.type());
      }
    } else if (!type.isNested()) {
      expectChildren(n, 0, type, here);
    }
  }

  private void expectChildren(int n, int expected, ArrowType type, String here) {
    if (n != expected) {
      throw error(here, type + " needs " + expected + " children, has " + n);
    }
  }

  private <E> E enumValue(E[] values, int v, String here, String what) {
    if (v < 0 || v >= values.length) {
      throw error(here, "unknown " + what + " " + v);
    }
    return values[v];
  }

  private ArrowFormatException error(String here, String what) {
    return new ArrowFormatException(where + ", " + here + ": " + what);
  }
}
