package dev.quiver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Schema conversion, empty data, and the sample values themselves (read back through arrow-java). */
class ArrowJavaBridgeTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  static Stream<String> names() {
    return ArrowJavaSamples.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void schemasConvertBothWays(String name) {
    org.apache.arrow.vector.types.pojo.Schema pojo = ArrowJavaSamples.schema(name);
    Schema ours = ArrowJavaBridge.toQuiverSchema(pojo);
    assertThat(ArrowJavaBridge.toArrowJavaSchema(ours)).isEqualTo(pojo);
    assertThat(ArrowJavaBridge.toQuiverSchema(ArrowJavaBridge.toArrowJavaSchema(ours))).isEqualTo(ours);
  }

  @Test
  void zeroBatchesKeepSchemaAndDictionaries() {
    Schema schema = ArrowJavaBridge.toQuiverSchema(ArrowJavaSamples.schema("nested"));
    try (ArrowJavaData empty = ArrowJavaBridge.toArrowJava(schema, List.of(), allocator);
        ArrowJavaData stream = ArrowJavaData.read(empty.writeStream(), false, allocator);
        ArrowJavaData file = ArrowJavaData.read(empty.writeFile(), true, allocator)) {
      assertThat(stream.batches()).isEmpty();
      ArrowJavaBridge.assertSameData(empty, stream);
      ArrowJavaBridge.assertSameData(empty, file);
      ArrowJavaBridge.assertSameData(stream, schema, List.of());
    }
  }

  @Test
  void sampleValuesAreTheEdgeCases() {
    try (ArrowJavaData d = ArrowJavaSamples.data("all_types", allocator)) {
      VectorSchemaRoot r = d.batch(0).root();
      assertThat(values(r, "int8")).containsExactly((byte) -128, (byte) 127, (byte) 0, null, (byte) -1);
      assertThat(values(r, "int64")).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE, 0L, null, -1L);
      org.apache.arrow.vector.UInt8Vector u64 = (org.apache.arrow.vector.UInt8Vector) r.getVector("uint64");
      assertThat(u64.getObjectNoOverflow(1)).isEqualTo(new BigInteger("18446744073709551615"));
      assertThat(values(r, "uint8")).containsExactly((byte) 0, (byte) -1, (byte) 1, null, (byte) 0x80);
      assertThat(values(r, "float32")).containsExactly(Float.NaN, Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY, null, -0.0f);
      assertThat(values(r, "utf8").get(0).toString()).isEmpty();
      assertThat(values(r, "utf8").get(2).toString()).isEqualTo("héllo wörld");
      assertThat(values(r, "decimal128").get(1)).isEqualTo(new BigDecimal("-0.50"));
      assertThat(values(r, "decimal128").get(4)).isEqualTo(new BigDecimal("9".repeat(36) + ".99"));
      assertThat(values(r, "timestamp_ms_tz").get(1)).isEqualTo(-1L);
      assertThat(values(r, "timestamp_ns").get(2).toString()).isEqualTo("2024-01-31T12:34:56.789012345");
      assertThat(values(r, "date32").get(1)).isEqualTo(-1);
      assertThat(values(r, "duration_s").get(4).toString()).isEqualTo("PT2562047788015215H30M7S");
      assertThat(values(r, "list").get(0).toString()).isEqualTo("[]");
      assertThat(values(r, "list").get(3)).isNull();
      assertThat(values(r, "struct").get(3)).isNull();
      assertThat(values(r, "map").get(2).toString())
          .isEqualTo("[{\"key\":\"a\"},{\"key\":\"héllo wörld\",\"value\":9223372036854775807}]");
      assertThat(r.getVector("dictionary_utf8").getField().getDictionary().getId()).isZero();
    }
    try (ArrowJavaData d = ArrowJavaSamples.data("map", allocator)) {
      List<RecordBatch> ours = ArrowJavaBridge.toQuiver(d);
      // map<utf8, int64>: entries struct -> value child has nulls.
      assertThat(ours.get(2).column(0).child(0).child(1).nullCount()).isPositive();
    }
  }

  private static List<Object> values(VectorSchemaRoot root, String column) {
    FieldVector v = root.getVector(column);
    List<Object> out = new java.util.ArrayList<>();
    for (int i = 0; i < v.getValueCount(); i++) {
      out.add(v.getObject(i));
    }
    return out;
  }
}
