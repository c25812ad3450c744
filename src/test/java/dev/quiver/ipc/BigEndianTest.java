package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Big-endian bodies. There are no big-endian golden files in shared/, so big-endian streams and files are
 * produced by our writers' package-private big-endian mode. First, byte by byte against the format spec
 * (so the swapping is checked independently of the reader, which shares the swap code): every value kind
 * lands big-endian in the body, bitmaps and data bytes untouched. Then every arrow-java sample written
 * big-endian (uncompressed and compressed) reads equal to arrow-java's little-endian original, and a
 * big-endian file's per-batch messages are served little-endian and read by arrow-java.
 */
class BigEndianTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  private static Field field(String name, ArrowType type, Field... children) {
    return new Field(name, false, type, null, List.of(children), Map.of());
  }

  private static ByteBuffer le(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ArrayData fixed(Field f, int length, ByteBuffer values) {
    return new ArrayData(f, length, 0, List.of(ArrayData.emptyBuffer(), values), List.of(), null);
  }

  private static final String LONG = "a value longer than twelve";

  /** One row per column; columns of every swapped kind plus untouched ones. */
  private static RecordBatch oneOfEach() {
    Field i32 = field("i32", ArrowType.INT32);
    Field f64 = field("f64", new ArrowType.FloatingPoint(ArrowType.Precision.DOUBLE));
    Field dec = field("dec", new ArrowType.Decimal(38, 2, 128));
    Field dec32 = field("dec32", new ArrowType.Decimal(9, 2, 32));
    Field mdn = field("mdn", new ArrowType.Interval(ArrowType.IntervalUnit.MONTH_DAY_NANO));
    Field dt = field("dt", new ArrowType.Interval(ArrowType.IntervalUnit.DAY_TIME));
    Field str = field("str", ArrowType.UTF8);
    Field view = field("view", ArrowType.UTF8_VIEW);
    Field bool = field("bool", ArrowType.BOOL);
    Field fsb = field("fsb", new ArrowType.FixedSizeBinary(3));
    Field i8 = field("i8", new ArrowType.Int(8, true));
    Field i16child = field("i16", new ArrowType.Int(16, true));
    Field u8child = field("u8", new ArrowType.Int(8, false));
    Field dense = field("dense", new ArrowType.Union(ArrowType.UnionMode.DENSE, List.of(3, 7)), i16child, u8child);
    Field ends = field("run_ends", ArrowType.INT32);
    Field values = field("values", ArrowType.INT64);
    Field ree = field("ree", new ArrowType.RunEndEncoded(), ends, values);
    Field lvChild = field("item", ArrowType.INT32);
    Field lv = field("lv", new ArrowType.ListView(), lvChild);
    Field dict = new Field("dict", false, ArrowType.UTF8, new DictionaryEncoding(0, new ArrowType.Int(16, true), false),
        List.of(), Map.of());

    ByteBuffer strOffsets = le(8).putInt(0, 0).putInt(4, 5);
    ByteBuffer views = le(16);
    views.putInt(0, LONG.length());
    views.put(4, LONG.getBytes(StandardCharsets.UTF_8), 0, 4);
    views.putInt(8, 0).putInt(12, 2);
    ByteBuffer viewData = ByteBuffer.wrap(("xx" + LONG).getBytes(StandardCharsets.UTF_8));
    ArrayData dictValues = new ArrayData(dict.valueField(), 1, 0, List.of(ArrayData.emptyBuffer(),
        le(8).putInt(0, 0).putInt(4, 1), ByteBuffer.wrap(new byte[] {'z'})), List.of(), null);
    List<ArrayData> columns = List.of(
        fixed(i32, 1, le(4).putInt(0, 0x01020304)),
        fixed(f64, 1, le(8).putDouble(0, 1.0)),
        fixed(dec, 1, le(16).putLong(0, -2).putLong(8, -1)),
        fixed(dec32, 1, le(4).putInt(0, 0x0A0B0C0D)),
        fixed(mdn, 1, le(16).putInt(0, 1).putInt(4, 2).putLong(8, 3)),
        fixed(dt, 1, le(8).putInt(0, 4).putInt(4, 5)),
        new ArrayData(str, 1, 0, List.of(ArrayData.emptyBuffer(), strOffsets,
            ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8))), List.of(), null),
        new ArrayData(view, 1, 0, List.of(ArrayData.emptyBuffer(), views, viewData), List.of(), null),
        fixed(bool, 1, ByteBuffer.wrap(new byte[] {1})),
        fixed(fsb, 1, ByteBuffer.wrap(new byte[] {1, 2, 3})),
        fixed(i8, 1, ByteBuffer.wrap(new byte[] {-5})),
        new ArrayData(dense, 1, 0, List.of(ByteBuffer.wrap(new byte[] {3}), le(4).putInt(0, 1)),
            List.of(fixed(i16child, 2, le(4).putShort(0, (short) 1).putShort(2, (short) 0x0102)),
                fixed(u8child, 0, ArrayData.emptyBuffer())), null),
        new ArrayData(ree, 1, 0, List.of(), List.of(fixed(ends, 1, le(4).putInt(0, 1)),
            fixed(values, 1, le(8).putLong(0, 0x0102030405060708L))), null),
        new ArrayData(lv, 1, 0, List.of(ArrayData.emptyBuffer(), le(4).putInt(0, 1), le(4).putInt(0, 2)),
            List.of(fixed(lvChild, 3, le(12).putInt(0, 7).putInt(4, 8).putInt(8, 9))), null),
        new ArrayData(dict, 1, 0, List.of(ArrayData.emptyBuffer(), le(2).putShort(0, (short) 0)), List.of(),
            dictValues));
    Schema schema = new Schema(List.of(i32, f64, dec, dec32, mdn, dt, str, view, bool, fsb, i8, dense, ree, lv, dict),
        Map.of());
    return new RecordBatch(schema, 1, columns);
  }

  private static byte[] bigEndianStream(Schema schema, List<RecordBatch> batches, BodyCompression c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(out, schema, WriteOptions.of(c), ByteOrder.BIG_ENDIAN)) {
      batches.forEach(writer::write);
    }
    return out.toByteArray();
  }

  private static byte[] bigEndianFile(Schema schema, List<RecordBatch> batches, BodyCompression c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(out, schema, WriteOptions.of(c), ByteOrder.BIG_ENDIAN)) {
      batches.forEach(writer::write);
    }
    return out.toByteArray();
  }

  /** The buffers of the record batch message, in order, as hex. */
  private static List<String> bufferHex(byte[] stream, byte headerType) {
    WriterFraming.Parsed m = WriterFraming.checkStream(stream, 0, stream.length).stream()
        .filter(p -> p.headerType() == headerType).findFirst().orElseThrow();
    var rb = headerType == org.apache.arrow.flatbuf.MessageHeader.RecordBatch
        ? (org.apache.arrow.flatbuf.RecordBatch) m.message().header(new org.apache.arrow.flatbuf.RecordBatch())
        : ((org.apache.arrow.flatbuf.DictionaryBatch) m.message().header(
            new org.apache.arrow.flatbuf.DictionaryBatch())).data();
    int body = (int) m.offset() + m.metadataLength();
    return java.util.stream.IntStream.range(0, rb.buffersLength()).mapToObj(i -> HexFormat.of()
        .formatHex(stream, body + (int) rb.buffers(i).offset(), body + (int) (rb.buffers(i).offset()
            + rb.buffers(i).length()))).toList();
  }

  @Test
  void everyValueKindIsBigEndianOnTheWire() {
    RecordBatch batch = oneOfEach();
    byte[] stream = bigEndianStream(batch.schema(), List.of(batch), BodyCompression.NONE);
    var schemaMessage = WriterFraming.checkStream(stream, 0, stream.length).get(0).message();
    var fbSchema = (org.apache.arrow.flatbuf.Schema) schemaMessage.header(new org.apache.arrow.flatbuf.Schema());
    assertThat(fbSchema.endianness()).isEqualTo(org.apache.arrow.flatbuf.Endianness.Big);
    String longHex = HexFormat.of().formatHex(LONG.getBytes(StandardCharsets.UTF_8));
    assertThat(bufferHex(stream, org.apache.arrow.flatbuf.MessageHeader.RecordBatch)).containsExactly(
        "", "01020304",                                         // int32
        "", "3ff0000000000000",                                 // float64 1.0
        "", "fffffffffffffffffffffffffffffffe",                 // decimal128 -2: one 16-byte integer
        "", "0a0b0c0d",                                         // decimal32
        "", "00000001" + "00000002" + "0000000000000003",       // month_day_nano: int32, int32, int64
        "", "00000004" + "00000005",                            // day_time: int32, int32
        "", "0000000000000005", "68656c6c6f",                   // utf8: offsets swapped, data untouched
        "", "0000001a" + longHex.substring(0, 8) + "00000000" + "00000002", // view: size, prefix, index, offset
        "7878" + longHex,                                       // variadic data untouched
        "", "01",                                               // bool bits untouched
        "", "010203",                                           // fixed_size_binary untouched
        "", "fb",                                               // int8
        "03", "00000001",                                       // dense union: type ids, int32 offsets
        "", "00010102",                                         // int16 child
        "", "",                                                 // uint8 child (empty)
        "", "00000001",                                         // run ends (int32)
        "", "0102030405060708",                                 // REE values (int64)
        "", "00000001", "00000002",                             // list view offsets, sizes
        "", "000000070000000800000009",                         // list view child
        "", "0000");                                            // int16 dictionary indices
    assertThat(bufferHex(stream, org.apache.arrow.flatbuf.MessageHeader.DictionaryBatch))
        .containsExactly("", "0000000000000001", "7a");

    GoldenFilesTest.Read read = GoldenFilesTest.readStream(stream);
    assertThat(ReaderTestValues.rows(read.batches().get(0))).isEqualTo(ReaderTestValues.rows(batch));
    assertThat(read.batches().get(0).column(0).buffer(1).order(ByteOrder.LITTLE_ENDIAN).getInt(0))
        .isEqualTo(0x01020304);
    for (BodyCompression c : BodyCompression.values()) {
      byte[] file = bigEndianFile(batch.schema(), List.of(batch, batch), c);
      GoldenFilesTest.Read fromFile = GoldenFilesTest.readFile(file);
      assertThat(ReaderTestValues.rows(fromFile.batches().get(1))).isEqualTo(ReaderTestValues.rows(batch));
      FileReader reader = ReaderTestSupport.fileReader(file);
      assertThat(reader.sourceBigEndian()).isTrue();
      byte[] single = FileReaderTest.stream(reader.streamPrefix(), reader.batchMessage(1));
      var served = WriterFraming.checkStream(single, 0, single.length);
      var servedSchema = (org.apache.arrow.flatbuf.Schema) served.get(0).message()
          .header(new org.apache.arrow.flatbuf.Schema());
      assertThat(servedSchema.endianness()).isEqualTo(org.apache.arrow.flatbuf.Endianness.Little);
      assertThat(bufferHex(single, org.apache.arrow.flatbuf.MessageHeader.RecordBatch).get(1))
          .isEqualTo(c == BodyCompression.NONE ? "04030201" : bufferHex(single,
              org.apache.arrow.flatbuf.MessageHeader.RecordBatch).get(1));
      StreamReader again = ReaderTestSupport.streamReader(single);
      assertThat(again.sourceBigEndian()).isFalse();
      assertThat(ReaderTestValues.rows(again.next())).isEqualTo(ReaderTestValues.rows(batch));
    }
  }

  static Stream<Arguments> samples() {
    return ArrowJavaSamples.names().stream().flatMap(name -> Stream.of(
        Arguments.of(name, BodyCompression.NONE), Arguments.of(name, BodyCompression.ZSTD)));
  }

  /** arrow-java's little-endian sample, written by us big-endian, read by us: the same values. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samples")
  void everySampleReadsEqualToTheLittleEndianOriginal(String name, BodyCompression c) {
    try (ArrowJavaData sample = ArrowJavaSamples.data(name, allocator)) {
      Schema schema = ArrowJavaBridge.toQuiverSchema(sample.schema());
      List<RecordBatch> batches = ArrowJavaBridge.toQuiver(sample);
      GoldenFilesTest.Read fromStream = GoldenFilesTest.readStream(bigEndianStream(schema, batches, c));
      byte[] file = bigEndianFile(schema, batches, c);
      GoldenFilesTest.Read fromFile = GoldenFilesTest.readFile(file);
      assertThat(fromStream.schema()).isEqualTo(schema);
      ArrowJavaBridge.assertSameData(sample, fromStream.schema(), fromStream.batches());
      ArrowJavaBridge.assertSameData(sample, fromFile.schema(), fromFile.batches());
      FileReader reader = ReaderTestSupport.fileReader(file);
      for (int i = 0; i < reader.batchCount(); i++) {
        byte[] single = FileReaderTest.stream(reader.streamPrefix(), reader.batchMessage(i));
        try (ArrowJavaData theirs = ArrowJavaData.read(single, false, allocator)) {
          assertThat(theirs.batches()).hasSize(1);
          assertThat(ReaderTestValues.rows(ArrowJavaBridge.toQuiver(theirs).get(0)))
              .isEqualTo(ReaderTestValues.rows(batches.get(i)));
        }
      }
    }
  }
}
