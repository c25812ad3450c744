package dev.quiver.json;

import static dev.quiver.json.JsonTestSupport.read;
import static dev.quiver.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

/** Our batches checked by arrow-java (getObject values), and arrow-java data written as JSON rows by us. */
class ArrowJavaInteropTest {

  private static final String SCHEMA = "{\"fields\":["
      + "{\"name\":\"u\",\"type\":\"uint64\"},"
      + "{\"name\":\"d\",\"type\":\"decimal128(10, 2)\"},"
      + "{\"name\":\"big\",\"type\":\"decimal256(76, 4)\"},"
      + "{\"name\":\"ts\",\"type\":\"timestamp[us, tz=Europe/Paris]\"},"
      + "{\"name\":\"f\",\"type\":\"float\"},"
      + "{\"name\":\"day\",\"type\":\"date32[day]\"},"
      + "{\"name\":\"s\",\"type\":\"dictionary<values=string, indices=int32, ordered=0>\"},"
      + "{\"name\":\"n\",\"type\":\"list<item: struct<m: map<string, int64>>>\"}]}";

  private static final String ROWS = "["
      + "{\"u\":18446744073709551615,\"d\":\"-12345678.90\",\"big\":\"-123456789012345678901234567890.1234\","
      + "\"ts\":\"1970-01-01T00:59:59.999999+01:00\",\"f\":0.1,\"day\":\"1900-01-01\",\"s\":\"x\","
      + "\"n\":[{\"m\":[{\"key\":\"k\",\"value\":7}]}]},"
      + "{\"u\":null,\"d\":\"0.05\",\"big\":null,\"ts\":null,\"f\":null,\"day\":null,\"s\":\"y\",\"n\":null},"
      + "{\"u\":1,\"d\":null,\"big\":\"1.0000\",\"ts\":\"2024-01-31T13:34:56.789012+01:00\",\"f\":-0.0,"
      + "\"day\":\"2024-02-29\",\"s\":\"x\",\"n\":[]}]";

  @Test
  void ourBatchesReadByArrowJava() {
    List<RecordBatch> batches = read(ROWS, false, SchemaJson.parse(SCHEMA), 2);
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator();
        ArrowJavaData data = ArrowJavaBridge.toArrowJava(batches, allocator)) {
      VectorSchemaRoot b0 = data.batch(0).root();
      VectorSchemaRoot b1 = data.batch(1).root();
      assertThat(((UInt8Vector) b0.getVector("u")).getObjectNoOverflow(0))
          .isEqualTo(new BigInteger("18446744073709551615"));
      assertThat(b0.getVector("u").isNull(1)).isTrue();
      assertThat(((DecimalVector) b0.getVector("d")).getObject(0)).isEqualTo(new BigDecimal("-12345678.90"));
      assertThat(((DecimalVector) b0.getVector("d")).getObject(1)).isEqualTo(new BigDecimal("0.05"));
      assertThat(b0.getVector("big").getObject(0)).isEqualTo(new BigDecimal("-123456789012345678901234567890.1234"));
      assertThat(((TimeStampMicroTZVector) b0.getVector("ts")).get(0)).isEqualTo(-1L);
      assertThat(((TimeStampMicroTZVector) b1.getVector("ts")).get(0)).isEqualTo(1706704496789012L);
      assertThat(((TimeStampMicroTZVector) b0.getVector("ts")).getTimeZone()).isEqualTo("Europe/Paris");
      assertThat(((Float4Vector) b0.getVector("f")).get(0)).isEqualTo(0.1f);
      assertThat(Float.floatToRawIntBits(((Float4Vector) b1.getVector("f")).get(0))).isEqualTo(0x80000000);
      assertThat(((DateDayVector) b0.getVector("day")).get(0)).isEqualTo(-25567);
      // dictionary: indices in the batch, values in the dictionary in force
      FieldVector s = b1.getVector("s");
      long id = s.getField().getDictionary().getId();
      Dictionary dict = data.batch(1).dictionaries().get(id);
      int index = ((IntVector) s).get(0);
      assertThat(dict.getVector().getObject(index).toString()).isEqualTo("x");
      assertThat(dict.getVector().getValueCount()).isEqualTo(2);
      // nested list<struct<map>>
      assertThat(b0.getVector("n").getObject(0).toString()).isEqualTo("[{\"m\":[{\"key\":\"k\",\"value\":7}]}]");
    }
  }

  @Test
  void arrowJavaDataWrittenAsJsonRows() {
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator()) {
      UInt8Vector u = new UInt8Vector("u", allocator);
      u.allocateNew(3);
      u.set(0, -1L);
      u.setNull(1);
      u.set(2, 42L);
      DecimalVector d = new DecimalVector("d", allocator, 12, 3);
      d.allocateNew(3);
      d.set(0, new BigDecimal("-1.500"));
      d.set(1, new BigDecimal("123456789.123"));
      d.setNull(2);
      TimeStampMilliTZVector ts = new TimeStampMilliTZVector("ts", allocator, "America/New_York");
      ts.allocateNew(3);
      ts.set(0, 0L);
      ts.set(1, -86_400_001L);
      ts.setNull(2);
      TimeStampNanoVector naive = new TimeStampNanoVector("naive", allocator);
      naive.allocateNew(3);
      naive.set(0, 1L);
      naive.set(1, -1L);
      naive.set(2, Long.MAX_VALUE);
      Float8Vector f = new Float8Vector("f", allocator);
      f.allocateNew(3);
      f.set(0, 0.1 + 0.2);
      f.set(1, Double.NaN);
      f.set(2, -1e-300);
      VarBinaryVector bin = new VarBinaryVector("bin", allocator);
      bin.allocateNew(3);
      bin.setSafe(0, new byte[] {0, 1, 2, (byte) 255});
      bin.setSafe(1, new byte[0]);
      bin.setNull(2);
      VarCharVector str = new VarCharVector("str", allocator);
      str.allocateNew(3);
      str.setSafe(0, "a\"b".getBytes(StandardCharsets.UTF_8));
      str.setSafe(1, "ü".getBytes(StandardCharsets.UTF_8));
      str.setSafe(2, new byte[0]);
      ListVector list = ListVector.empty("l", allocator);
      UnionListWriter w = list.getWriter();
      w.setPosition(0);
      w.startList();
      w.writeInt(1);
      w.writeInt(2);
      w.endList();
      w.setPosition(2);
      w.startList();
      w.endList();
      w.setValueCount(3);
      list.setNull(1);
      StructVector st = StructVector.empty("st", allocator);
      IntVector a = st.addOrGet("a", FieldType.nullable(new ArrowType.Int(32, true)), IntVector.class);
      a.allocateNew(3);
      a.set(0, 5);
      a.setNull(1);
      a.set(2, -5);
      st.setIndexDefined(0);
      st.setIndexDefined(1);
      st.setNull(2);
      List<FieldVector> vectors = List.of(u, d, ts, naive, f, bin, str, list, st);
      for (FieldVector v : vectors) {
        v.setValueCount(3);
      }
      VectorSchemaRoot root = new VectorSchemaRoot(vectors);
      try (ArrowJavaData data = new ArrowJavaData(allocator, root.getSchema(),
          List.of(new ArrowJavaData.Batch(root, Map.of())))) {
        List<RecordBatch> ours = ArrowJavaBridge.toQuiver(data);
        assertThat(write(ours, true)).isEqualTo(
            "{\"u\":18446744073709551615,\"d\":\"-1.500\",\"ts\":\"1969-12-31T19:00:00.000-05:00\","
            + "\"naive\":\"1970-01-01T00:00:00.000000001\",\"f\":0.30000000000000004,\"bin\":\"AAEC/w==\","
            + "\"str\":\"a\\\"b\",\"l\":[1,2],\"st\":{\"a\":5}}\n"
            + "{\"u\":null,\"d\":\"123456789.123\",\"ts\":\"1969-12-30T18:59:59.999-05:00\","
            + "\"naive\":\"1969-12-31T23:59:59.999999999\",\"f\":\"NaN\",\"bin\":\"\",\"str\":\"ü\",\"l\":null,"
            + "\"st\":{\"a\":null}}\n"
            + "{\"u\":42,\"d\":null,\"ts\":null,\"naive\":\"2262-04-11T23:47:16.854775807\",\"f\":-1.0E-300,"
            + "\"bin\":null,\"str\":\"\",\"l\":[],\"st\":null}\n");
        // and back: our JSON with the bridged schema gives the same values as arrow-java's
        Schema schema = ours.get(0).schema();
        List<RecordBatch> again = read(write(ours, false), false, schema, 10);
        ArrowJavaBridge.assertSameData(data, again);
      }
    }
  }
}
