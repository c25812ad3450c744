package dev.quiver.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rows appended straight from the parser's tokens give exactly what parsing each row into a tree and
 * appending it gives: the same batches (byte for byte) or the same exception and message, on random rows
 * full of edge cases (keys out of order, missing, unknown or repeated; wrong types; out-of-range and odd
 * numbers; surrogates; nulls in non-nullable fields; malformed JSON; small limits).
 */
class RowStreamingEquivalenceTest {
  private static final String SCHEMA = "{\"fields\":["
      + "{\"name\":\"a\",\"type\":\"int64\",\"nullable\":true},"
      + "{\"name\":\"b\",\"type\":\"int8\",\"nullable\":false},"
      + "{\"name\":\"c\",\"type\":\"double\",\"nullable\":true},"
      + "{\"name\":\"d\",\"type\":\"string\",\"nullable\":true},"
      + "{\"name\":\"e\",\"type\":\"bool\",\"nullable\":false},"
      + "{\"name\":\"f\",\"type\":\"uint64\",\"nullable\":true},"
      + "{\"name\":\"g\",\"type\":\"list<item: int32>\",\"nullable\":true},"
      + "{\"name\":\"h\",\"type\":\"struct<x: int16>\",\"nullable\":true},"
      + "{\"name\":\"i\",\"type\":\"timestamp[ms]\",\"nullable\":true},"
      + "{\"name\":\"j\",\"type\":\"float\",\"nullable\":true},"
      + "{\"name\":\"k\",\"type\":\"large_string\",\"nullable\":false},"
      + "{\"name\":\"l\",\"type\":\"uint16\",\"nullable\":true}]}";
  private static final String[] NAMES = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"};
  private static final String[] NUMBERS = {"0", "-0", "1", "-1", "127", "128", "-128", "-129", "255", "65535",
      "65536", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551615",
      "18446744073709551616", "123456789012345678", "1234567890123456789", "-123456789012345678", "1.0", "1.5",
      "-0.0", "1e3", "1E-3", "2.5e-324", "1e400", "-1e400", "0.1", "3.141592653589793", "1.7976931348623157e308",
      "9007199254740993", "0.30000000000000004", "123.456e7", "100000000000000000000000"};
  private static final String[] STRINGS = {"\"\"", "\"x\"", "\"h\u00e9llo\"", "\"\\u00e9\\u4e2d\"",
      "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\udc00x\"", "\"a\\\"b\\\\c\\n\"", "\"NaN\"", "\"Infinity\"",
      "\"-Infinity\"", "\"12\"", "\" 42 \"", "\"2024-01-02T03:04:05Z\"", "\"2024-01-02\"", "\"\u4e2d\u6587\"",
      "\"\uD83D\uDE00 emoji\""};
  private static final String[] OTHERS = {"null", "true", "false", "[]", "[1,2]", "[1,null,\"x\"]", "{}",
      "{\"x\":1}", "{\"x\":1,\"y\":2}", "{\"x\":1,\"x\":2}", "{\"x\":[{}]}", "[[1]]"};

  /** Rows of consistent types (some nulls, missing keys, int/float mixes), for inference to succeed. */
  private static boolean tidy;

  @Test
  void streamedRowsEqualTreeRows() {
    SplittableRandom random = new SplittableRandom(42);
    Schema schema = SchemaJson.parse(SCHEMA);
    int errors = 0;
    int inferredOk = 0;
    for (int run = 0; run < 6000; run++) {
      boolean ndjson = random.nextInt(3) == 0;
      Schema given = run % 3 == 0 ? null : schema;
      tidy = given == null && random.nextBoolean();
      String json = body(random, ndjson, run % 7 == 0);
      int batchSize = 1 + random.nextInt(tidy ? 14 : 4);
      JsonLimits limits = random.nextInt(4) == 0
          ? new JsonLimits(3 + random.nextInt(4), 1 + random.nextInt(30), 1 + random.nextInt(12),
              20 + random.nextInt(400))
          : JsonLimits.defaults();
      String tree = outcome(json, ndjson, given, batchSize, limits, false);
      String streamed = outcome(json, ndjson, given, batchSize, limits, true);
      assertThat(streamed).as("run %d: %s", run, json).isEqualTo(tree);
      errors += tree.startsWith("error") ? 1 : 0;
      inferredOk += given == null && !tree.startsWith("error") ? 1 : 0;
    }
    assertThat(errors).isBetween(600, 5400);
    assertThat(inferredOk).isGreaterThan(200);
  }

  @Test
  void longStringsAndManyRows() {
    StringBuilder sb = new StringBuilder("[");
    SplittableRandom random = new SplittableRandom(1);
    for (int r = 0; r < 3000; r++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(r % 100 == 0 ? 100_000 : 30);
      for (int k = 0; k < len; k++) {
        s.append((char) (random.nextInt(5) == 0 ? 0x80 + random.nextInt(0xD000) : 'a' + random.nextInt(26)));
      }
      sb.append(r == 0 ? "" : ",").append("{\"d\":\"").append(s).append("\",\"b\":").append(r % 100)
          .append(",\"e\":true,\"k\":\"\",\"c\":").append(r * 0.37).append('}');
    }
    String json = sb.append(']').toString();
    Schema schema = SchemaJson.parse(SCHEMA);
    String tree = outcome(json, false, schema, 1000, JsonLimits.defaults(), false);
    assertThat(tree).doesNotStartWith("error");
    assertThat(outcome(json, false, schema, 1000, JsonLimits.defaults(), true)).isEqualTo(tree);
  }

  private static String body(SplittableRandom random, boolean ndjson, boolean objectForm) {
    int rows = random.nextInt(tidy ? 12 : 6);
    List<String> rowTexts = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      rowTexts.add(random.nextInt(tidy ? 400 : 40) == 0 ? pick(random, OTHERS) : row(random));
    }
    String text;
    if (ndjson) {
      text = String.join("\n", rowTexts) + (random.nextBoolean() ? "\n" : "");
    } else if (objectForm && !rowTexts.isEmpty()) {
      text = random.nextBoolean()
          ? "{\"schema\":" + SCHEMA + ",\"rows\":[" + String.join(",", rowTexts) + "]}"
          : "{\"rows\":[" + String.join(",\n", rowTexts) + "],\"schema\":" + SCHEMA + "}";
    } else {
      text = "[" + String.join(random.nextBoolean() ? "," : ",\n ", rowTexts) + "]";
    }
    if (random.nextInt(25) == 0 && text.length() > 2) {
      text = text.substring(0, random.nextInt(text.length()));
    }
    return text;
  }

  private static String row(SplittableRandom random) {
    List<String> keys = new ArrayList<>();
    for (String n : NAMES) {
      if (random.nextInt(12) != 0) {
        keys.add(n);
      }
    }
    if (random.nextInt(6) == 0) {
      Collections.shuffle(keys, new java.util.Random(random.nextLong()));
    }
    if (random.nextInt(tidy ? 60 : 15) == 0) {
      keys.add(random.nextInt(keys.size() + 1), "zz" + random.nextInt(2));
    }
    if (random.nextInt(tidy ? 300 : 30) == 0 && !keys.isEmpty()) {
      keys.add(random.nextInt(keys.size() + 1), keys.get(random.nextInt(keys.size())));
    }
    StringBuilder sb = new StringBuilder("{");
    for (int k = 0; k < keys.size(); k++) {
      sb.append(k == 0 ? "" : ",").append('"').append(keys.get(k)).append("\":").append(value(random, keys.get(k)));
    }
    return sb.append('}').toString();
  }

  private static String value(SplittableRandom random, String key) {
    boolean typical = random.nextInt(4) != 0;
    if (tidy) {
      int r = random.nextInt(20);
      if (r == 0) {
        return "null";
      } else if (r == 1 && (key.equals("a") || key.equals("c"))) {
        return key.equals("a") ? "2.5" : "7";
      } else if (r == 2) {
        return pick(random, NUMBERS);
      }
      typical = !key.equals("g") && !key.equals("h");
      if (!typical) {
        return key.equals("g") ? "[1,null,2]" : "{\"x\":" + random.nextInt(9) + "}";
      }
    }
    switch (key) {
      case "b", "e", "k":
        if (typical) {
          return key.equals("b") ? String.valueOf(random.nextInt(256) - 128)
              : key.equals("e") ? String.valueOf(random.nextBoolean()) : pick(random, STRINGS);
        }
        break;
      case "d":
        if (typical) {
          return pick(random, STRINGS);
        }
        break;
      case "c", "j":
        if (typical) {
          return random.nextBoolean() ? String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20))
              : String.valueOf(random.nextLong() >> random.nextInt(64));
        }
        break;
      case "a", "f", "l":
        if (typical) {
          return String.valueOf(random.nextLong() >> random.nextInt(64));
        }
        break;
      default:
        break;
    }
    int which = random.nextInt(3);
    return which == 0 ? pick(random, NUMBERS) : which == 1 ? pick(random, STRINGS) : pick(random, OTHERS);
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String outcome(String json, boolean ndjson, Schema schema, int batchSize, JsonLimits limits,
      boolean stream) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RowsReader r = new RowsReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ndjson,
        schema, batchSize, limits, stream)) {
      StringBuilder sizes = new StringBuilder();
      try (StreamWriter w = new StreamWriter(out, r.schema(), WriteOptions.defaults())) {
        w.start();
        while (r.hasNext()) {
          RecordBatch b = r.next();
          sizes.append(b.length()).append(' ');
          w.write(b);
        }
        w.end();
      }
      return "ok " + sizes + java.util.HexFormat.of().formatHex(out.toByteArray());
    } catch (RuntimeException e) {
      return "error " + e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
