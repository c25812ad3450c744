package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.JsonLimits;
import dev.quiver.json.read.BudgetInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Arrow integration-test JSON ({"schema": ..., "dictionaries": [...], "batches": [...]}, the format of
 * the arrow-testing {@code *.json.gz} golden files) into a {@link Schema} and {@link RecordBatch}es with
 * their dictionaries attached, one batch at a time from the token stream. Keys may come in any order: when
 * "batches" comes before "schema" (or before "dictionaries" that the schema needs), the batches are kept as
 * JSON text until the rest is known, at most {@link JsonLimits#maxRowBytes()} bytes in all (else a
 * {@link LimitExceededException}); one batch (and one dictionary) may not exceed that size either. Every
 * dictionary applies to every batch (one {@link ArrayData} per id). Errors: {@link JsonInputException}
 * naming the batch or dictionary, field path, row and line; {@link LimitExceededException} (413).
 */
public final class IntegrationJsonReader implements AutoCloseable {
  private enum State { MEMBERS, STREAMING, DONE }

  private final BudgetInputStream in;
  private final JsonParser parser;
  private final JsonLimits limits;
  private final JsonFactory factory;
  private final ArrayDeque<RecordBatch> ready = new ArrayDeque<>();
  private final List<byte[]> bufferedBatches = new ArrayList<>();
  private final Map<Long, ArrayData> rawDictionaries = new LinkedHashMap<>();
  private byte[] bufferedDictionaries;
  private long bufferedBytes;
  private Schema schema;
  private Map<Long, Field> dictionaryFields = Map.of();
  private DictionaryResolver resolver;
  private boolean sawDictionaries;
  private boolean sawBatches;
  private State state = State.MEMBERS;
  private int batchIndex;

  public IntegrationJsonReader(InputStream stream, JsonLimits limits) {
    this.limits = limits == null ? JsonLimits.defaults() : limits;
    this.in = new BudgetInputStream(stream);
    this.factory = Parsing.factory(this.limits);
    this.parser = Parsing.guard(() -> factory.createParser(ObjectReadContext.empty(), in), null);
    Parsing.guard(() -> {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new JsonInputException("integration JSON must be an object {\"schema\": ..., \"dictionaries\":"
            + " [...], \"batches\": [...]}, found " + DataValues.describe(first));
      }
      members();
      return null;
    }, parser);
  }

  public Schema schema() {
    return schema;
  }

  public boolean hasNext() {
    return Parsing.guard(this::fill, parser);
  }

  public RecordBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more record batches");
    }
    return ready.poll();
  }

  private boolean fill() {
    if (!ready.isEmpty()) {
      return true;
    }
    if (state == State.STREAMING) {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        state = State.MEMBERS;
        members();
      } else {
        in.budget(limits.maxRowBytes(), "record batch " + batchIndex + " is larger than " + limits.maxRowBytes()
            + " bytes of JSON (the size limit of one batch)");
        ready.add(batch(parser, t));
        in.budget(Long.MAX_VALUE, "");
        return true;
      }
    }
    if (state == State.DONE && !bufferedBatches.isEmpty()) {
      byte[] json = bufferedBatches.remove(0);
      try (JsonParser p = factory.createParser(ObjectReadContext.empty(), json)) {
        ready.add(batch(p, p.nextToken()));
      }
      return true;
    }
    return false;
  }

  /** Reads top-level members until the batches can be streamed or the document ends. */
  private void members() {
    while (true) {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_OBJECT) {
        end();
        return;
      }
      String key = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (key) {
        case "schema" -> readSchema();
        case "dictionaries" -> {
          if (sawDictionaries) {
            throw new JsonInputException(Parsing.at(parser) + "duplicate key \"dictionaries\"");
          }
          sawDictionaries = true;
          if (schema == null) {
            bufferedDictionaries = buffer("\"dictionaries\"");
          } else {
            readDictionaries(parser, value);
          }
        }
        case "batches" -> {
          if (sawBatches) {
            throw new JsonInputException(Parsing.at(parser) + "duplicate key \"batches\"");
          }
          sawBatches = true;
          if (value != JsonToken.START_ARRAY) {
            throw new JsonInputException(Parsing.at(parser) + "\"batches\" must be an array");
          }
          if (schema != null && (sawDictionaries || dictionaryFields.isEmpty())) {
            resolver = new DictionaryResolver(rawDictionaries);
            state = State.STREAMING;
            return;
          }
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            bufferedBatches.add(buffer("\"batches\""));
          }
        }
        default -> throw new JsonInputException(Parsing.at(parser) + "unexpected key \""
            + DataValues.clip(key) + "\" in integration JSON (expected schema, dictionaries, batches)");
      }
    }
  }

  private void readSchema() {
    if (schema != null) {
      throw new JsonInputException(Parsing.at(parser) + "duplicate key \"schema\"");
    }
    in.budget(limits.maxRowBytes(), "the \"schema\" member is larger than " + limits.maxRowBytes() + " bytes");
    schema = IntegrationSchema.parse(JsonMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().readTree(parser));
    in.budget(Long.MAX_VALUE, "");
    dictionaryFields = IntegrationSchema.dictionaryFields(schema);
  }

  /** The current value as JSON text, counted against the buffering cap. */
  private byte[] buffer(String what) {
    long room = limits.maxRowBytes() - bufferedBytes;
    String message = what + " comes before \"schema\" (or the \"dictionaries\" it needs) and holds more than "
        + limits.maxRowBytes() + " bytes of JSON: put \"schema\" and \"dictionaries\" first";
    if (room <= 0) {
      throw new LimitExceededException(message);
    }
    in.budget(room, message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
      g.copyCurrentStructureExact(parser);
    }
    bufferedBytes += out.size();
    if (bufferedBytes > limits.maxRowBytes()) {
      throw new LimitExceededException(message);
    }
    in.budget(Long.MAX_VALUE, "");
    return out.toByteArray();
  }

  private void end() {
    state = State.DONE;
    if (parser.nextToken() != null) {
      throw new JsonInputException(Parsing.at(parser) + "unexpected content after the end of the JSON body");
    }
    if (schema == null) {
      throw new JsonInputException("integration JSON without \"schema\"");
    }
    if (bufferedDictionaries != null) {
      try (JsonParser p = factory.createParser(ObjectReadContext.empty(), bufferedDictionaries)) {
        readDictionaries(p, p.nextToken());
      }
      bufferedDictionaries = null;
    }
    if (resolver == null) {
      resolver = new DictionaryResolver(rawDictionaries);
    }
  }

  private void readDictionaries(JsonParser p, JsonToken t) {
    if (t != JsonToken.START_ARRAY) {
      throw new JsonInputException(Parsing.at(p) + "\"dictionaries\" must be an array");
    }
    JsonToken next;
    while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
      if (p == parser) {
        in.budget(limits.maxRowBytes(), "a dictionary is larger than " + limits.maxRowBytes() + " bytes of JSON");
      }
      Dictionaries.Entry d = Dictionaries.read(p, next, dictionaryFields, limits);
      checkValues(d.values().length(), List.of(d.values()), "dictionary " + d.id());
      if (rawDictionaries.putIfAbsent(d.id(), d.values()) != null) {
        throw new JsonInputException("dictionary id " + d.id() + " appears twice in \"dictionaries\"");
      }
      if (p == parser) {
        in.budget(Long.MAX_VALUE, "");
      }
    }
  }

  private RecordBatch batch(JsonParser p, JsonToken t) {
    String where = "record batch " + batchIndex;
    RecordBatch b = Batches.read(p, t, schema, where);
    List<ArrayData> columns = new ArrayList<>(b.columns().size());
    for (int i = 0; i < b.columns().size(); i++) {
      columns.add(resolver.attach(b.column(i), where, schema.field(i).name()));
    }
    checkValues(b.length(), b.columns(), where);
    batchIndex++;
    return new RecordBatch(schema, b.length(), columns);
  }

  /** Refuses a batch over {@link JsonLimits#maxBatchValues()}: its count, or its arrays' counts added up. */
  private void checkValues(long count, List<ArrayData> columns, String where) {
    long values = 0;
    ArrayDeque<ArrayData> pending = new ArrayDeque<>(columns);
    while (!pending.isEmpty() && values <= limits.maxBatchValues()) {
      ArrayData a = pending.pop();
      values += a.length();
      pending.addAll(a.children());
    }
    if (count > limits.maxBatchValues()) {
      throw new LimitExceededException(where + ": " + count + " rows exceed the limit of "
          + limits.maxBatchValues() + " values per batch");
    }
    if (values > limits.maxBatchValues()) {
      throw new LimitExceededException(where + ": its arrays hold more than " + limits.maxBatchValues()
          + " values (the counts of all its arrays added up), the limit of values per batch");
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (RuntimeException e) {
      // closing never fails the caller
    }
  }
}
