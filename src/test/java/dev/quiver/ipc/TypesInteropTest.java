package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.interop.ArrowJavaBridge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.ViewVarBinaryVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.complex.LargeListViewVector;
import org.apache.arrow.vector.complex.ListViewVector;
import org.apache.arrow.vector.complex.RunEndEncodedVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.holders.NullableBigIntHolder;
import org.apache.arrow.vector.holders.NullableFloat8Holder;
import org.apache.arrow.vector.holders.NullableIntHolder;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.Types.MinorType;
import org.apache.arrow.vector.types.pojo.ArrowType.Int;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The types the bridge does not convert (views with variadic buffers, list views, run-end encoded, sparse
 * and dense unions) plus intervals and decimals, built with arrow-java 19 vectors. For stream and file,
 * each codec: arrow-java writes, we read (values checked row by row), we write again (each codec), and
 * arrow-java reads back exactly the original content. Decimal32/64 have no arrow-java 19 vectors; they are
 * covered by our writer + reader with byte-level expectations in {@link BigEndianTest} and
 * {@link #decimal32And64RoundTrip()}.
 */
class TypesInteropTest {
  private static final int ROWS = 7;
  private static final String LONG = "a string longer than twelve bytes ";

  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  /** Builds the arrow-java root: one column per type, ROWS rows, nulls where the type allows them. */
  private VectorSchemaRoot root() {
    List<FieldVector> vectors = new ArrayList<>();
    ViewVarCharVector sv = new ViewVarCharVector("sv", allocator);
    ViewVarBinaryVector bv = new ViewVarBinaryVector("bv", allocator);
    sv.allocateNew();
    bv.allocateNew();
    for (int i = 0; i < ROWS; i++) {
      if (i == 3) {
        sv.setNull(i);
        bv.setNull(i);
      } else {
        sv.setSafe(i, (i % 2 == 0 ? "s" + i : LONG + i).getBytes(StandardCharsets.UTF_8));
        bv.setSafe(i, (i % 2 == 1 ? new byte[] {(byte) i} : (LONG + LONG + i).getBytes(StandardCharsets.UTF_8)));
      }
    }
    sv.setValueCount(ROWS);
    bv.setValueCount(ROWS);
    vectors.add(sv);
    vectors.add(bv);

    ListViewVector lv = ListViewVector.empty("lv", allocator);
    lv.addOrGetVector(FieldType.nullable(new Int(32, true)));
    lv.allocateNew();
    IntVector lvItems = (IntVector) lv.getDataVector();
    for (int k = 0; k < 10; k++) {
      lvItems.setSafe(k, k * 10);
    }
    lvItems.setValueCount(10);
    for (int i = 0; i < ROWS; i++) {
      // out of order and overlapping views into the child
      lv.setOffset(i, (ROWS - i) % 8);
      lv.setSize(i, i % 3);
      lv.setValidity(i, i == 4 ? 0 : 1);
    }
    lv.setValueCount(ROWS);
    vectors.add(lv);

    LargeListViewVector llv = LargeListViewVector.empty("llv", allocator);
    llv.addOrGetVector(FieldType.nullable(new Int(32, true)));
    llv.allocateNew();
    IntVector llvItems = (IntVector) llv.getDataVector();
    for (int k = 0; k < 5; k++) {
      llvItems.setSafe(k, -k);
    }
    llvItems.setValueCount(5);
    for (int i = 0; i < ROWS; i++) {
      llv.setOffset(i, i % 4);
      llv.setSize(i, 1);
      llv.setValidity(i, 1);
    }
    llv.setValueCount(ROWS);
    vectors.add(llv);

    Field reeField = new Field("ree", FieldType.nullable(
        org.apache.arrow.vector.types.pojo.ArrowType.RunEndEncoded.INSTANCE),
        List.of(new Field("run_ends", FieldType.notNullable(new Int(32, true)), null),
            new Field("values", FieldType.nullable(new Int(64, true)), null)));
    RunEndEncodedVector ree = new RunEndEncodedVector(reeField, allocator, null);
    ree.allocateNew();
    IntVector ends = (IntVector) ree.getRunEndsVector();
    BigIntVector runValues = (BigIntVector) ree.getValuesVector();
    int[] runEnds = {2, 3, 7};
    for (int k = 0; k < runEnds.length; k++) {
      ends.setSafe(k, runEnds[k]);
      if (k == 1) {
        runValues.setNull(k);
      } else {
        runValues.setSafe(k, 1000L * (k + 1));
      }
    }
    ends.setValueCount(3);
    runValues.setValueCount(3);
    ree.setValueCount(ROWS);
    vectors.add(ree);

    UnionVector sparse = UnionVector.empty("sparse", allocator);
    sparse.allocateNew();
    DenseUnionVector dense = DenseUnionVector.empty("dense", allocator);
    dense.allocateNew();
    byte denseInt = dense.registerNewTypeId(Field.nullable("i", new Int(32, true)));
    byte denseLong = dense.registerNewTypeId(Field.nullable("l", new Int(64, true)));
    for (int i = 0; i < ROWS; i++) {
      if (i % 2 == 0) {
        NullableIntHolder h = new NullableIntHolder();
        h.isSet = i == 4 ? 0 : 1;
        h.value = i * 11;
        sparse.setType(i, MinorType.INT);
        sparse.setSafe(i, h);
        dense.setTypeId(i, denseInt);
        dense.setSafe(i, h);
      } else {
        NullableFloat8Holder f = new NullableFloat8Holder();
        f.isSet = 1;
        f.value = i + 0.5;
        sparse.setType(i, MinorType.FLOAT8);
        sparse.setSafe(i, f);
        NullableBigIntHolder l = new NullableBigIntHolder();
        l.isSet = 1;
        l.value = -i * 1_000_000_000_000L;
        dense.setTypeId(i, denseLong);
        dense.setSafe(i, l);
      }
    }
    sparse.setValueCount(ROWS);
    dense.setValueCount(ROWS);
    vectors.add(sparse);
    vectors.add(dense);

    IntervalMonthDayNanoVector mdn = new IntervalMonthDayNanoVector("mdn", allocator);
    IntervalDayVector dt = new IntervalDayVector("day_time", allocator);
    IntervalYearVector ym = new IntervalYearVector("year_month", allocator);
    DecimalVector d128 = new DecimalVector("d128", allocator, 38, 3);
    Decimal256Vector d256 = new Decimal256Vector("d256", allocator, 76, 5);
    for (int i = 0; i < ROWS; i++) {
      if (i == 5) {
        mdn.setNull(i);
        dt.setNull(i);
        ym.setNull(i);
        d128.setNull(i);
        d256.setNull(i);
        continue;
      }
      mdn.setSafe(i, i - 3, -i, (i - 3) * 1_000_000_000_007L);
      dt.setSafe(i, i * 2 - 5, i * 1000 + 1);
      ym.setSafe(i, 12 * i - 30);
      d128.setSafe(i, new BigDecimal("-12345678901234567890123456789.123").add(BigDecimal.valueOf(i)));
      d256.setSafe(i, new BigDecimal("1" + "0".repeat(60) + ".12345").negate().add(BigDecimal.valueOf(i)));
    }
    for (FieldVector v : List.of(mdn, dt, ym, d128, d256)) {
      v.setValueCount(ROWS);
      vectors.add(v);
    }
    return new VectorSchemaRoot(vectors);
  }

  private static byte[] arrowJavaWrite(VectorSchemaRoot root, boolean file, CompressionUtil.CodecType codec)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompressionCodec.Factory factory = codec == CompressionUtil.CodecType.NO_COMPRESSION
        ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
    try (ArrowWriter writer = file
        ? new ArrowFileWriter(root, null, Channels.newChannel(out), null, IpcOption.DEFAULT, factory, codec)
        : new ArrowStreamWriter(root, null, Channels.newChannel(out), IpcOption.DEFAULT, factory, codec)) {
      writer.start();
      writer.writeBatch();
      writer.writeBatch();
      writer.end();
    }
    return out.toByteArray();
  }

  /** arrow-java's reading of IPC bytes: the TSV rendering of each batch. */
  private List<String> arrowJavaRead(byte[] bytes, boolean file) throws IOException {
    List<String> batches = new ArrayList<>();
    try (ArrowReader reader = file
        ? new ArrowFileReader(new SeekableReadChannel(new ByteArrayReadableSeekableByteChannel(bytes)), allocator,
            CommonsCompressionFactory.INSTANCE)
        : new ArrowStreamReader(new java.io.ByteArrayInputStream(bytes), allocator, CommonsCompressionFactory.INSTANCE)) {
      while (reader.loadNextBatch()) {
        batches.add(content(reader.getVectorSchemaRoot()));
      }
    }
    return batches;
  }

  /** Every value by getObject(), byte arrays as hex, one line per row. */
  private static String content(VectorSchemaRoot root) {
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < root.getRowCount(); r++) {
      for (FieldVector v : root.getFieldVectors()) {
        Object value = v.getObject(r);
        out.append(value instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(value))
            .append('\t');
      }
      out.append('\n');
    }
    return out.toString();
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (boolean file : new boolean[] {false, true}) {
      for (CompressionUtil.CodecType c : List.of(CompressionUtil.CodecType.NO_COMPRESSION,
          CompressionUtil.CodecType.LZ4_FRAME, CompressionUtil.CodecType.ZSTD)) {
        out.add(Arguments.of(file, c));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "file={0} {1}")
  @MethodSource("cases")
  void bothDirectionsWithArrowJava(boolean file, CompressionUtil.CodecType codec) throws IOException {
    try (VectorSchemaRoot root = root()) {
      String expected = content(root);
      byte[] theirs = arrowJavaWrite(root, file, codec);
      GoldenFilesTest.Read read = file ? GoldenFilesTest.readFile(theirs) : GoldenFilesTest.readStream(theirs);
      assertThat(read.batches()).hasSize(2);
      RecordBatch batch = read.batches().get(0);
      assertThat(batch.schema().fields()).extracting(f -> f.type().getClass().getSimpleName()).containsExactly(
          "Utf8View", "BinaryView", "ListView", "LargeListView", "RunEndEncoded", "Union", "Union",
          "Interval", "Interval", "Interval", "Decimal", "Decimal");
      assertThat(batch.column(0).buffers().size()).as("views with variadic buffers").isGreaterThan(2);
      List<List<String>> rows = ReaderTestValues.rows(batch);
      String longHex = java.util.HexFormat.of().formatHex((LONG + 1).getBytes(StandardCharsets.UTF_8));
      assertThat(rows.get(1).get(0)).isEqualTo(longHex);
      assertThat(rows.get(3).get(0)).isEqualTo("null");
      assertThat(rows.get(1).get(2)).isEqualTo("[60]");            // offset 6, size 1
      assertThat(rows.get(2).get(2)).isEqualTo("[50, 60]");        // offset 5, size 2
      assertThat(rows.get(4).get(2)).isEqualTo("null");
      assertThat(rows.get(0).get(4)).isEqualTo("1000");            // run 0 covers rows 0-1
      assertThat(rows.get(2).get(4)).isEqualTo("null");            // run 1 (null value) covers row 2
      assertThat(rows.get(6).get(4)).isEqualTo("3000");
      assertThat(rows.get(2).get(5)).isEqualTo(batch.column(5).buffer(0).get(2) + ":22");
      assertThat(rows.get(4).get(5)).endsWith(":null");
      assertThat(rows.get(3).get(6)).endsWith(":-3000000000000");
      assertThat(rows.get(6).get(10)).isEqualTo("-12345678901234567890123456783.123");
      assertThat(rows.get(5).get(11)).isEqualTo("null");
      var mdn = batch.column(7).buffer(1).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      assertThat(mdn.getInt(16)).isEqualTo(-2);
      assertThat(mdn.getInt(20)).isEqualTo(-1);
      assertThat(mdn.getLong(24)).isEqualTo(-2 * 1_000_000_000_007L);
      assertThat(batch.schema().field(7).type())
          .isEqualTo(new ArrowType.Interval(ArrowType.IntervalUnit.MONTH_DAY_NANO));

      for (BodyCompression ours : BodyCompression.values()) {
        byte[] written = file ? CompressionTest.writeFile(read.schema(), read.batches(), ours)
            : CompressionTest.writeStream(read.schema(), read.batches(), ours);
        assertThat(arrowJavaRead(written, file)).as("arrow-java reads our %s output", ours)
            .containsExactly(expected, expected);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void decimal32And64RoundTrip() {
    var f32 = new dev.quiver.columnar.Field("d32", true, new ArrowType.Decimal(9, 2, 32), null, List.of(),
        java.util.Map.of());
    var f64 = new dev.quiver.columnar.Field("d64", true, new ArrowType.Decimal(18, 4, 64), null, List.of(),
        java.util.Map.of());
    var schema = new dev.quiver.columnar.Schema(List.of(f32, f64), java.util.Map.of());
    var d32 = WriterTestArrays.int32(f32, -999_999_999, null, 123);
    var d64 = WriterTestArrays.int64(f64, 999_999_999_999_999_999L, -1L, null);
    RecordBatch batch = new RecordBatch(schema, 3, List.of(d32, d64));
    for (BodyCompression c : BodyCompression.values()) {
      GoldenFilesTest.Read stream = GoldenFilesTest.readStream(CompressionTest.writeStream(schema, List.of(batch), c));
      GoldenFilesTest.Read file = GoldenFilesTest.readFile(CompressionTest.writeFile(schema, List.of(batch), c));
      assertThat(stream.schema()).isEqualTo(schema);
      for (GoldenFilesTest.Read r : List.of(stream, file)) {
        assertThat(ReaderTestValues.rows(r.batches().get(0))).containsExactly(
            List.of("-9999999.99", "99999999999999.9999"), List.of("null", "-0.0001"), List.of("1.23", "null"));
      }
    }
  }
}
