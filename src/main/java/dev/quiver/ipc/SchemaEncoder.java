package dev.quiver.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Binary;
import org.apache.arrow.flatbuf.BinaryView;
import org.apache.arrow.flatbuf.Bool;
import org.apache.arrow.flatbuf.Date;
import org.apache.arrow.flatbuf.Decimal;
import org.apache.arrow.flatbuf.DictionaryKind;
import org.apache.arrow.flatbuf.Duration;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.FixedSizeBinary;
import org.apache.arrow.flatbuf.FixedSizeList;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.Interval;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.LargeBinary;
import org.apache.arrow.flatbuf.LargeList;
import org.apache.arrow.flatbuf.LargeListView;
import org.apache.arrow.flatbuf.LargeUtf8;
import org.apache.arrow.flatbuf.ListView;
import org.apache.arrow.flatbuf.Null;
import org.apache.arrow.flatbuf.RunEndEncoded;
import org.apache.arrow.flatbuf.Struct_;
import org.apache.arrow.flatbuf.Time;
import org.apache.arrow.flatbuf.Timestamp;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Union;
import org.apache.arrow.flatbuf.Utf8;
import org.apache.arrow.flatbuf.Utf8View;

/**
 * Encodes the columnar {@link Schema} as a flatbuffer {@code Schema} table (little-endian bodies, fields
 * with their types, dictionary encodings, children and custom metadata, in order).
 *
 * <p>The builder must have {@code forceDefaults(true)}: scalars equal to their schema default (nullable
 * false, is_signed false, ...) are still written, so readers with a different idea of the default agree.
 * Optional offsets are only added when present.
 */
final class SchemaEncoder {
  private SchemaEncoder() {}

  /** Builds the Schema table (little-endian bodies) and returns its offset. */
  static int encode(FlatBufferBuilder b, Schema schema) {
    return encode(b, schema, ByteOrder.LITTLE_ENDIAN);
  }

  /** Builds the Schema table declaring bodies in {@code bodyOrder} and returns its offset. */
  static int encode(FlatBufferBuilder b, Schema schema, ByteOrder bodyOrder) {
    int[] fields = new int[schema.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = field(b, schema.field(i));
    }
    int fieldsVector = org.apache.arrow.flatbuf.Schema.createFieldsVector(b, fields);
    int metadata = keyValues(b, schema.metadata());
    org.apache.arrow.flatbuf.Schema.startSchema(b);
    org.apache.arrow.flatbuf.Schema.addEndianness(b,
        bodyOrder == ByteOrder.BIG_ENDIAN ? Endianness.Big : Endianness.Little);
    org.apache.arrow.flatbuf.Schema.addFields(b, fieldsVector);
    if (metadata != 0) {
      org.apache.arrow.flatbuf.Schema.addCustomMetadata(b, metadata);
    }
    return org.apache.arrow.flatbuf.Schema.endSchema(b);
  }

  /** A vector of KeyValue tables in map order, or 0 when the map is empty. */
  static int keyValues(FlatBufferBuilder b, Map<String, String> metadata) {
    if (metadata.isEmpty()) {
      return 0;
    }
    int[] entries = new int[metadata.size()];
    int i = 0;
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      int key = b.createString(e.getKey());
      int value = b.createString(e.getValue() == null ? "" : e.getValue());
      KeyValue.startKeyValue(b);
      KeyValue.addKey(b, key);
      KeyValue.addValue(b, value);
      entries[i++] = KeyValue.endKeyValue(b);
    }
    return b.createVectorOfTables(entries);
  }

  private static int field(FlatBufferBuilder b, Field field) {
    List<Field> childFields = field.children();
    int[] children = new int[childFields.size()];
    for (int i = 0; i < children.length; i++) {
      children[i] = field(b, childFields.get(i));
    }
    int childrenVector = org.apache.arrow.flatbuf.Field.createChildrenVector(b, children);
    int name = b.createString(field.name());
    int metadata = keyValues(b, field.metadata());
    int type = type(b, field.type());
    int dictionary = field.dictionary() == null ? 0 : dictionary(b, field.dictionary());
    org.apache.arrow.flatbuf.Field.startField(b);
    org.apache.arrow.flatbuf.Field.addName(b, name);
    org.apache.arrow.flatbuf.Field.addNullable(b, field.nullable());
    org.apache.arrow.flatbuf.Field.addTypeType(b, typeTag(field.type()));
    org.apache.arrow.flatbuf.Field.addType(b, type);
    if (dictionary != 0) {
      org.apache.arrow.flatbuf.Field.addDictionary(b, dictionary);
    }
    org.apache.arrow.flatbuf.Field.addChildren(b, childrenVector);
    if (metadata != 0) {
      org.apache.arrow.flatbuf.Field.addCustomMetadata(b, metadata);
    }
    return org.apache.arrow.flatbuf.Field.endField(b);
  }

  private static int dictionary(FlatBufferBuilder b, DictionaryEncoding encoding) {
    int indexType = Int.createInt(b, encoding.indexType().bitWidth(), encoding.indexType().signed());
    org.apache.arrow.flatbuf.DictionaryEncoding.startDictionaryEncoding(b);
    org.apache.arrow.flatbuf.DictionaryEncoding.addId(b, encoding.id());
    org.apache.arrow.flatbuf.DictionaryEncoding.addIndexType(b, indexType);
    org.apache.arrow.flatbuf.DictionaryEncoding.addIsOrdered(b, encoding.ordered());
    org.apache.arrow.flatbuf.DictionaryEncoding.addDictionaryKind(b, DictionaryKind.DenseArray);
    return org.apache.arrow.flatbuf.DictionaryEncoding.endDictionaryEncoding(b);
  }

  /** The flatbuffer Type union tag of a type. */
  static byte typeTag(ArrowType type) {
    if (type instanceof ArrowType.Null) return Type.Null;
    if (type instanceof ArrowType.Bool) return Type.Bool;
    if (type instanceof ArrowType.Int) return Type.Int;
    if (type instanceof ArrowType.FloatingPoint) return Type.FloatingPoint;
    if (type instanceof ArrowType.Utf8) return Type.Utf8;
    if (type instanceof ArrowType.LargeUtf8) return Type.LargeUtf8;
    if (type instanceof ArrowType.Utf8View) return Type.Utf8View;
    if (type instanceof ArrowType.Binary) return Type.Binary;
    if (type instanceof ArrowType.LargeBinary) return Type.LargeBinary;
    if (type instanceof ArrowType.BinaryView) return Type.BinaryView;
    if (type instanceof ArrowType.FixedSizeBinary) return Type.FixedSizeBinary;
    if (type instanceof ArrowType.Decimal) return Type.Decimal;
    if (type instanceof ArrowType.Date) return Type.Date;
    if (type instanceof ArrowType.Time) return Type.Time;
    if (type instanceof ArrowType.Timestamp) return Type.Timestamp;
    if (type instanceof ArrowType.Duration) return Type.Duration;
    if (type instanceof ArrowType.Interval) return Type.Interval;
    if (type instanceof ArrowType.List_) return Type.List;
    if (type instanceof ArrowType.LargeList) return Type.LargeList;
    if (type instanceof ArrowType.ListView) return Type.ListView;
    if (type instanceof ArrowType.LargeListView) return Type.LargeListView;
    if (type instanceof ArrowType.FixedSizeList) return Type.FixedSizeList;
    if (type instanceof ArrowType.Struct) return Type.Struct_;
    if (type instanceof ArrowType.Map) return Type.Map;
    if (type instanceof ArrowType.Union) return Type.Union;
    if (type instanceof ArrowType.RunEndEncoded) return Type.RunEndEncoded;
    throw new IllegalArgumentException("unknown type: " + type);
  }

  /** Builds the type table (the union value) of a type and returns its offset. */
  private static int type(FlatBufferBuilder b, ArrowType type) {
    if (type instanceof ArrowType.Null) {
      Null.startNull(b);
      return Null.endNull(b);
    }
    if (type instanceof ArrowType.Bool) {
      Bool.startBool(b);
      return Bool.endBool(b);
    }
    if (type instanceof ArrowType.Int t) {
      return Int.createInt(b, t.bitWidth(), t.signed());
    }
    if (type instanceof ArrowType.FloatingPoint t) {
      return FloatingPoint.createFloatingPoint(b, (short) t.precision().ordinal());
    }
    if (type instanceof ArrowType.Utf8) {
      Utf8.startUtf8(b);
      return Utf8.endUtf8(b);
    }
    if (type instanceof ArrowType.LargeUtf8) {
      LargeUtf8.startLargeUtf8(b);
      return LargeUtf8.endLargeUtf8(b);
    }
    if (type instanceof ArrowType.Utf8View) {
      Utf8View.startUtf8View(b);
      return Utf8View.endUtf8View(b);
    }
    if (type instanceof ArrowType.Binary) {
      Binary.startBinary(b);
      return Binary.endBinary(b);
    }
    if (type instanceof ArrowType.LargeBinary) {
      LargeBinary.startLargeBinary(b);
      return LargeBinary.endLargeBinary(b);
    }
    if (type instanceof ArrowType.BinaryView) {
      BinaryView.startBinaryView(b);
      return BinaryView.endBinaryView(b);
    }
    if (type instanceof ArrowType.FixedSizeBinary t) {
      return FixedSizeBinary.createFixedSizeBinary(b, t.byteWidth());
    }
    if (type instanceof ArrowType.Decimal t) {
      return Decimal.createDecimal(b, t.precision(), t.scale(), t.bitWidth());
    }
    if (type instanceof ArrowType.Date t) {
      return Date.createDate(b, (short) t.unit().ordinal());
    }
    if (type instanceof ArrowType.Time t) {
      return Time.createTime(b, (short) t.unit().ordinal(), t.bitWidth());
    }
    if (type instanceof ArrowType.Timestamp t) {
      int tz = t.timezone() == null ? 0 : b.createString(t.timezone());
      Timestamp.startTimestamp(b);
      Timestamp.addUnit(b, (short) t.unit().ordinal());
      if (tz != 0) {
        Timestamp.addTimezone(b, tz);
      }
      return Timestamp.endTimestamp(b);
    }
    if (type instanceof ArrowType.Duration t) {
      return Duration.createDuration(b, (short) t.unit().ordinal());
    }
    if (type instanceof ArrowType.Interval t) {
      return Interval.createInterval(b, (short) t.unit().ordinal());
    }
    if (type instanceof ArrowType.List_) {
      org.apache.arrow.flatbuf.List.startList(b);
      return org.apache.arrow.flatbuf.List.endList(b);
    }
    if (type instanceof ArrowType.LargeList) {
      LargeList.startLargeList(b);
      return LargeList.endLargeList(b);
    }
    if (type instanceof ArrowType.ListView) {
      ListView.startListView(b);
      return ListView.endListView(b);
    }
    if (type instanceof ArrowType.LargeListView) {
      LargeListView.startLargeListView(b);
      return LargeListView.endLargeListView(b);
    }
    if (type instanceof ArrowType.FixedSizeList t) {
      return FixedSizeList.createFixedSizeList(b, t.listSize());
    }
    if (type instanceof ArrowType.Struct) {
      Struct_.startStruct_(b);
      return Struct_.endStruct_(b);
    }
    if (type instanceof ArrowType.Map t) {
      return org.apache.arrow.flatbuf.Map.createMap(b, t.keysSorted());
    }
    if (type instanceof ArrowType.Union t) {
      int[] ids = t.typeIds().stream().mapToInt(Integer::intValue).toArray();
      int typeIds = Union.createTypeIdsVector(b, ids);
      Union.startUnion(b);
      Union.addMode(b, (short) (t.mode() == ArrowType.UnionMode.SPARSE ? 0 : 1));
      Union.addTypeIds(b, typeIds);
      return Union.endUnion(b);
    }
    if (type instanceof ArrowType.RunEndEncoded) {
      RunEndEncoded.startRunEndEncoded(b);
      return RunEndEncoded.endRunEndEncoded(b);
    }
    throw new IllegalArgumentException("unknown type: " + type);
  }
}
