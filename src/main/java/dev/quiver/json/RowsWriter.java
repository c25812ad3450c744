package dev.quiver.json;

import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.json.write.ValueWriter;
import dev.quiver.json.write.ValueWriters;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes record batches as JSON rows: a JSON array of row objects, or NDJSON (one object per line, each
 * line ending in "\n"). Keys follow the schema's field order; every field is written (null as null);
 * values follow the JSON value mapping (the README's "JSON value mapping"). A type that has no JSON form, or an invalid
 * value (dictionary index out of range, timestamp out of range), is an {@link IllegalArgumentException}.
 */
public final class RowsWriter implements AutoCloseable {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .rootValueSeparator("")
      .build();

  private final JsonGenerator generator;
  private final boolean ndjson;
  private boolean started;
  private boolean finished;

  public RowsWriter(OutputStream out, boolean ndjson) {
    this.generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    this.ndjson = ndjson;
  }

  public void write(RecordBatch batch) {
    if (finished) {
      throw new IllegalStateException("finish() was called");
    }
    start();
    List<Field> fields = batch.schema().fields();
    String[] names = new String[fields.size()];
    SerializedString[] encoded = new SerializedString[fields.size()];
    ValueWriter[] writers = new ValueWriter[fields.size()];
    for (int c = 0; c < writers.length; c++) {
      names[c] = fields.get(c).name();
      encoded[c] = encodable(names[c]) ? new SerializedString(names[c]) : null;
      writers[c] = ValueWriters.create(batch.column(c), names[c]);
    }
    for (int row = 0; row < batch.length(); row++) {
      generator.writeStartObject();
      for (int c = 0; c < writers.length; c++) {
        if (encoded[c] != null) {
          generator.writeName(encoded[c]);
        } else {
          generator.writeName(names[c]);
        }
        writers[c].write(generator, row);
      }
      generator.writeEndObject();
      if (ndjson) {
        generator.writeRaw('\n');
      }
    }
  }

  /**
   * True when a name can be written pre-encoded (once per batch instead of once per row): the encoded form
   * is the same bytes as writeName(String) except for surrogates (which it refuses unpaired).
   */
  private static boolean encodable(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (Character.isSurrogate(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void start() {
    if (!started) {
      started = true;
      if (!ndjson) {
        generator.writeStartArray();
      }
    }
  }

  /** Ends the JSON array (writes "[]" if no batch came) and flushes; does not close the stream. */
  public void finish() {
    if (finished) {
      return;
    }
    start();
    finished = true;
    if (!ndjson) {
      generator.writeEndArray();
    }
    generator.flush();
  }

  /** Releases the generator without finishing (an unfinished body stays visibly incomplete). */
  @Override
  public void close() {
    generator.close();
  }
}
