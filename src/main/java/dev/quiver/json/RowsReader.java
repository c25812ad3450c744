package dev.quiver.json;

import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.json.build.Builders;
import dev.quiver.json.infer.Inference;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import dev.quiver.json.read.RowSource;
import tools.jackson.core.JsonToken;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads JSON rows incrementally into record batches of at most batchSize rows; memory holds one batch (and,
 * when inferring, the sample rows of the first batch). The body is a JSON array of row objects, an object
 * {"schema": S, "rows": [...]}, or NDJSON. The schema is, in order of precedence: the one passed in, the
 * body's "schema", or inferred from the first batch. Errors: {@link JsonInputException} (400) naming row,
 * line and field; {@link LimitExceededException} (413).
 */
public final class RowsReader implements AutoCloseable {
  private final RowSource source;
  private final Schema schema;
  private Builders builders;
  private final int batchSize;
  private final RowContext ctx = new RowContext();
  private final ArrayDeque<RowSource.Row> pending = new ArrayDeque<>();
  private final JsonLimits limits;
  private boolean ended;
  private boolean rowBegun;
  private int sampledRows;
  private byte[] replay;
  private final SampleTrail sampleTrail = new SampleTrail();
  private final boolean stream;

  /**
   * @param ndjson true for newline-delimited rows, false for a JSON array of rows or an object
   *     {"schema": ..., "rows": [...]}
   * @param schema the schema to encode with, or null to infer it (or take it from the body)
   */
  public RowsReader(InputStream in, boolean ndjson, Schema schema, int batchSize, JsonLimits limits) {
    this(in, ndjson, schema, batchSize, limits, true);
  }

  /** As the public constructor; {@code stream} false parses every row into a tree first (for tests). */
  RowsReader(InputStream in, boolean ndjson, Schema schema, int batchSize, JsonLimits limits, boolean stream) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize < 1: " + batchSize);
    }
    this.batchSize = batchSize;
    JsonLimits l = limits == null ? JsonLimits.defaults() : limits;
    this.limits = l;
    this.source = guard(() -> new RowSource(in, ndjson, l, batchSize, schema == null && stream));
    Schema chosen = schema;
    if (chosen == null && source.schemaJson() != null) {
      chosen = SchemaJson.parse(toNode(source.schemaJson()));
    }
    if (chosen == null && stream && source.streaming()) {
      chosen = guard(() -> sample(l));
    } else if (chosen == null) {
      chosen = guard(() -> infer(l));
    }
    source.stopRecording();
    this.schema = chosen;
    if (builders == null) {
      builders = new Builders(chosen);
    }
    this.stream = stream && builders.canStream();
  }

  private Schema infer(JsonLimits limits) {
    Inference inference = new Inference(limits.maxFields());
    RowSource.Row row;
    while (pending.size() < batchSize && (row = source.next()) != null) {
      inference.add(row);
      pending.add(row);
    }
    ctx.inferredFrom(pending.size());
    return inference.schema();
  }

  /**
   * Infers the schema from the first batch as {@link #infer} does, streaming it: the first row is parsed
   * into a tree, its schema is the guess the other rows are appended to straight from the parser while
   * they are merged into the inference. When the guess was the schema and no row failed to append, the
   * first batch is built; else it is appended again from its recorded text, parsed into trees, at the first
   * {@link #next()} (where the tree path appends, so that its errors are the same).
   */
  private Schema sample(JsonLimits limits) {
    Inference inference = new Inference(limits.maxFields());
    Schema guess = null;
    Builders guessBuilders = null;
    boolean clean = true;
    int n = 0;
    while (n < batchSize && source.beginRow(ctx)) {
      if (n == 0) {
        JsonValue.Obj first = (JsonValue.Obj) source.readValue(JsonToken.START_OBJECT);
        inference.add(new RowSource.Row(first, ctx.row(), ctx.line(), ctx.column()));
        guess = inference.schema();
        guessBuilders = new Builders(guess);
        try {
          guessBuilders.appendRow(first, ctx);
        } catch (JsonInputException | LimitExceededException e) {
          clean = false;
        }
      } else {
        clean &= guessBuilders.sampleRow(source, ctx, inference);
      }
      sampleTrail.add(source.rowStart(), source.position(), ctx.line(), ctx.column());
      n++;
    }
    ended = n < batchSize;
    ctx.inferredFrom(n);
    Schema inferred = inference.schema();
    sampledRows = n;
    if (clean && inferred.equals(guess)) {
      builders = guessBuilders;
    } else if (n > 0) {
      replay = sampleTrail.text(source);
    }
    return inferred;
  }

  /** Appends the sampled rows again (see {@link #sample}), from their text, parsed into trees. */
  private void replaySample() {
    JsonLimits l = new JsonLimits(limits.maxNestingDepth(), limits.maxStringLength(), limits.maxFields(),
        Long.MAX_VALUE);
    try (RowSource rows = new RowSource(new java.io.ByteArrayInputStream(replay), true, l, 1)) {
      for (int r = 0; r < sampledRows; r++) {
        RowSource.Row row = rows.next();
        ctx.at(r, sampleTrail.line(r), sampleTrail.column(r));
        builders.appendRow(row.value(), ctx);
      }
    }
    replay = null;
  }

  public Schema schema() {
    return schema;
  }

  public boolean hasNext() {
    if (!pending.isEmpty() || rowBegun || sampledRows > 0) {
      return true;
    }
    if (ended) {
      return false;
    }
    if (stream && source.streaming()) {
      // the row is read straight into the builders by next(), without a tree
      rowBegun = guard(() -> source.beginRow(ctx));
      ended = !rowBegun;
      return rowBegun;
    }
    RowSource.Row row = guard(source::next);
    if (row == null) {
      ended = true;
      return false;
    }
    pending.add(row);
    return true;
  }

  /** The next batch: batchSize rows, or fewer for the last one. */
  public RecordBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows");
    }
    if (sampledRows > 0) {
      if (replay != null) {
        replaySample();
      }
      int rows = sampledRows;
      sampledRows = 0;
      sampleTrail.clear();
      return new RecordBatch(schema, rows, builders.finishBatch());
    }
    int n = 0;
    while (n < batchSize && hasNext()) {
      if (rowBegun) {
        rowBegun = false;
        guard(() -> {
          builders.streamRow(source, ctx);
          return null;
        });
      } else {
        RowSource.Row row = pending.poll();
        ctx.at(row.index(), row.line(), row.column());
        builders.appendRow(row.value(), ctx);
      }
      n++;
    }
    return new RecordBatch(schema, n, builders.finishBatch());
  }

  @Override
  public void close() {
    try {
      source.close();
    } catch (JacksonException e) {
      // closing never fails the request
    }
  }

  /** Runs a step that reads input, mapping Jackson's exceptions to ours. */
  private <T> T guard(Supplier<T> step) {
    try {
      return step.get();
    } catch (StreamConstraintsException e) {
      throw new LimitExceededException(where(e) + JacksonMessages.limit(e.getOriginalMessage(), limits));
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause() instanceof java.io.IOException
          ? (java.io.IOException) e.getCause() : new java.io.IOException(e.getMessage()));
    } catch (JacksonException e) {
      String where = where(e);
      throw new JsonInputException("malformed JSON" + (where.isEmpty() ? ": " : " at " + where)
          + JacksonMessages.clean(e.getOriginalMessage()), e);
    }
  }

  private String where(JacksonException e) {
    String at = RowSource.at(e.getLocation());
    return at.isEmpty() && source != null ? source.location() : at;
  }



  private static JsonNode toNode(JsonValue v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v instanceof JsonValue.Obj) {
      ObjectNode o = f.objectNode();
      for (Map.Entry<String, JsonValue> e : ((JsonValue.Obj) v).members().entrySet()) {
        o.set(e.getKey(), toNode(e.getValue()));
      }
      return o;
    } else if (v instanceof JsonValue.Arr) {
      var a = f.arrayNode();
      ((JsonValue.Arr) v).items().forEach(i -> a.add(toNode(i)));
      return a;
    } else if (v instanceof JsonValue.Str) {
      return f.stringNode(((JsonValue.Str) v).value());
    } else if (v instanceof JsonValue.Num) {
      JsonValue.Num n = (JsonValue.Num) v;
      return n.integral() ? f.numberNode(new BigInteger(n.text())) : f.numberNode(new BigDecimal(n.text()));
    } else if (v instanceof JsonValue.Bool) {
      return f.booleanNode(((JsonValue.Bool) v).value());
    }
    return f.nullNode();
  }
}
