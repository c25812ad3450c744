package dev.quiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Arrow buffer compression negotiation (http-contract): {@code Accept: ...; codecs="zstd, lz4"} picks a
 * codec the server supports (zstd first), {@code ?compression=} overrides, the Content-Type names the codec,
 * never HTTP Content-Encoding; uncompressed otherwise. Responses are read by arrow-java with
 * arrow-compression's codecs and compared with the data; the codec of every batch message is checked on the
 * wire. Stored files keep an uploaded stream's compression and are served as stored when it matches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompressionApiTest extends HttpTestSupport.SharedStorage {
  private static final String SAMPLE = "all_types";
  private static final int NONE = -1;

  private BufferAllocator allocator;
  private ArrowJavaData sample;

  @BeforeEach
  void open() {
    allocator = ArrowJavaBridge.newAllocator();
    sample = ArrowJavaSamples.data(SAMPLE, allocator);
  }

  @AfterEach
  void close() {
    sample.close();
    allocator.close();
  }

  @Test
  void acceptCodecsPickZstdFirstThenLz4AndNameItInContentType() throws Exception {
    byte[] stream = sample.writeStream();
    assertServed(post("/convert", STREAM, STREAM + "; codecs=\"zstd, lz4\"", stream), false, CompressionType.ZSTD);
    assertServed(post("/convert", STREAM, STREAM + "; codecs=\"lz4, zstd\"", stream), false, CompressionType.ZSTD);
    assertServed(post("/convert", STREAM, STREAM + "; codecs=lz4", stream), false, CompressionType.LZ4_FRAME);
    assertServed(post("/convert", STREAM, STREAM + "; codecs=\"brotli, snappy\"", stream), false, NONE);
    assertServed(post("/convert", STREAM, STREAM, stream), false, NONE);
    assertServed(post("/convert", STREAM, FILE + "; codecs=zstd", stream), true, CompressionType.ZSTD);
    // codecs of a range that does not match the chosen output do not apply
    assertServed(post("/convert", STREAM, FILE + ";q=0.5, " + STREAM + "; codecs=zstd", stream), false,
        CompressionType.ZSTD);
    assertServed(post("/convert?format=file", STREAM, STREAM + "; codecs=zstd", stream), true, NONE);
  }

  @Test
  void compressionParameterOverridesAccept() throws Exception {
    byte[] stream = sample.writeStream();
    assertServed(post("/convert?compression=lz4", STREAM, STREAM + "; codecs=zstd", stream), false,
        CompressionType.LZ4_FRAME);
    assertServed(post("/convert?compression=none", STREAM, STREAM + "; codecs=zstd", stream), false, NONE);
    assertServed(post("/convert?compression=zstd&format=file", STREAM, null, stream), true, CompressionType.ZSTD);
    // JSON rows in, compressed Arrow out
    String rows = ArrowJavaIo.sampleJson(0, 20);
    HttpResponse<byte[]> fromRows = post("/convert?compression=zstd", JSON, STREAM, rows);
    assertThat(fromRows.statusCode()).as(text(fromRows)).isEqualTo(200);
    assertThat(contentType(fromRows)).isEqualTo(STREAM + "; codecs=zstd");
    assertThat(codecs(fromRows.body(), false)).isNotEmpty().containsOnly((int) CompressionType.ZSTD);
    assertThat(ArrowJavaIo.rows(fromRows.body(), false)).isEqualTo(ArrowJavaIo.sampleRows(0, 20));
  }

  @Test
  void jsonOutputsAreNeverCompressedAndUnknownCodecsAre400() throws Exception {
    byte[] stream = sample.writeStream();
    HttpResponse<byte[]> json = post("/convert?compression=zstd", STREAM, JSON + "; codecs=zstd", stream);
    assertThat(json.statusCode()).as(text(json)).isEqualTo(200);
    assertThat(contentType(json)).startsWith(JSON).doesNotContain("codecs");
    assertThat(json.headers().firstValue("Content-Encoding")).isEmpty();
    assertProblem(post("/convert?compression=brotli", STREAM, STREAM, stream), 400, "brotli");
  }

  @Test
  void uploadedCompressedStreamIsStoredCompressedAndServedAsStored() throws Exception {
    byte[] zstd = sample.writeStream(IpcOption.DEFAULT, CompressionUtil.CodecType.ZSTD);
    HttpResponse<byte[]> created = post("/files", STREAM, null, zstd);
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    String id = json(created).get("id").asString();
    // the store kept the stream's compression: the file on disk has ZSTD batches, and is served as it is
    byte[] onDisk = Files.readAllBytes(STORAGE.resolve(id + ".arrow"));
    assertThat(codecs(onDisk, true)).isNotEmpty().containsOnly((int) CompressionType.ZSTD);
    HttpResponse<byte[]> stored = get("/files/" + id, FILE + "; codecs=zstd");
    assertServed(stored, true, CompressionType.ZSTD);
    assertThat(stored.body()).isEqualTo(onDisk);
    assertThat(get("/files/" + id + "?compression=zstd", FILE).body()).isEqualTo(onDisk);
    JsonNode blocks = json(get("/files/" + id + "/batches", null)).get("batches");
    // a client that asks for nothing (or for another codec) gets it decoded and re-encoded
    assertServed(get("/files/" + id, FILE), true, NONE);
    assertServed(get("/files/" + id, STREAM), false, NONE);
    assertServed(get("/files/" + id, STREAM + "; codecs=lz4"), false, CompressionType.LZ4_FRAME);
    assertServed(get("/files/" + id, STREAM + "; codecs=\"zstd, lz4\""), false, CompressionType.ZSTD);
    for (int i = 0; i < sample.batches().size(); i++) {
      ArrowJavaData one = new ArrowJavaData(allocator, sample.schema(), List.of(sample.batch(i)));
      String batch = "/files/" + id + "/batches/" + i;
      HttpResponse<byte[]> asStored = get(batch + "?compression=zstd", STREAM);
      assertServed(one, asStored, false, CompressionType.ZSTD);
      // served as stored: the batch's message is in the response byte for byte
      JsonNode block = blocks.get(i);
      int from = (int) block.get("offset").asLong();
      byte[] message = Arrays.copyOfRange(onDisk, from,
          from + block.get("metadataLength").asInt() + (int) block.get("bodyLength").asLong());
      assertThat(indexOf(asStored.body(), message)).as("stored batch message in the response").isPositive();
      assertServed(one, get(batch, STREAM + "; codecs=\"zstd, lz4\""), false, CompressionType.ZSTD);
      assertServed(one, get(batch, STREAM + "; codecs=lz4"), false, CompressionType.LZ4_FRAME);
      assertServed(one, get(batch, null), false, NONE);
      assertServed(one, get(batch + "?compression=none", STREAM + "; codecs=zstd"), false, NONE);
      assertServed(one, get(batch, FILE + "; codecs=lz4"), true, CompressionType.LZ4_FRAME);
    }
    assertThat(delete("/files/" + id).statusCode()).isEqualTo(204);
  }

  @Test
  void uncompressedStoredFileIsCompressedOnRequest() throws Exception {
    HttpResponse<byte[]> created = post("/files", FILE, null, sample.writeFile());
    assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    String id = json(created).get("id").asString();
    assertServed(get("/files/" + id, FILE), true, NONE);
    assertServed(get("/files/" + id + "?compression=zstd", FILE), true, CompressionType.ZSTD);
    assertServed(get("/files/" + id, STREAM + "; codecs=lz4"), false, CompressionType.LZ4_FRAME);
    for (int i = 0; i < sample.batches().size(); i++) {
      ArrowJavaData one = new ArrowJavaData(allocator, sample.schema(), List.of(sample.batch(i)));
      assertServed(one, get("/files/" + id + "/batches/" + i, STREAM + "; codecs=zstd"), false,
          CompressionType.ZSTD);
      assertServed(one, get("/files/" + id + "/batches/" + i, STREAM), false, NONE);
    }
    // an lz4 file uploaded as a file is stored as it is, and served lz4 to an lz4 client unchanged
    byte[] lz4File = sample.writeFile(IpcOption.DEFAULT, CompressionUtil.CodecType.LZ4_FRAME);
    HttpResponse<byte[]> lz4 = post("/files", FILE, null, lz4File);
    assertThat(lz4.statusCode()).as(text(lz4)).isEqualTo(201);
    String lz4Id = json(lz4).get("id").asString();
    assertThat(codecs(lz4File, true)).contains((int) CompressionType.LZ4_FRAME);
    assertThat(get("/files/" + lz4Id, FILE + "; codecs=lz4").body()).isEqualTo(lz4File);
    assertServed(get("/files/" + lz4Id, FILE + "; codecs=zstd"), true, CompressionType.ZSTD);
    assertThat(delete("/files/" + id).statusCode()).isEqualTo(204);
    assertThat(delete("/files/" + lz4Id).statusCode()).isEqualTo(204);
  }

  private void assertServed(HttpResponse<byte[]> response, boolean file, int codec) {
    assertServed(sample, response, file, codec);
  }

  /** 200, the Content-Type with the codec (or none), every batch message with the codec, arrow-java reads it. */
  private void assertServed(ArrowJavaData expected, HttpResponse<byte[]> response, boolean file, int codec) {
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    String type = file ? FILE : STREAM;
    String name = codec == CompressionType.ZSTD ? "zstd" : codec == CompressionType.LZ4_FRAME ? "lz4" : null;
    assertThat(contentType(response)).isEqualTo(name == null ? type : type + "; codecs=" + name);
    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    List<Integer> codecs = codecs(response.body(), file);
    assertThat(codecs).as("codec of every batch message").isNotEmpty().containsOnly(codec);
    try (ArrowJavaData served = ArrowJavaData.read(response.body(), file, allocator)) {
      ArrowJavaBridge.assertSameData(expected, served);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  /** The body compression codec of every record batch and dictionary batch message (-1: none). */
  static List<Integer> codecs(byte[] ipc, boolean file) {
    ByteBuffer in = ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN);
    int pos = file ? 8 : 0;
    List<Integer> out = new ArrayList<>();
    while (pos + 8 <= ipc.length) {
      int length = in.getInt(pos + 4);
      if (length == 0) {
        break;
      }
      Message m = Message.getRootAsMessage(in.slice(pos + 8, length).order(ByteOrder.LITTLE_ENDIAN));
      RecordBatch rb = m.headerType() == MessageHeader.RecordBatch ? (RecordBatch) m.header(new RecordBatch())
          : m.headerType() == MessageHeader.DictionaryBatch
              ? ((DictionaryBatch) m.header(new DictionaryBatch())).data() : null;
      if (rb != null) {
        out.add(rb.compression() == null ? NONE : (int) rb.compression().codec());
      }
      pos += 8 + length + (int) m.bodyLength();
    }
    return out;
  }
}
