package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.ReaderTestMessages.Msg;
import dev.quiver.ipc.ReaderTestMessages.Spec;
import dev.quiver.ipc.compression.Lz4FrameCodec;
import dev.quiver.ipc.compression.ZstdCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.flatbuf.BodyCompression;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Body compression: what our writers put on the wire (per-buffer prefix, -1 for raw, no prefix for empty
 * buffers, the BodyCompression table), and how the readers treat hostile compressed bodies (declared sizes
 * over the limits, sizes that do not match, truncated prefixes, corrupt frames, unknown codecs).
 */
class CompressionTest {
  private static final Field I = new Field("i", true, ArrowType.INT32, null, List.of(), Map.of());
  private static final Field S = new Field("s", true, ArrowType.UTF8, null, List.of(), Map.of());
  private static final Schema SCHEMA = new Schema(List.of(I, S), Map.of());

  /** 1000 repetitive ints (compressible), and random strings (not compressible), nulls in the strings. */
  private static RecordBatch batch() {
    Integer[] ints = new Integer[1000];
    String[] strings = new String[1000];
    Random random = new Random(42);
    for (int r = 0; r < ints.length; r++) {
      ints[r] = r % 10;
      if (r % 5 != 0) {
        byte[] b = new byte[8];
        random.nextBytes(b);
        strings[r] = java.util.HexFormat.of().formatHex(b);
      }
    }
    return new RecordBatch(SCHEMA, 1000,
        List.of(WriterTestArrays.int32(I, ints), WriterTestArrays.utf8(S, strings)));
  }

  static byte[] writeStream(Schema schema, List<RecordBatch> batches, dev.quiver.ipc.BodyCompression c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(out, schema, WriteOptions.of(c))) {
      batches.forEach(writer::write);
    }
    return out.toByteArray();
  }

  static byte[] writeFile(Schema schema, List<RecordBatch> batches, dev.quiver.ipc.BodyCompression c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(out, schema, WriteOptions.of(c))) {
      batches.forEach(writer::write);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(value = dev.quiver.ipc.BodyCompression.class, names = {"LZ4_FRAME", "ZSTD"})
  void writerCompressesEveryBufferOnItsOwn(dev.quiver.ipc.BodyCompression c) {
    RecordBatch batch = batch();
    byte[] stream = writeStream(SCHEMA, List.of(batch), c);
    byte[] plain = writeStream(SCHEMA, List.of(batch), dev.quiver.ipc.BodyCompression.NONE);
    assertThat(stream.length).isLessThan(plain.length);
    WriterFraming.Parsed message = WriterFraming.checkStream(stream, 0, stream.length).get(1);
    var rb = (org.apache.arrow.flatbuf.RecordBatch) message.message().header(new org.apache.arrow.flatbuf.RecordBatch());
    assertThat(rb.compression()).isNotNull();
    assertThat(rb.compression().codec()).isEqualTo(c == dev.quiver.ipc.BodyCompression.ZSTD
        ? CompressionType.ZSTD : CompressionType.LZ4_FRAME);
    ByteBuffer body = ByteBuffer.wrap(stream, (int) message.offset() + message.metadataLength(),
        (int) message.bodyLength()).slice().order(ByteOrder.LITTLE_ENDIAN);
    // buffers: i validity (no nulls: empty, no prefix), i values, s validity, s offsets, s data
    assertThat(rb.buffers(0).length()).isZero();
    assertThat(body.getLong((int) rb.buffers(1).offset())).isEqualTo(4000);
    byte[] magic = new byte[4];
    body.get((int) rb.buffers(1).offset() + 8, magic);
    assertThat(magic).isEqualTo(c == dev.quiver.ipc.BodyCompression.ZSTD
        ? new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD} : new byte[] {0x04, 0x22, 0x4D, 0x18});
    assertThat(body.getLong((int) rb.buffers(2).offset())).isEqualTo(125);
    // random hex strings compress a little (16 hex chars carry 8 bytes), random validity bitmaps not
    Buffer data = rb.buffers(4);
    long declared = body.getLong((int) data.offset());
    assertThat(declared == -1 ? data.length() - 8 : declared).isEqualTo(800 * 16);

    assertThat(ReaderTestValues.rows(GoldenFilesTest.readStream(stream).batches().get(0)))
        .isEqualTo(ReaderTestValues.rows(batch));
    assertThat(ReaderTestValues.rows(GoldenFilesTest.readFile(writeFile(SCHEMA, List.of(batch), c)).batches().get(0)))
        .isEqualTo(ReaderTestValues.rows(batch));
  }

  @ParameterizedTest
  @EnumSource(value = dev.quiver.ipc.BodyCompression.class, names = {"LZ4_FRAME", "ZSTD"})
  void incompressibleBuffersAreStoredRawWithMinusOne(dev.quiver.ipc.BodyCompression c) {
    byte[] random = new byte[64];
    new Random(7).nextBytes(random);
    Field f = new Field("b", false, ArrowType.BINARY, null, List.of(), Map.of());
    ByteBuffer offsets = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0).putInt(4, 64);
    ArrayData column = new ArrayData(f, 1, 0,
        List.of(ArrayData.emptyBuffer(), offsets, ByteBuffer.wrap(random)), List.of(), null);
    Schema schema = new Schema(List.of(f), Map.of());
    byte[] stream = writeStream(schema, List.of(new RecordBatch(schema, 1, List.of(column))), c);
    WriterFraming.Parsed message = WriterFraming.checkStream(stream, 0, stream.length).get(1);
    var rb = (org.apache.arrow.flatbuf.RecordBatch) message.message().header(new org.apache.arrow.flatbuf.RecordBatch());
    ByteBuffer body = ByteBuffer.wrap(stream, (int) message.offset() + message.metadataLength(),
        (int) message.bodyLength()).slice().order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 1; i <= 2; i++) {
      assertThat(body.getLong((int) rb.buffers(i).offset())).as("buffer %d", i).isEqualTo(-1);
    }
    assertThat(rb.buffers(2).length()).isEqualTo(8 + 64);
    byte[] stored = new byte[64];
    body.get((int) rb.buffers(2).offset() + 8, stored);
    assertThat(stored).isEqualTo(random);
    RecordBatch read = GoldenFilesTest.readStream(stream).batches().get(0);
    byte[] value = new byte[64];
    read.column(0).buffer(2).get(0, value);
    assertThat(value).isEqualTo(random);
  }

  // ---- hostile input: one int32 column, hand-built compressed buffers

  private static byte[] compressedStream(byte codec, byte method, long rows, byte[]... buffers) {
    return compressedStream(codec, method, rows, 0, buffers);
  }

  private static byte[] compressedStream(byte codec, byte method, long rows, long nulls, byte[]... buffers) {
    FlatBufferBuilder b = new FlatBufferBuilder();
    org.apache.arrow.flatbuf.RecordBatch.startNodesVector(b, 1);
    FieldNode.createFieldNode(b, rows, nulls);
    int nodes = b.endVector();
    long[] offsets = new long[buffers.length];
    long position = 0;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < buffers.length; i++) {
      offsets[i] = position;
      body.writeBytes(buffers[i]);
      int pad = (int) (IpcFormat.padded(buffers[i].length) - buffers[i].length);
      body.writeBytes(new byte[pad]);
      position += buffers[i].length + pad;
    }
    org.apache.arrow.flatbuf.RecordBatch.startBuffersVector(b, buffers.length);
    for (int i = buffers.length - 1; i >= 0; i--) {
      Buffer.createBuffer(b, offsets[i], buffers[i].length);
    }
    int buffersVector = b.endVector();
    int compression = BodyCompression.createBodyCompression(b, codec, method);
    int rb = org.apache.arrow.flatbuf.RecordBatch.createRecordBatch(b, rows, nodes, buffersVector, compression, 0);
    Msg batch = ReaderTestMessages.message(b, MessageHeader.RecordBatch, rb, body.toByteArray(), MetadataVersion.V5);
    return ReaderTestMessages.stream(ReaderTestMessages.schema(Spec.of("i", "int32")), batch);
  }

  private static byte[] prefixed(long declared, byte[] payload) {
    ByteBuffer out = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(declared).put(payload);
    return out.array();
  }

  private static byte[] zstd(byte[] raw) {
    return new ZstdCodec().compress(ByteBuffer.wrap(raw));
  }

  private static List<RecordBatch> read(byte[] stream, IpcLimits limits) {
    List<RecordBatch> out = new ArrayList<>();
    try (StreamReader reader = new StreamReader(new ByteArrayInputStream(stream), limits)) {
      while (reader.hasNext()) {
        out.add(reader.next());
      }
    }
    return out;
  }

  private static byte[] ints(int count) {
    ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      b.putInt(i * 4, i);
    }
    return b.array();
  }

  @Test
  void handBuiltCompressedBuffersDecode() {
    byte[] stream = compressedStream(CompressionType.ZSTD, (byte) 0, 100, new byte[0], prefixed(400, zstd(ints(100))));
    RecordBatch batch = read(stream, IpcLimits.defaults()).get(0);
    assertThat(batch.column(0).buffer(1).getInt(99 * 4)).isEqualTo(99);
    byte[] lz4 = new Lz4FrameCodec().compress(ByteBuffer.wrap(ints(100)));
    stream = compressedStream(CompressionType.LZ4_FRAME, (byte) 0, 100, new byte[0], prefixed(400, lz4));
    assertThat(read(stream, IpcLimits.defaults()).get(0).column(0).buffer(1).getInt(50 * 4)).isEqualTo(50);
  }

  @Test
  void aTerabyteClaimIsRefusedBeforeAllocating() {
    byte[] stream = compressedStream(CompressionType.ZSTD, (byte) 0, 100, new byte[0],
        prefixed(1L << 40, zstd(ints(100))));
    assertThatThrownBy(() -> read(stream, IpcLimits.defaults())).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("message 1").hasMessageContaining("column 0 'i'")
        .hasMessageContaining("declares 1099511627776 uncompressed bytes");
  }

  @Test
  void aClaimBeyondTheCodecsExpansionIsRefusedBeforeAllocating() {
    // under the decompression limit, but more than a payload this small can ever expand to (found by the
    // fuzzer: such claims used to allocate and fill gigabytes for a message of a few hundred bytes)
    byte[] zstdPayload = zstd(ints(100));
    byte[] stream = compressedStream(CompressionType.ZSTD, (byte) 0, 100, new byte[0],
        prefixed(1L << 30, zstdPayload));
    assertThatThrownBy(() -> read(stream, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("declares 1073741824 uncompressed bytes, but a " + zstdPayload.length
            + "-byte ZSTD payload decompresses to at most");
    byte[] lz4 = new Lz4FrameCodec().compress(ByteBuffer.wrap(ints(100)));
    byte[] lz4Stream = compressedStream(CompressionType.LZ4_FRAME, (byte) 0, 100, new byte[0],
        prefixed(100L << 20, lz4));
    assertThatThrownBy(() -> read(lz4Stream, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("-byte LZ4_FRAME payload decompresses to at most");
  }

  @Test
  void theLimitCountsEveryBufferOfTheMessage() {
    byte[] validity = new byte[13];
    Arrays.fill(validity, (byte) 0xFF);
    validity[0] = (byte) 0xFE;
    byte[] stream = compressedStream(CompressionType.ZSTD, (byte) 0, 100, 1,
        prefixed(13, zstd(validity)), prefixed(400, zstd(ints(100))));
    IpcLimits limits = IpcLimits.defaults().withMaxDecompressedBytes(410);
    // 13 + 400 > 410 although each buffer alone fits
    assertThatThrownBy(() -> read(stream, limits)).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("declares 400").hasMessageContaining("with the 13 bytes decompressed before")
        .hasMessageContaining("limit of 410");
    assertThat(read(stream, IpcLimits.defaults().withMaxDecompressedBytes(413))).hasSize(1);
    assertThatThrownBy(() -> read(stream, IpcLimits.defaults().withMaxDecompressedBytes(412)))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void decompressedSizeMustEqualTheDeclaredOne() {
    byte[] more = compressedStream(CompressionType.ZSTD, (byte) 0, 100, new byte[0], prefixed(396, zstd(ints(100))));
    assertThatThrownBy(() -> read(more, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("decompresses to more than the 396 bytes its prefix declares");
    byte[] less = compressedStream(CompressionType.ZSTD, (byte) 0, 100, new byte[0], prefixed(404, zstd(ints(100))));
    assertThatThrownBy(() -> read(less, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("decompresses to 400 bytes, its prefix declares 404");
    byte[] lz4 = new Lz4FrameCodec().compress(ByteBuffer.wrap(ints(100)));
    byte[] lz4More = compressedStream(CompressionType.LZ4_FRAME, (byte) 0, 100, new byte[0], prefixed(200, lz4));
    assertThatThrownBy(() -> read(lz4More, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("LZ4_FRAME buffer decompresses to more than the 200 bytes");
  }

  @Test
  void malformedCompressedBuffers() {
    byte[] shortPrefix = compressedStream(CompressionType.ZSTD, (byte) 0, 1, new byte[0], new byte[] {4, 0, 0});
    assertThatThrownBy(() -> read(shortPrefix, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("shorter than its 8-byte length prefix");
    byte[] negative = compressedStream(CompressionType.ZSTD, (byte) 0, 1, new byte[0], prefixed(-5, new byte[4]));
    assertThatThrownBy(() -> read(negative, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("negative uncompressed length -5");
    byte[] garbage = new byte[40];
    new Random(1).nextBytes(garbage);
    for (byte codec : new byte[] {CompressionType.ZSTD, CompressionType.LZ4_FRAME}) {
      byte[] corrupt = compressedStream(codec, (byte) 0, 10, new byte[0], prefixed(40, garbage));
      assertThatThrownBy(() -> read(corrupt, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
          .hasMessageContaining("message 1").hasMessageContaining("invalid");
      byte[] valid = codec == CompressionType.ZSTD ? zstd(ints(10))
          : new Lz4FrameCodec().compress(ByteBuffer.wrap(ints(10)));
      byte[] truncated = compressedStream(codec, (byte) 0, 10, new byte[0],
          prefixed(40, Arrays.copyOf(valid, valid.length - 3)));
      assertThatThrownBy(() -> read(truncated, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class);
    }
    byte[] raw = compressedStream(CompressionType.ZSTD, (byte) 0, 2, new byte[0], prefixed(-1, ints(2)));
    assertThat(read(raw, IpcLimits.defaults()).get(0).column(0).buffer(1).getInt(4)).isEqualTo(1);
  }

  @Test
  void unknownCodecOrMethod() {
    byte[] codec = compressedStream((byte) 9, (byte) 0, 1, new byte[0], prefixed(-1, ints(1)));
    assertThatThrownBy(() -> read(codec, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("codec 9");
    byte[] method = compressedStream(CompressionType.ZSTD, (byte) 3, 1, new byte[0], prefixed(-1, ints(1)));
    assertThatThrownBy(() -> read(method, IpcLimits.defaults())).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("unknown body compression method 3");
  }

  @Test
  void compressedFileStaysCompressedWhenServedPerBatch() {
    RecordBatch batch = batch();
    byte[] file = writeFile(SCHEMA, List.of(batch, batch), dev.quiver.ipc.BodyCompression.ZSTD);
    FileReader reader = ReaderTestSupport.fileReader(file);
    List<ByteBuffer> message = reader.batchMessage(1);
    var m = org.apache.arrow.flatbuf.Message.getRootAsMessage(
        message.get(0).duplicate().position(8).slice().order(ByteOrder.LITTLE_ENDIAN));
    var rb = (org.apache.arrow.flatbuf.RecordBatch) m.header(new org.apache.arrow.flatbuf.RecordBatch());
    assertThat(rb.compression().codec()).isEqualTo(CompressionType.ZSTD);
    assertThat(message.get(1).capacity()).isEqualTo(reader.batchBlock(1).bodyLength());
    byte[] single = FileReaderTest.stream(reader.streamPrefix(), message);
    assertThat(ReaderTestValues.rows(GoldenFilesTest.readStream(single).batches().get(0)))
        .isEqualTo(ReaderTestValues.rows(batch));
  }

  @Test
  void writeOptionsAndParsing() {
    assertThat(WriteOptions.defaults().compression()).isEqualTo(dev.quiver.ipc.BodyCompression.NONE);
    assertThat(WriteOptions.of(dev.quiver.ipc.BodyCompression.ZSTD).compression())
        .isEqualTo(dev.quiver.ipc.BodyCompression.ZSTD);
    assertThat(dev.quiver.ipc.BodyCompression.parse("LZ4")).isEqualTo(dev.quiver.ipc.BodyCompression.LZ4_FRAME);
    assertThat(dev.quiver.ipc.BodyCompression.parse("zstd")).isEqualTo(dev.quiver.ipc.BodyCompression.ZSTD);
    assertThatThrownBy(() -> dev.quiver.ipc.BodyCompression.parse("gzip"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gzip");
    assertThatThrownBy(() -> new WriteOptions(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new IpcLimits(1, 2, 3, 4).maxDecompressedBytes())
        .isEqualTo(IpcLimits.DEFAULT_MAX_DECOMPRESSED_BYTES);
  }
}
