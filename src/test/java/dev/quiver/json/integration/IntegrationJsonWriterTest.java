package dev.quiver.json.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.GoldenFiles;
import dev.quiver.json.JsonLimits;
import dev.quiver.json.RowsReader;
import dev.quiver.json.SchemaJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The integration-JSON writer: growing dictionaries (written once, final), replaced dictionaries (refused),
 * and the types outside the golden files (views, list views, run-end encoded, unions, intervals, decimal32),
 * built from JSON rows, written, read back by our reader and by arrow-java's JsonFileReader.
 */
class IntegrationJsonWriterTest {

  private static List<RecordBatch> rows(String schemaJson, String ndjson, int batchSize) {
    Schema schema = SchemaJson.parse(schemaJson);
    List<RecordBatch> out = new ArrayList<>();
    try (RowsReader r = new RowsReader(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), true,
        schema, batchSize, JsonLimits.defaults())) {
      while (r.hasNext()) {
        out.add(r.next());
      }
    }
    return out;
  }

  private static String text(List<RecordBatch> batches) {
    StringBuilder sb = new StringBuilder();
    batches.forEach(b -> sb.append(IntegrationJsonGoldenTest.rows(b)));
    return sb.toString();
  }

  /** Our JSON read by arrow-java's JsonFileReader (through a .json.gz, as the golden files are read). */
  private static ArrowJavaData arrowJava(byte[] json, BufferAllocator allocator) throws IOException {
    Path gz = Files.createTempFile("quiver-writer", ".json.gz");
    try {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
        out.write(json);
      }
      return GoldenFiles.readJson(new GoldenFiles.Case("test", "writer", null, null, gz), allocator);
    } finally {
      Files.deleteIfExists(gz);
    }
  }

  @Test
  void growingDictionaryIsWrittenOnceInItsFinalState() throws IOException {
    String schema = "{\"fields\": [{\"name\": \"d\", \"type\": \"dictionary<values=string, indices=int16,"
        + " ordered=0>\", \"nullable\": true}, {\"name\": \"n\", \"type\": \"int32\", \"nullable\": true}]}";
    List<RecordBatch> batches = rows(schema, "{\"d\":\"a\",\"n\":1}\n{\"d\":\"b\",\"n\":2}\n{\"d\":\"a\",\"n\":3}\n"
        + "{\"d\":\"c\",\"n\":null}\n{\"d\":null,\"n\":5}\n", 2);
    assertThat(batches.get(0).column(0).dictionary()).isNotSameAs(batches.get(1).column(0).dictionary());
    byte[] json = IntegrationJsonGoldenTest.write(batches.get(0).schema(), batches);
    JsonNode doc = JsonMapper.builder().build().readTree(json);
    assertThat(doc.propertyNames()).containsExactly("schema", "dictionaries", "batches");
    assertThat(doc.get("dictionaries")).hasSize(1);
    assertThat(doc.get("dictionaries").get(0).get("data").get("count").asInt()).isEqualTo(3);
    List<RecordBatch> back = IntegrationJsonGoldenTest.read(json);
    assertThat(text(back)).isEqualTo(text(batches));
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator();
        ArrowJavaData read = arrowJava(json, allocator)) {
      ArrowJavaBridge.assertSameData(read, back.get(0).schema(), back);
    }
  }

  @Test
  void stagedBatchesSpillToATemporaryFile() {
    String schema = "{\"fields\": [{\"name\": \"d\", \"type\": \"dictionary<values=string, indices=int32,"
        + " ordered=0>\", \"nullable\": true}]}";
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      rows.append("{\"d\":\"v").append(i % 700).append("\"}\n");
    }
    List<RecordBatch> batches = rows(schema, rows.toString(), 100);
    java.io.ByteArrayOutputStream small = new java.io.ByteArrayOutputStream();
    try (IntegrationJsonWriter w = new IntegrationJsonWriter(small, batches.get(0).schema(), 1024)) {
      batches.forEach(w::write);
      w.finish();
    }
    byte[] inMemory = IntegrationJsonGoldenTest.write(batches.get(0).schema(), batches);
    assertThat(small.toByteArray()).isEqualTo(inMemory);
    assertThat(text(IntegrationJsonGoldenTest.read(inMemory))).isEqualTo(text(batches));
  }

  @Test
  void replacedDictionaryIsRefusedNamingFieldAndBatch() {
    String schema = "{\"fields\": [{\"name\": \"d\", \"type\": \"dictionary<values=string, indices=int8,"
        + " ordered=0>\", \"nullable\": true}]}";
    List<RecordBatch> first = rows(schema, "{\"d\":\"a\"}\n{\"d\":\"b\"}\n", 10);
    List<RecordBatch> second = rows(schema, "{\"d\":\"x\"}\n", 10);
    try (IntegrationJsonWriter w = new IntegrationJsonWriter(new java.io.ByteArrayOutputStream(),
        first.get(0).schema())) {
      w.write(first.get(0));
      w.write(first.get(0)); // the same dictionary again is fine
      assertThatThrownBy(() -> w.write(second.get(0))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("field \"d\"").hasMessageContaining("replaced in batch 2");
    }
  }

  @Test
  void noBatchesStillListsEveryDictionary() throws IOException {
    Schema schema = SchemaJson.parse("{\"fields\": [{\"name\": \"d\", \"type\": \"dictionary<values=large_string,"
        + " indices=int32, ordered=1>\", \"nullable\": true}]}");
    byte[] json = IntegrationJsonGoldenTest.write(schema, List.of());
    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"dictionaries\":[{\"id\":0,\"data\":{\"count\":0");
    try (IntegrationJsonReader r = new IntegrationJsonReader(new ByteArrayInputStream(json), null)) {
      assertThat(r.schema()).isEqualTo(schema);
      assertThat(r.hasNext()).isFalse();
    }
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator();
        ArrowJavaData read = arrowJava(json, allocator)) {
      assertThat(read.batches()).isEmpty();
    }
  }

  @Test
  void typesBeyondTheGoldenFiles() throws IOException {
    String schema = "{\"fields\": ["
        + "{\"name\": \"lv\", \"type\": \"list_view<item: int32>\", \"nullable\": true},"
        + "{\"name\": \"llv\", \"type\": \"large_list_view<item: string>\", \"nullable\": true},"
        + "{\"name\": \"ree\", \"type\": \"run_end_encoded<run_ends: int32, values: string>\", \"nullable\": true},"
        + "{\"name\": \"du\", \"type\": \"dense_union<i: int32=2, s: string=5>\", \"nullable\": true},"
        + "{\"name\": \"su\", \"type\": \"sparse_union<b: bool=0, l: list<item: int8>=1>\", \"nullable\": true},"
        + "{\"name\": \"ym\", \"type\": \"month_interval\", \"nullable\": true},"
        + "{\"name\": \"dt\", \"type\": \"day_time_interval\", \"nullable\": true},"
        + "{\"name\": \"mdn\", \"type\": \"month_day_nano_interval\", \"nullable\": true},"
        + "{\"name\": \"ts\", \"type\": \"timestamp[ns, tz=Europe/Paris]\", \"nullable\": true}]}";
    String rows = "{\"lv\":[1,2],\"llv\":[\"x\"],\"ree\":\"a\",\"du\":1,\"su\":true,\"ym\":{\"months\":3},"
        + "\"dt\":{\"days\":1,\"milliseconds\":2},\"mdn\":{\"months\":1,\"days\":2,\"nanoseconds\":3},"
        + "\"ts\":\"2024-01-31T13:34:56.123456789+01:00\"}\n"
        + "{\"lv\":null,\"llv\":[],\"ree\":\"a\",\"du\":\"s\",\"su\":[1,null],\"ym\":null,\"dt\":null,\"mdn\":null,"
        + "\"ts\":null}\n"
        + "{\"lv\":[],\"llv\":null,\"ree\":null,\"du\":null,\"su\":null,\"ym\":{\"months\":-1},"
        + "\"dt\":{\"days\":-1,\"milliseconds\":0},\"mdn\":{\"months\":0,\"days\":0,\"nanoseconds\":-9223372036854775808},"
        + "\"ts\":\"1900-01-01T00:00:00.000000001+00:09:21\"}\n";
    List<RecordBatch> batches = rows(schema, rows, 2);
    byte[] json = IntegrationJsonGoldenTest.write(batches.get(0).schema(), batches);
    List<RecordBatch> back = IntegrationJsonGoldenTest.read(json);
    assertThat(text(back)).isEqualTo(text(batches));
    try (BufferAllocator allocator = ArrowJavaBridge.newAllocator();
        ArrowJavaData read = arrowJava(json, allocator)) {
      ArrowJavaBridge.assertSameData(read, back.get(0).schema(), back);
    }
  }

  @Test
  void viewsHalfFloatsAndSmallDecimalsThroughOurReader() {
    // arrow-java 19's JsonFileReader has no half-float or decimal32/64 reader, and its bridge cannot load views
    String schema = "{\"fields\": ["
        + "{\"name\": \"sv\", \"type\": \"string_view\", \"nullable\": true},"
        + "{\"name\": \"bv\", \"type\": \"binary_view\", \"nullable\": false},"
        + "{\"name\": \"h\", \"type\": \"halffloat\", \"nullable\": true},"
        + "{\"name\": \"d32\", \"type\": \"decimal32(7, 2)\", \"nullable\": true},"
        + "{\"name\": \"d64\", \"type\": \"decimal64(15, 3)\", \"nullable\": true}]}";
    String rows = "{\"sv\":\"short\",\"bv\":\"AAE=\",\"h\":1.5,\"d32\":\"-12345.67\",\"d64\":\"1.000\"}\n"
        + "{\"sv\":\"a longer string than twelve\",\"bv\":\"" + "QUJD".repeat(6) + "\",\"h\":null,\"d32\":null,"
        + "\"d64\":\"-999999999999.999\"}\n"
        + "{\"sv\":null,\"bv\":\"\",\"h\":\"-Infinity\",\"d32\":\"0.01\",\"d64\":null}\n";
    List<RecordBatch> batches = rows(schema, rows, 10);
    byte[] json = IntegrationJsonGoldenTest.write(batches.get(0).schema(), batches);
    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(text).contains("{\"SIZE\":5,\"INLINED\":\"short\"}")
        .contains("{\"SIZE\":27,\"PREFIX_HEX\":\"61206C6F\",\"BUFFER_INDEX\":0,\"OFFSET\":0}")
        .contains("\"VARIADIC_DATA_BUFFERS\":[\"");
    List<RecordBatch> back = IntegrationJsonGoldenTest.read(json);
    assertThat(text(back)).isEqualTo(text(batches));
    ArrayData sv = back.get(0).column(0);
    assertThat(sv.buffers()).hasSize(3);
  }
}
