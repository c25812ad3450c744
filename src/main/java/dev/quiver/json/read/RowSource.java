package dev.quiver.json.read;

import dev.quiver.columnar.LimitExceededException;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.JsonLimits;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * The rows of a JSON body, one parsed row at a time. Shapes: a JSON array of row objects; an object
 * {"schema": S, "rows": [...]} (keys in either order; rows before the schema are buffered up to a bound);
 * NDJSON, one object per line (blank lines ignored). Jackson exceptions escape; the caller maps them.
 */
public final class RowSource implements AutoCloseable {
  /** One row: its object, index and where it starts. */
  public record Row(JsonValue.Obj value, long index, int line, int column) {}

  private enum State { ROWS, AFTER_ROWS, DONE }

  private final BudgetInputStream in;
  private final JsonParser parser;
  private final boolean ndjson;
  private final JsonLimits limits;
  private final ArrayDeque<Row> buffered = new ArrayDeque<>();
  private final boolean objectShape;
  private JsonValue.Obj schemaJson;
  private State state = State.ROWS;
  private long nextIndex;
  private long rowStart;

  /**
   * Opens the body and reads up to the first row; when rows precede the schema in the object form, buffers
   * at most {@code maxBufferedRows} of them to reach the schema.
   */
  public RowSource(InputStream stream, boolean ndjson, JsonLimits limits, int maxBufferedRows) {
    this(stream, ndjson, limits, maxBufferedRows, false);
  }

  /**
   * As above; {@code record} keeps a copy of the input read from the start until {@link #stopRecording()},
   * so that the text of rows can be had again ({@link #recorded}).
   */
  public RowSource(InputStream stream, boolean ndjson, JsonLimits limits, int maxBufferedRows, boolean record) {
    this.in = new BudgetInputStream(stream);
    if (record) {
      in.startRecording();
    }
    this.ndjson = ndjson;
    this.limits = limits;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(Math.min(limits.maxStringLength(), 1 << 16))
            .build())
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .build();
    this.parser = factory.createParser(ObjectReadContext.empty(), in);
    if (ndjson) {
      objectShape = false;
      return;
    }
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_ARRAY) {
      objectShape = false;
    } else if (first == JsonToken.START_OBJECT) {
      objectShape = true;
      openObject(maxBufferedRows);
    } else if (first == null) {
      throw new JsonInputException("empty body: expected a JSON array of row objects"
          + " or an object {\"schema\": ..., \"rows\": [...]}");
    } else {
      throw new JsonInputException(at(parser.currentTokenLocation()) + "expected a JSON array of row objects"
          + " or an object {\"schema\": ..., \"rows\": [...]}, found " + describe(first));
    }
  }

  /** The "schema" member of the object form (null when absent or not yet seen). */
  public JsonValue.Obj schemaJson() {
    return schemaJson;
  }

  /** The next row, or null at the end of the rows. */
  public Row next() {
    if (!buffered.isEmpty()) {
      return buffered.poll();
    }
    if (state != State.ROWS) {
      return null;
    }
    Row row = readRow();
    if (row == null) {
      state = State.AFTER_ROWS;
      finishBody();
    }
    return row;
  }

  private void openObject(int maxBufferedRows) {
    while (true) {
      String key = nextKey();
      if (key == null) {
        throw new JsonInputException("the body object has no \"rows\" member: expected"
            + " {\"schema\": ..., \"rows\": [...]}");
      }
      if (key.equals("schema")) {
        readSchemaMember();
      } else if (key.equals("rows")) {
        expectRowsArray();
        if (schemaJson != null) {
          return;
        }
        bufferRowsUntilSchema(maxBufferedRows);
        return;
      } else {
        throw unexpectedKey(key);
      }
    }
  }

  private void bufferRowsUntilSchema(int maxBufferedRows) {
    Row row;
    while ((row = readRow()) != null) {
      if (buffered.size() >= maxBufferedRows) {
        throw new JsonInputException("\"rows\" comes before \"schema\" and has more than " + maxBufferedRows
            + " rows: put \"schema\" first in the body object ({\"schema\": ..., \"rows\": [...]})");
      }
      buffered.add(row);
    }
    state = State.AFTER_ROWS;
    finishBody();
  }

  /** After the rows: the rest of the body object (maybe "schema"), then nothing but whitespace. */
  private void finishBody() {
    if (ndjson) {
      state = State.DONE;
      return;
    }
    if (objectShape && state == State.AFTER_ROWS) {
      String key;
      while ((key = nextKey()) != null) {
        if (key.equals("schema") && schemaJson == null) {
          readSchemaMember();
        } else {
          throw unexpectedKey(key);
        }
      }
    }
    state = State.DONE;
    JsonToken trailing = parser.nextToken();
    if (trailing != null) {
      throw new JsonInputException(at(parser.currentTokenLocation())
          + "unexpected content after the end of the JSON body");
    }
  }

  private String nextKey() {
    JsonToken t = parser.nextToken();
    if (t == JsonToken.END_OBJECT) {
      return null;
    }
    return parser.currentName();
  }

  private JsonInputException unexpectedKey(String key) {
    String hint = key.equals("batches") || key.equals("dictionaries")
        ? " (this looks like Arrow integration JSON, which is not JSON rows)"
        : "";
    return new JsonInputException(at(parser.currentTokenLocation()) + "unexpected key \"" + key
        + "\" in the body object: expected only \"schema\" and \"rows\"" + hint);
  }

  private void readSchemaMember() {
    if (schemaJson != null) {
      throw new JsonInputException(at(parser.currentTokenLocation()) + "duplicate key \"schema\"");
    }
    in.budget(limits.maxRowBytes(), "the \"schema\" member is larger than " + limits.maxRowBytes() + " bytes");
    JsonToken t = parser.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw new JsonInputException(at(parser.currentTokenLocation())
          + "\"schema\" must be an object {\"fields\": [...]}");
    }
    schemaJson = (JsonValue.Obj) readValue(t);
  }

  private void expectRowsArray() {
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      throw new JsonInputException(at(parser.currentTokenLocation()) + "\"rows\" must be an array of objects");
    }
  }

  private Row readRow() {
    JsonToken t = parser.nextToken();
    if (ndjson ? t == null : t == JsonToken.END_ARRAY) {
      return null;
    }
    long index = nextIndex++;
    TokenStreamLocation loc = startRow(t, index);
    JsonValue.Obj value = (JsonValue.Obj) readValue(t);
    return new Row(value, index, loc.getLineNr(), loc.getColumnNr());
  }

  /** Checks that a row starts with an object and gives it its byte budget. */
  private TokenStreamLocation startRow(JsonToken t, long index) {
    TokenStreamLocation loc = parser.currentTokenLocation();
    if (t != JsonToken.START_OBJECT) {
      String found = describe(t);
      throw new JsonInputException("row " + index + " (" + at(loc).trim().replace(":", "")
          + "): expected a JSON object for the row, found " + found);
    }
    in.budgetRow(limits.maxRowBytes(), index);
    return loc;
  }

  /** True when no rows are buffered, so that the next row can be streamed with {@link #beginRow}. */
  public boolean streaming() {
    return buffered.isEmpty();
  }

  /**
   * Starts streaming the next row instead of parsing it with {@link #next()} (only when {@link #streaming()}):
   * false at the end of the rows (the rest of the body checked as by next()), else the parser is on the row's
   * START_OBJECT, its budget is set and ctx points at it. The caller reads the row to its END_OBJECT, parsing
   * every value it does not convert itself with {@link #readValue} and applying the checks readValue applies
   * to an object's keys (duplicates, {@link JsonLimits#maxFields()}).
   */
  public boolean beginRow(RowContext ctx) {
    if (state != State.ROWS) {
      return false;
    }
    JsonToken t = parser.nextToken();
    if (ndjson ? t == null : t == JsonToken.END_ARRAY) {
      state = State.AFTER_ROWS;
      finishBody();
      return false;
    }
    long index = nextIndex++;
    TokenStreamLocation loc = startRow(t, index);
    ctx.at(index, loc.getLineNr(), loc.getColumnNr());
    rowStart = loc.getByteOffset();
    return true;
  }

  /** The byte offset of the row begun last ({@link #beginRow}) in the input. */
  public long rowStart() {
    return rowStart;
  }

  /** The byte offset just after the last token read. */
  public long position() {
    return parser.currentLocation().getByteOffset();
  }

  /** The input's bytes [from, to) (recording; see the constructor). */
  public byte[] recorded(long from, long to) {
    return in.recorded(from, to);
  }

  public void stopRecording() {
    in.stopRecording();
  }

  /** The parser, for streaming rows (see {@link #beginRow}). */
  public JsonParser parser() {
    return parser;
  }

  public JsonLimits limits() {
    return limits;
  }

  /** The error for a key seen twice in one object, the parser having been on the key at {@code loc}. */
  public static JsonInputException duplicateKey(TokenStreamLocation loc, String name) {
    return new JsonInputException(at(loc) + "duplicate key \"" + JsonValue.clip(name) + "\"");
  }

  /** The error for an object with more keys than allowed, the parser having been on the key at {@code loc}. */
  public LimitExceededException tooManyKeys(TokenStreamLocation loc) {
    return new LimitExceededException(at(loc) + "an object has more than " + limits.maxFields() + " keys");
  }

  /** Parses the value starting at token t (the parser's current token) into a tree. */
  public JsonValue readValue(JsonToken t) {
    switch (t) {
      case VALUE_NULL:
        return JsonValue.NULL;
      case VALUE_TRUE:
        return new JsonValue.Bool(true);
      case VALUE_FALSE:
        return new JsonValue.Bool(false);
      case VALUE_NUMBER_INT:
        return new JsonValue.Num(parser.getText(), true);
      case VALUE_NUMBER_FLOAT:
        return new JsonValue.Num(parser.getText(), false);
      case VALUE_STRING:
        return new JsonValue.Str(parser.getText());
      case START_ARRAY: {
        List<JsonValue> items = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(readValue(next));
        }
        return new JsonValue.Arr(items);
      }
      case START_OBJECT: {
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          TokenStreamLocation loc = parser.currentTokenLocation();
          JsonValue v = readValue(parser.nextToken());
          if (members.putIfAbsent(name, v) != null) {
            throw duplicateKey(loc, name);
          }
          if (members.size() > limits.maxFields()) {
            throw tooManyKeys(loc);
          }
        }
        return new JsonValue.Obj(members);
      }
      default:
        throw new JsonInputException(at(parser.currentTokenLocation()) + "unexpected token " + t);
    }
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    switch (t) {
      case START_ARRAY:
        return "an array";
      case START_OBJECT:
        return "an object";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.name();
    }
  }

  /** Where the parser is now, as "line L, column C: ". */
  public String location() {
    return at(parser.currentLocation());
  }

  /** "line L, column C: " for a location, or "" when unknown. */
  public static String at(TokenStreamLocation loc) {
    if (loc == null || loc.getLineNr() <= 0) {
      return "";
    }
    return "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
  }

  @Override
  public void close() {
    parser.close();
  }
}
