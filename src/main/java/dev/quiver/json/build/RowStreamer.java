package dev.quiver.json.build;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.json.JsonInputException;
import dev.quiver.json.infer.Inference;
import dev.quiver.json.read.JsonValue;
import dev.quiver.json.read.RowContext;
import dev.quiver.json.read.RowSource;
import dev.quiver.json.value.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Appends rows straight from the parser's tokens to the top-level column builders, without a tree per row.
 * int, float64, bool and utf8 values take a fast path (no intermediate objects); every other value is parsed
 * into a {@link JsonValue} and appended as {@link StructBuilder} would. The result, including which error a
 * bad row gets, is the same as parsing the row into a tree and appending it: the row is parsed to its end
 * before an append error is thrown (parse errors come first), and of the append errors the one of the first
 * field in schema order wins, then an unknown key. Only for schemas without dictionaries (whose state is
 * shared between fields, so that the order of appends within a row could matter).
 */
final class RowStreamer {
  private static final int OTHER = 0;
  private static final int INT = 1;
  private static final int F64 = 2;
  private static final int BOOL = 3;
  private static final int UTF8 = 4;
  private static final int SCRATCH_MAX_CHARS = 1 << 16;

  private final StructBuilder root;
  private final ColumnBuilder[] columns;
  private final String[] names;
  private final Map<String, Integer> indexByName = new HashMap<>();
  private final int[] kinds;
  private final long[] min;
  private final long[] max;
  private final long[] seen;
  private final Set<String> unknownKeys = new HashSet<>();
  private long rowStamp;
  private int maxStringLength;
  private Inference sampling;
  private byte[] scratch = new byte[1024];

  RowStreamer(StructBuilder root, int columnCount) {
    this.root = root;
    columns = new ColumnBuilder[columnCount];
    names = new String[columnCount];
    kinds = new int[columnCount];
    min = new long[columnCount];
    max = new long[columnCount];
    seen = new long[columnCount];
    for (int i = 0; i < columnCount; i++) {
      ColumnBuilder c = root.child(i);
      columns[i] = c;
      names[i] = c.field().name();
      indexByName.put(names[i], i);
      kinds[i] = kindOf(c, i);
    }
  }

  private int kindOf(ColumnBuilder c, int i) {
    ArrowType t = c.field().type();
    if (c instanceof FixedWidthBuilder && t instanceof ArrowType.Int it) {
      int bits = it.bitWidth();
      min[i] = it.signed() ? (bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1))) : 0;
      max[i] = bits == 64 ? Long.MAX_VALUE : it.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
      return INT;
    } else if (c instanceof FixedWidthBuilder && t instanceof ArrowType.FloatingPoint fp
        && fp.precision() == ArrowType.Precision.DOUBLE) {
      return F64;
    } else if (c instanceof BoolBuilder) {
      return BOOL;
    } else if (c instanceof VarBinaryBuilder vb && vb.isUtf8()) {
      return UTF8;
    }
    return OTHER;
  }

  /**
   * Reads the row object the parser is on (see {@link RowSource#beginRow}) and appends it. With a sample
   * (schema inference), every top-level value is also merged into it, an inference error is thrown once the
   * row is parsed, and an append error is not thrown: the result is false (the batch must be appended again).
   */
  boolean appendRow(RowSource source, RowContext ctx, Inference sample) {
    JsonParser p = source.parser();
    sampling = sample;
    if (sample != null) {
      sample.beginRow(ctx.row(), ctx.line());
    }
    long row = ++rowStamp;
    int maxFields = source.limits().maxFields();
    maxStringLength = source.limits().maxStringLength();
    if (!unknownKeys.isEmpty()) {
      unknownKeys.clear();
    }
    int keys = 0;
    int matched = 0;
    int expected = 0;
    RuntimeException error = null;
    int errorAt = Integer.MAX_VALUE;
    String unknown = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      int i = expected < names.length && names[expected].equals(name) ? expected : lookup(name);
      boolean duplicate;
      if (i >= 0) {
        duplicate = seen[i] == row;
        seen[i] = row;
        expected = i + 1;
      } else {
        duplicate = !unknownKeys.add(name);
      }
      if (duplicate || keys >= maxFields) {
        TokenStreamLocation loc = p.currentTokenLocation();
        source.readValue(p.nextToken());
        throw duplicate ? RowSource.duplicateKey(loc, name) : source.tooManyKeys(loc);
      }
      keys++;
      JsonToken t = p.nextToken();
      if (i < 0) {
        JsonValue v = source.readValue(t);
        if (sample != null) {
          sample.member(name, v);
        }
        if (unknown == null) {
          unknown = name;
        }
        continue;
      }
      matched++;
      RuntimeException e = append(i, name, t, p, source, ctx);
      if (e != null && i < errorAt) {
        error = e;
        errorAt = i;
      }
    }
    if (matched < columns.length) {
      for (int i = 0; i < columns.length && i < errorAt; i++) {
        if (seen[i] != row) {
          RuntimeException e = appendNull(columns[i], ctx);
          if (e != null) {
            error = e;
            errorAt = i;
          }
        }
      }
    }
    if (sample != null) {
      sampling = null;
      RuntimeException inferenceError = sample.rowError();
      if (inferenceError != null) {
        throw inferenceError;
      }
      if (error != null || unknown != null) {
        return false;
      }
    }
    if (error != null) {
      throw error;
    }
    if (unknown != null) {
      throw root.unknownKey(unknown, ctx);
    }
    root.markEntryValid();
    return true;
  }

  private int lookup(String name) {
    Integer i = indexByName.get(name);
    return i == null ? -1 : i;
  }

  /**
   * Appends the value starting at token t to column i; returns the append error instead of throwing it. The
   * fast paths only take tokens whose text is within the string length limit: the tree path reads every
   * token's text (numbers too), which fails for a longer one; so do the other paths here.
   */
  private RuntimeException append(int i, String name, JsonToken t, JsonParser p, RowSource source,
      RowContext ctx) {
    ColumnBuilder c = columns[i];
    if (sampling != null && t.isScalarValue()) {
      sampling.scalar(i, name, t);
    }
    switch (p.getTextLength() <= maxStringLength ? kinds[i] : OTHER) {
      case INT:
        if (t == JsonToken.VALUE_NUMBER_INT && p.getTextLength() < 19) {
          long x = p.getLongValue();
          if (x >= min[i] && x <= max[i]) {
            ((FixedWidthBuilder) c).appendLong(x);
            return null;
          }
        }
        break;
      case F64:
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
          double d = p.getDoubleValue();
          if (!Double.isInfinite(d)) {
            ((FixedWidthBuilder) c).appendDouble(d);
            return null;
          }
        } else if (t == JsonToken.VALUE_NUMBER_INT && p.getTextLength() < 19) {
          long x = p.getLongValue();
          if (x != 0) { // "-0" is -0.0
            ((FixedWidthBuilder) c).appendDouble(x);
            return null;
          }
        }
        break;
      case BOOL:
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
          ((BoolBuilder) c).appendBoolean(t == JsonToken.VALUE_TRUE);
          return null;
        }
        break;
      case UTF8:
        if (t == JsonToken.VALUE_STRING) {
          return appendString((VarBinaryBuilder) c, p, ctx);
        }
        break;
      default:
        break;
    }
    if (t == JsonToken.VALUE_NULL) {
      return appendNull(c, ctx);
    }
    JsonValue v = source.readValue(t);
    if (sampling != null && !t.isScalarValue()) {
      sampling.member(name, v);
    }
    try {
      c.append(v, ctx);
      return null;
    } catch (JsonInputException | LimitExceededException e) {
      return e;
    }
  }

  private RuntimeException appendString(VarBinaryBuilder c, JsonParser p, RowContext ctx) {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    byte[] bytes;
    int n;
    if (length <= SCRATCH_MAX_CHARS) {
      if (scratch.length < 3 * length) {
        scratch = new byte[Math.max(3 * length, 2 * scratch.length)];
      }
      bytes = scratch;
      n = Utf8.encode(chars, offset, length, scratch);
    } else {
      bytes = new String(chars, offset, length).getBytes(StandardCharsets.UTF_8);
      n = bytes.length;
    }
    try {
      c.appendUtf8(bytes, n, ctx);
      return null;
    } catch (JsonInputException | LimitExceededException e) {
      return e;
    }
  }

  private static RuntimeException appendNull(ColumnBuilder c, RowContext ctx) {
    try {
      c.appendNull(ctx);
      return null;
    } catch (JsonInputException | LimitExceededException e) {
      return e;
    }
  }
}
