package dev.quiver.interop;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Converts schemas between Quiver's columnar model and arrow-java's pojo model.
 *
 * <p>arrow-java has two forms of a schema. The <em>message format</em> (what IPC carries, and what
 * {@link ArrowJavaData#schema()} holds) types a dictionary-encoded field by its dictionary's values, with the
 * values' children; Quiver's {@link Field} does the same. The <em>memory format</em> (what a
 * {@code VectorSchemaRoot} holds) types it by its index type, without children.
 */
final class ArrowJavaSchemas {
  private ArrowJavaSchemas() {}

  static org.apache.arrow.vector.types.pojo.Schema toArrowJava(Schema schema) {
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
    for (Field f : schema.fields()) {
      fields.add(toArrowJava(f));
    }
    return new org.apache.arrow.vector.types.pojo.Schema(fields, schema.metadata());
  }

  static org.apache.arrow.vector.types.pojo.Field toArrowJava(Field f) {
    List<org.apache.arrow.vector.types.pojo.Field> children = new ArrayList<>();
    for (Field c : f.children()) {
      children.add(toArrowJava(c));
    }
    org.apache.arrow.vector.types.pojo.DictionaryEncoding encoding = null;
    if (f.dictionary() != null) {
      DictionaryEncoding d = f.dictionary();
      encoding = new org.apache.arrow.vector.types.pojo.DictionaryEncoding(
          d.id(), d.ordered(), (org.apache.arrow.vector.types.pojo.ArrowType.Int) toArrowJava(d.indexType()));
    }
    return new org.apache.arrow.vector.types.pojo.Field(
        f.name(), new FieldType(f.nullable(), toArrowJava(f.type()), encoding, f.metadata()), children);
  }

  static Schema toQuiver(org.apache.arrow.vector.types.pojo.Schema schema) {
    List<Field> fields = new ArrayList<>();
    for (org.apache.arrow.vector.types.pojo.Field f : schema.getFields()) {
      fields.add(toQuiver(f));
    }
    return new Schema(fields, schema.getCustomMetadata());
  }

  /** A message-format pojo field to ours. */
  static Field toQuiver(org.apache.arrow.vector.types.pojo.Field f) {
    List<Field> children = new ArrayList<>();
    for (org.apache.arrow.vector.types.pojo.Field c : f.getChildren()) {
      children.add(toQuiver(c));
    }
    DictionaryEncoding encoding = null;
    org.apache.arrow.vector.types.pojo.DictionaryEncoding d = f.getDictionary();
    if (d != null) {
      encoding = new DictionaryEncoding(d.getId(), (ArrowType.Int) toQuiver(d.getIndexType()), d.isOrdered());
    }
    Map<String, String> metadata = f.getMetadata();
    return new Field(f.getName(), f.isNullable(), toQuiver(f.getType()), encoding, children, metadata);
  }

  /** The memory-format field of a message-format field: dictionary-encoded fields become their indices. */
  static org.apache.arrow.vector.types.pojo.Field toMemoryFormat(org.apache.arrow.vector.types.pojo.Field f) {
    org.apache.arrow.vector.types.pojo.DictionaryEncoding d = f.getDictionary();
    if (d != null) {
      return new org.apache.arrow.vector.types.pojo.Field(
          f.getName(), new FieldType(f.isNullable(), d.getIndexType(), d, f.getMetadata()), List.of());
    }
    List<org.apache.arrow.vector.types.pojo.Field> children = new ArrayList<>();
    for (org.apache.arrow.vector.types.pojo.Field c : f.getChildren()) {
      children.add(toMemoryFormat(c));
    }
    return new org.apache.arrow.vector.types.pojo.Field(f.getName(), f.getFieldType(), children);
  }

  static org.apache.arrow.vector.types.pojo.Schema toMemoryFormat(
      org.apache.arrow.vector.types.pojo.Schema schema) {
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
    for (org.apache.arrow.vector.types.pojo.Field f : schema.getFields()) {
      fields.add(toMemoryFormat(f));
    }
    return new org.apache.arrow.vector.types.pojo.Schema(fields, schema.getCustomMetadata());
  }

  static org.apache.arrow.vector.types.pojo.ArrowType toArrowJava(ArrowType t) {
    if (t instanceof ArrowType.Null) {
      return org.apache.arrow.vector.types.pojo.ArrowType.Null.INSTANCE;
    } else if (t instanceof ArrowType.Bool) {
      return org.apache.arrow.vector.types.pojo.ArrowType.Bool.INSTANCE;
    } else if (t instanceof ArrowType.Int i) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.Int(i.bitWidth(), i.signed());
    } else if (t instanceof ArrowType.FloatingPoint fp) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(
          FloatingPointPrecision.valueOf(fp.precision().name()));
    } else if (t instanceof ArrowType.Utf8) {
      return org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE;
    } else if (t instanceof ArrowType.LargeUtf8) {
      return org.apache.arrow.vector.types.pojo.ArrowType.LargeUtf8.INSTANCE;
    } else if (t instanceof ArrowType.Utf8View) {
      return org.apache.arrow.vector.types.pojo.ArrowType.Utf8View.INSTANCE;
    } else if (t instanceof ArrowType.Binary) {
      return org.apache.arrow.vector.types.pojo.ArrowType.Binary.INSTANCE;
    } else if (t instanceof ArrowType.LargeBinary) {
      return org.apache.arrow.vector.types.pojo.ArrowType.LargeBinary.INSTANCE;
    } else if (t instanceof ArrowType.BinaryView) {
      return org.apache.arrow.vector.types.pojo.ArrowType.BinaryView.INSTANCE;
    } else if (t instanceof ArrowType.FixedSizeBinary b) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.FixedSizeBinary(b.byteWidth());
    } else if (t instanceof ArrowType.Decimal d) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.Decimal(d.precision(), d.scale(), d.bitWidth());
    } else if (t instanceof ArrowType.Date d) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.Date(DateUnit.valueOf(d.unit().name()));
    } else if (t instanceof ArrowType.Time tm) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.Time(
          TimeUnit.valueOf(tm.unit().name()), tm.bitWidth());
    } else if (t instanceof ArrowType.Timestamp ts) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.Timestamp(
          TimeUnit.valueOf(ts.unit().name()), ts.timezone());
    } else if (t instanceof ArrowType.Duration d) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.Duration(TimeUnit.valueOf(d.unit().name()));
    } else if (t instanceof ArrowType.Interval iv) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.Interval(IntervalUnit.valueOf(iv.unit().name()));
    } else if (t instanceof ArrowType.List_) {
      return org.apache.arrow.vector.types.pojo.ArrowType.List.INSTANCE;
    } else if (t instanceof ArrowType.LargeList) {
      return org.apache.arrow.vector.types.pojo.ArrowType.LargeList.INSTANCE;
    } else if (t instanceof ArrowType.ListView) {
      return org.apache.arrow.vector.types.pojo.ArrowType.ListView.INSTANCE;
    } else if (t instanceof ArrowType.LargeListView) {
      return org.apache.arrow.vector.types.pojo.ArrowType.LargeListView.INSTANCE;
    } else if (t instanceof ArrowType.FixedSizeList l) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.FixedSizeList(l.listSize());
    } else if (t instanceof ArrowType.Struct) {
      return org.apache.arrow.vector.types.pojo.ArrowType.Struct.INSTANCE;
    } else if (t instanceof ArrowType.Map m) {
      return new org.apache.arrow.vector.types.pojo.ArrowType.Map(m.keysSorted());
    } else if (t instanceof ArrowType.Union u) {
      UnionMode mode = u.mode() == ArrowType.UnionMode.SPARSE ? UnionMode.Sparse : UnionMode.Dense;
      return new org.apache.arrow.vector.types.pojo.ArrowType.Union(
          mode, u.typeIds().stream().mapToInt(Integer::intValue).toArray());
    } else if (t instanceof ArrowType.RunEndEncoded) {
      return org.apache.arrow.vector.types.pojo.ArrowType.RunEndEncoded.INSTANCE;
    }
    throw new IllegalArgumentException("unknown type: " + t);
  }

  static ArrowType toQuiver(org.apache.arrow.vector.types.pojo.ArrowType t) {
    if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Null) {
      return ArrowType.NULL;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Bool) {
      return ArrowType.BOOL;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Int i) {
      return new ArrowType.Int(i.getBitWidth(), i.getIsSigned());
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint fp) {
      return new ArrowType.FloatingPoint(ArrowType.Precision.valueOf(fp.getPrecision().name()));
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Utf8) {
      return ArrowType.UTF8;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.LargeUtf8) {
      return ArrowType.LARGE_UTF8;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Utf8View) {
      return ArrowType.UTF8_VIEW;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Binary) {
      return ArrowType.BINARY;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.LargeBinary) {
      return ArrowType.LARGE_BINARY;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.BinaryView) {
      return ArrowType.BINARY_VIEW;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.FixedSizeBinary b) {
      return new ArrowType.FixedSizeBinary(b.getByteWidth());
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Decimal d) {
      return new ArrowType.Decimal(d.getPrecision(), d.getScale(), d.getBitWidth());
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Date d) {
      return new ArrowType.Date(ArrowType.DateUnit.valueOf(d.getUnit().name()));
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Time tm) {
      return new ArrowType.Time(ArrowType.TimeUnit.valueOf(tm.getUnit().name()), tm.getBitWidth());
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Timestamp ts) {
      return new ArrowType.Timestamp(ArrowType.TimeUnit.valueOf(ts.getUnit().name()), ts.getTimezone());
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Duration d) {
      return new ArrowType.Duration(ArrowType.TimeUnit.valueOf(d.getUnit().name()));
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Interval iv) {
      return new ArrowType.Interval(ArrowType.IntervalUnit.valueOf(iv.getUnit().name()));
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.List) {
      return ArrowType.LIST;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.LargeList) {
      return ArrowType.LARGE_LIST;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.ListView) {
      return ArrowType.LIST_VIEW;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.LargeListView) {
      return ArrowType.LARGE_LIST_VIEW;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.FixedSizeList l) {
      return new ArrowType.FixedSizeList(l.getListSize());
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Struct) {
      return ArrowType.STRUCT;
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Map m) {
      return new ArrowType.Map(m.getKeysSorted());
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.Union u) {
      ArrowType.UnionMode mode =
          u.getMode() == UnionMode.Sparse ? ArrowType.UnionMode.SPARSE : ArrowType.UnionMode.DENSE;
      int[] ids = u.getTypeIds();
      return new ArrowType.Union(mode, ids == null ? List.of() : Arrays.stream(ids).boxed().toList());
    } else if (t instanceof org.apache.arrow.vector.types.pojo.ArrowType.RunEndEncoded) {
      return ArrowType.RUN_END_ENCODED;
    }
    throw new IllegalArgumentException("type not supported by the bridge: " + t);
  }
}
