package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes record batches as one Arrow integration-JSON document {"schema", "dictionaries"?, "batches"}, in
 * the key order arrow-java's JsonFileReader requires (schema, dictionaries, batches).
 *
 * <p>Without dictionary-encoded fields, every batch is written as it comes. With them, the document can only
 * list each dictionary once, before the batches, as its final content: the batches are staged (in memory up
 * to 8 MiB, then in a temporary file) and written at {@link #finish()} after the dictionaries. A dictionary
 * that grows from batch to batch (a delta: the new one starts with the old one's values, as our readers
 * produce for IPC delta batches and JSON rows) is written once, in its final state, which every earlier
 * batch's indices still address. A dictionary that is replaced by a different one cannot be expressed in one
 * document: {@link #write} throws {@link IllegalArgumentException} naming the field and the batch.
 */
public final class IntegrationJsonWriter implements AutoCloseable {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .build();
  private static final JsonFactory STAGING_FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .rootValueSeparator(",")
      .build();

  private final OutputStream out;
  private final int stagingMemoryBytes;
  private final Schema schema;
  private final Map<Long, Field> dictionaryFields;
  private final Map<Long, ArrayData> dictionaries = new LinkedHashMap<>();
  private final JsonGenerator generator;
  private Staging staging;
  private JsonGenerator staged;
  private boolean started;
  private boolean finished;
  private int batches;

  public IntegrationJsonWriter(OutputStream out, Schema schema) {
    this(out, schema, Staging.MEMORY_BYTES);
  }

  /** With the staged batches kept in memory up to {@code stagingMemoryBytes} (tests use a small bound). */
  IntegrationJsonWriter(OutputStream out, Schema schema, int stagingMemoryBytes) {
    this.stagingMemoryBytes = stagingMemoryBytes;
    this.out = out;
    this.schema = schema;
    this.dictionaryFields = IntegrationSchema.dictionaryFields(schema);
    this.generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
  }

  public void write(RecordBatch batch) {
    if (finished) {
      throw new IllegalStateException("finish() was called");
    }
    if (batch.columns().size() != schema.size()) {
      throw new IllegalArgumentException("batch has " + batch.columns().size() + " columns, the schema "
          + schema.size());
    }
    if (dictionaryFields.isEmpty()) {
      start();
      writeBatch(generator, batch);
    } else {
      for (int i = 0; i < batch.columns().size(); i++) {
        DictionaryTracker.track(batch.column(i), schema.field(i).name(), batches, dictionaries);
      }
      if (staging == null) {
        staging = new Staging(stagingMemoryBytes);
        staged = STAGING_FACTORY.createGenerator(ObjectWriteContext.empty(), staging);
      }
      writeBatch(staged, batch);
    }
    batches++;
  }

  private void start() {
    if (started) {
      return;
    }
    started = true;
    generator.writeStartObject();
    generator.writeName("schema");
    IntegrationSchema.write(generator, schema);
    if (!dictionaryFields.isEmpty()) {
      generator.writeName("dictionaries");
      generator.writeStartArray();
      DictionaryTracker.writeAll(generator, dictionaryFields, dictionaries);
      generator.writeEndArray();
    }
    generator.writeName("batches");
    generator.writeStartArray();
  }

  private void writeBatch(JsonGenerator g, RecordBatch batch) {
    g.writeStartObject();
    g.writeNumberProperty("count", batch.length());
    g.writeName("columns");
    g.writeStartArray();
    for (int i = 0; i < batch.columns().size(); i++) {
      FieldDataWriter.write(g, batch.column(i), schema.field(i).name());
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Ends the document (writing the dictionaries and staged batches, if any) and flushes; keeps out open. */
  public void finish() {
    if (finished) {
      return;
    }
    start();
    finished = true;
    if (staging != null) {
      staged.flush();
      generator.flush();
      staging.copyTo(out);
      staged.close();
      staging.close();
    }
    generator.writeEndArray();
    generator.writeEndObject();
    generator.flush();
  }

  /** Releases the generator and any staged data without finishing (the output stays incomplete). */
  @Override
  public void close() {
    if (staging != null) {
      staging.close();
    }
    generator.close();
  }
}
