package dev.quiver.json;

import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.json.build.Builders;
import dev.quiver.json.infer.Inference;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import dev.quiver.json.read.RowSource;
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
  private final Builders builders;
  private final int batchSize;
  private final RowContext ctx = new RowContext();
  private final ArrayDeque<RowSource.Row> pending = new ArrayDeque<>();
  private final JsonLimits limits;
  private boolean ended;
  private boolean rowBegun;
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
    this.source = guard(() -> new RowSource(in, ndjson, l, batchSize));
    Schema chosen = schema;
    if (chosen == null && source.schemaJson() != null) {
      chosen = SchemaJson.parse(toNode(source.schemaJson()));
    }
    if (chosen == null) {
      chosen = guard(() -> infer(l));
    }
    this.schema = chosen;
    this.builders = new Builders(chosen);
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

  public Schema schema() {
    return schema;
  }

  public boolean hasNext() {
    if (!pending.isEmpty() || rowBegun) {
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
      throw new LimitExceededException(where(e) + limitMessage(e.getOriginalMessage()));
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause() instanceof java.io.IOException
          ? (java.io.IOException) e.getCause() : new java.io.IOException(e.getMessage()));
    } catch (JacksonException e) {
      String where = where(e);
      throw new JsonInputException("malformed JSON" + (where.isEmpty() ? ": " : " at " + where)
          + clean(e.getOriginalMessage()), e);
    }
  }

  private String where(JacksonException e) {
    String at = RowSource.at(e.getLocation());
    return at.isEmpty() && source != null ? source.location() : at;
  }

  private String limitMessage(String jackson) {
    String m = jackson == null ? "" : jackson;
    if (m.contains("nesting depth")) {
      return "JSON nested deeper than " + limits.maxNestingDepth() + " levels (the nesting depth limit)";
    } else if (m.contains("String value length")) {
      return "a string longer than " + limits.maxStringLength() + " characters (the string length limit)";
    } else if (m.contains("Number value length")) {
      return "a number with too many digits";
    } else if (m.contains("Name length")) {
      return "a key that is too long";
    }
    return clean(m);
  }

  private static String clean(String message) {
    if (message == null) {
      return "";
    }
    return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
        .replaceAll("\\s*\\[Source:[^\\]]*\\]", "");
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
