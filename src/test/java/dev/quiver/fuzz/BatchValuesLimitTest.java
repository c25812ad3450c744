package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.FileWriter;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.ipc.StreamReader;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import dev.quiver.json.JsonLimits;
import dev.quiver.json.integration.IntegrationJsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cap on values per batch: a null-typed array (no buffers) or a batch without columns describes any
 * number of rows in a few bytes, which a consumer (JSON output) would then have to produce one by one.
 */
class BatchValuesLimitTest {
  static final Field NULLS = Field.of("n", ArrowType.NULL, true);

  /** A stream of one batch: {@code columns} null-typed columns of {@code rows} rows, a few hundred bytes. */
  static byte[] nullStream(int rows, int columns) {
    List<Field> fields = java.util.stream.IntStream.range(0, columns)
        .mapToObj(i -> Field.of("n" + i, ArrowType.NULL, true)).toList();
    Schema schema = new Schema(fields, Map.of());
    List<ArrayData> data = fields.stream()
        .map(f -> new ArrayData(f, rows, rows, List.of(), List.of(), null)).toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter w = new StreamWriter(out, schema, WriteOptions.defaults())) {
      w.write(new RecordBatch(schema, rows, data));
    }
    return out.toByteArray();
  }

  static byte[] nullFile(int rows) {
    Schema schema = new Schema(List.of(NULLS), Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter w = new FileWriter(out, schema, WriteOptions.defaults())) {
      w.write(new RecordBatch(schema, rows, List.of(new ArrayData(NULLS, rows, rows, List.of(), List.of(), null))));
    }
    return out.toByteArray();
  }

  private static RecordBatch readOne(byte[] stream, IpcLimits limits) {
    try (StreamReader r = new StreamReader(new ByteArrayInputStream(stream), limits)) {
      return r.next();
    }
  }

  @Test
  void aBatchOfABillionNullsIsALimit() {
    byte[] stream = nullStream(1 << 30, 1);
    assertThat(stream.length).isLessThan(1000);
    assertThatThrownBy(() -> readOne(stream, IpcLimits.defaults()))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("message 1")
        .hasMessageContaining("1073741824 rows exceed the limit of 268435456 values per batch");
    assertThat(readOne(stream, IpcLimits.defaults().withMaxBatchValues(1L << 31)).length()).isEqualTo(1 << 30);
  }

  @Test
  void valuesAddUpOverColumns() {
    byte[] stream = nullStream(1 << 20, 300); // 300 Mi values, each column under the limit
    assertThatThrownBy(() -> readOne(stream, IpcLimits.defaults()))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("column 256 'n256'")
        .hasMessageContaining("over the limit of 268435456 values per batch");
    assertThat(readOne(nullStream(1 << 20, 256), IpcLimits.defaults()).columns()).hasSize(256);
  }

  @Test
  void aBatchWithoutColumnsCountsItsRows() {
    assertThatThrownBy(() -> readOne(nullStream(Integer.MAX_VALUE, 0), IpcLimits.defaults()))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("rows exceed the limit");
    assertThat(readOne(nullStream(1000, 0), IpcLimits.defaults().withMaxBatchValues(1000)).length()).isEqualTo(1000);
    assertThatThrownBy(() -> readOne(nullStream(1001, 0), IpcLimits.defaults().withMaxBatchValues(1000)))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void theFileReaderAppliesItToo() {
    FileReader reader = FileReader.open(dev.quiver.ipc.ByteSource.of(java.nio.ByteBuffer.wrap(nullFile(1 << 29))),
        IpcLimits.defaults());
    assertThatThrownBy(() -> reader.readBatch(0)).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("values per batch");
  }

  @Test
  void integrationJsonCountsAreCappedToo() {
    String json = "{\"schema\": {\"fields\": [{\"name\": \"n\", \"type\": {\"name\": \"null\"}, \"nullable\": true,"
        + " \"children\": []}]}, \"batches\": [{\"count\": COUNT, \"columns\": [{\"name\": \"n\", \"count\": COUNT}]}]}";
    JsonLimits limits = JsonLimits.defaults().withMaxBatchValues(1000);
    IntegrationJsonReader ok = new IntegrationJsonReader(
        new ByteArrayInputStream(json.replace("COUNT", "1000").getBytes(StandardCharsets.UTF_8)), limits);
    assertThat(ok.next().length()).isEqualTo(1000);
    IntegrationJsonReader over = new IntegrationJsonReader(
        new ByteArrayInputStream(json.replace("COUNT", "2000000000").getBytes(StandardCharsets.UTF_8)),
        JsonLimits.defaults());
    assertThatThrownBy(over::next).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("record batch 0: 2000000000 rows exceed the limit of 268435456 values per batch");
  }
}
