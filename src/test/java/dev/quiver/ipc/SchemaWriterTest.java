package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.ArrowType.IntervalUnit;
import dev.quiver.columnar.ArrowType.TimeUnit;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType.ArrowTypeID;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.Test;

/** Every type, dictionary encoding and metadata of a schema, as arrow-java reads them from our bytes. */
class SchemaWriterTest {
  private static org.apache.arrow.vector.types.pojo.Field pojo(String name, boolean nullable,
      org.apache.arrow.vector.types.pojo.ArrowType type, org.apache.arrow.vector.types.pojo.Field... children) {
    return new org.apache.arrow.vector.types.pojo.Field(name, new FieldType(nullable, type, null),
        List.of(children));
  }

  @Test
  void everyTypeRoundTripsThroughArrowJava() throws IOException {
    Map<String, String> fieldMeta = new LinkedHashMap<>();
    fieldMeta.put("z", "last?");
    fieldMeta.put("a", "first");
    Map<String, String> schemaMeta = new LinkedHashMap<>();
    schemaMeta.put("origin", "quiver");
    schemaMeta.put("empty", "");
    Field item = Field.of("item", ArrowType.INT64, true);
    Field key = Field.of("key", ArrowType.UTF8, false);
    Field value = Field.of("value", ArrowType.FLOAT64, true);
    Field entries = Field.of("entries", ArrowType.STRUCT, false, key, value);
    List<Field> fields = List.of(
        Field.of("null", ArrowType.NULL, true),
        Field.of("bool", ArrowType.BOOL, false).withMetadata(fieldMeta),
        Field.of("i8", ArrowType.INT8, true), Field.of("u64", ArrowType.UINT64, true),
        Field.of("f16", ArrowType.FLOAT16, true), Field.of("f32", ArrowType.FLOAT32, true),
        Field.of("f64", ArrowType.FLOAT64, true),
        Field.of("utf8", ArrowType.UTF8, true), Field.of("lutf8", ArrowType.LARGE_UTF8, true),
        Field.of("bin", ArrowType.BINARY, true), Field.of("lbin", ArrowType.LARGE_BINARY, true),
        Field.of("fsb", new ArrowType.FixedSizeBinary(3), true),
        Field.of("sv", ArrowType.UTF8_VIEW, true), Field.of("bv", ArrowType.BINARY_VIEW, true),
        Field.of("d128", new ArrowType.Decimal(38, 2, 128), true),
        Field.of("d256", new ArrowType.Decimal(76, 10, 256), true),
        Field.of("date32", ArrowType.DATE32, true), Field.of("date64", ArrowType.DATE64, true),
        Field.of("t_s", new ArrowType.Time(TimeUnit.SECOND, 32), true),
        Field.of("t_ns", new ArrowType.Time(TimeUnit.NANOSECOND, 64), true),
        Field.of("ts_ms", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null), true),
        Field.of("ts_us_tz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris"), true),
        Field.of("dur", new ArrowType.Duration(TimeUnit.NANOSECOND), true),
        Field.of("iv", new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO), true),
        Field.of("list", ArrowType.LIST, true, item),
        Field.of("llist", ArrowType.LARGE_LIST, true, item),
        Field.of("fsl", new ArrowType.FixedSizeList(4), true, item),
        Field.of("lv", ArrowType.LIST_VIEW, true, item),
        Field.of("struct", ArrowType.STRUCT, true, item.withName("x"), value.withMetadata(fieldMeta)),
        Field.of("map", new ArrowType.Map(true), true, entries),
        Field.of("union", new ArrowType.Union(ArrowType.UnionMode.DENSE, List.of(5, 7)), false,
            item, Field.of("s", ArrowType.UTF8, true)),
        Field.of("ree", ArrowType.RUN_END_ENCODED, true,
            Field.of("run_ends", ArrowType.INT32, false), Field.of("values", ArrowType.UTF8, true)),
        new Field("dict", true, ArrowType.UTF8, new DictionaryEncoding(9, ArrowType.UINT16, true),
            List.of(), fieldMeta));
    Schema schema = new Schema(fields, schemaMeta);

    var u = new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true);
    var pItem = pojo("item", true, u);
    var pValue = new org.apache.arrow.vector.types.pojo.Field("value",
        new FieldType(true, new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(
            FloatingPointPrecision.DOUBLE), null, fieldMeta), null);
    List<org.apache.arrow.vector.types.pojo.Field> expected = List.of(
        pojo("null", true, org.apache.arrow.vector.types.pojo.ArrowType.Null.INSTANCE),
        new org.apache.arrow.vector.types.pojo.Field("bool",
            new FieldType(false, org.apache.arrow.vector.types.pojo.ArrowType.Bool.INSTANCE, null, fieldMeta), null),
        pojo("i8", true, new org.apache.arrow.vector.types.pojo.ArrowType.Int(8, true)),
        pojo("u64", true, new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, false)),
        pojo("f16", true, new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(FloatingPointPrecision.HALF)),
        pojo("f32", true, new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
        pojo("f64", true, new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
        pojo("utf8", true, org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE),
        pojo("lutf8", true, org.apache.arrow.vector.types.pojo.ArrowType.LargeUtf8.INSTANCE),
        pojo("bin", true, org.apache.arrow.vector.types.pojo.ArrowType.Binary.INSTANCE),
        pojo("lbin", true, org.apache.arrow.vector.types.pojo.ArrowType.LargeBinary.INSTANCE),
        pojo("fsb", true, new org.apache.arrow.vector.types.pojo.ArrowType.FixedSizeBinary(3)),
        pojo("sv", true, org.apache.arrow.vector.types.pojo.ArrowType.Utf8View.INSTANCE),
        pojo("bv", true, org.apache.arrow.vector.types.pojo.ArrowType.BinaryView.INSTANCE),
        pojo("d128", true, new org.apache.arrow.vector.types.pojo.ArrowType.Decimal(38, 2, 128)),
        pojo("d256", true, new org.apache.arrow.vector.types.pojo.ArrowType.Decimal(76, 10, 256)),
        pojo("date32", true, new org.apache.arrow.vector.types.pojo.ArrowType.Date(DateUnit.DAY)),
        pojo("date64", true, new org.apache.arrow.vector.types.pojo.ArrowType.Date(DateUnit.MILLISECOND)),
        pojo("t_s", true, new org.apache.arrow.vector.types.pojo.ArrowType.Time(
            org.apache.arrow.vector.types.TimeUnit.SECOND, 32)),
        pojo("t_ns", true, new org.apache.arrow.vector.types.pojo.ArrowType.Time(
            org.apache.arrow.vector.types.TimeUnit.NANOSECOND, 64)),
        pojo("ts_ms", true, new org.apache.arrow.vector.types.pojo.ArrowType.Timestamp(
            org.apache.arrow.vector.types.TimeUnit.MILLISECOND, null)),
        pojo("ts_us_tz", true, new org.apache.arrow.vector.types.pojo.ArrowType.Timestamp(
            org.apache.arrow.vector.types.TimeUnit.MICROSECOND, "Europe/Paris")),
        pojo("dur", true, new org.apache.arrow.vector.types.pojo.ArrowType.Duration(
            org.apache.arrow.vector.types.TimeUnit.NANOSECOND)),
        pojo("iv", true, new org.apache.arrow.vector.types.pojo.ArrowType.Interval(
            org.apache.arrow.vector.types.IntervalUnit.MONTH_DAY_NANO)),
        pojo("list", true, org.apache.arrow.vector.types.pojo.ArrowType.List.INSTANCE, pItem),
        pojo("llist", true, org.apache.arrow.vector.types.pojo.ArrowType.LargeList.INSTANCE, pItem),
        pojo("fsl", true, new org.apache.arrow.vector.types.pojo.ArrowType.FixedSizeList(4), pItem),
        pojo("lv", true, org.apache.arrow.vector.types.pojo.ArrowType.ListView.INSTANCE, pItem),
        pojo("struct", true, org.apache.arrow.vector.types.pojo.ArrowType.Struct.INSTANCE,
            pojo("x", true, u), pValue),
        pojo("map", true, new org.apache.arrow.vector.types.pojo.ArrowType.Map(true),
            pojo("entries", false, org.apache.arrow.vector.types.pojo.ArrowType.Struct.INSTANCE,
                pojo("key", false, org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE),
                pojo("value", true, new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(
                    FloatingPointPrecision.DOUBLE)))),
        pojo("union", false, new org.apache.arrow.vector.types.pojo.ArrowType.Union(UnionMode.Dense, new int[] {5, 7}),
            pItem, pojo("s", true, org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE)),
        pojo("ree", true, org.apache.arrow.vector.types.pojo.ArrowType.RunEndEncoded.INSTANCE,
            pojo("run_ends", false, new org.apache.arrow.vector.types.pojo.ArrowType.Int(32, true)),
            pojo("values", true, org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE)),
        new org.apache.arrow.vector.types.pojo.Field("dict", new FieldType(true,
            org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE,
            new org.apache.arrow.vector.types.pojo.DictionaryEncoding(9, true,
                new org.apache.arrow.vector.types.pojo.ArrowType.Int(16, false)), fieldMeta), null));

    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    new StreamWriter(stream, schema, WriteOptions.defaults()).close();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    new FileWriter(file, schema, WriteOptions.defaults()).close();
    WriterFraming.checkFile(file.toByteArray());

    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader s = new ArrowStreamReader(new ByteArrayInputStream(stream.toByteArray()), allocator);
        ArrowFileReader f = new ArrowFileReader(
            new ByteArrayReadableSeekableByteChannel(file.toByteArray()), allocator)) {
      for (var read : List.of(s.getVectorSchemaRoot().getSchema(), f.getVectorSchemaRoot().getSchema())) {
        assertThat(read.getCustomMetadata()).isEqualTo(schemaMeta);
        for (int i = 0; i < expected.size(); i++) {
          var actual = read.getFields().get(i);
          var want = expected.get(i);
          if (want.getDictionary() != null) {
            // arrow-java reports a dictionary field with its index type as the vector type
            assertThat(actual.getDictionary()).as(want.getName()).isEqualTo(want.getDictionary());
            assertThat(actual.getMetadata()).isEqualTo(fieldMeta);
            assertThat(actual.getType().getTypeID()).isEqualTo(ArrowTypeID.Int);
          } else {
            assertThat(actual).as(want.getName()).isEqualTo(want);
          }
        }
      }
    }
    // key order as given (arrow-java's maps do not keep it, so read the flatbuffer itself)
    byte[] bytes = stream.toByteArray();
    var message = WriterFraming.checkStream(bytes, 0, bytes.length).get(0).message();
    var fb = (org.apache.arrow.flatbuf.Schema) message.header(new org.apache.arrow.flatbuf.Schema());
    var bool = fb.fields(1);
    assertThat(List.of(bool.customMetadata(0).key(), bool.customMetadata(1).key())).containsExactly("z", "a");
    assertThat(bool.nullable()).isFalse();
    assertThat(fb.endianness()).isEqualTo(org.apache.arrow.flatbuf.Endianness.Little);
    assertThat(fb.fields(fields.size() - 1).dictionary().indexType().isSigned()).isFalse();
  }
}
