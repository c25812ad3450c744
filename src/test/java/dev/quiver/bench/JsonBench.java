package dev.quiver.bench;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.json.JsonLimits;
import dev.quiver.json.RowsReader;
import dev.quiver.json.RowsWriter;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON rows to Arrow and Arrow to JSON rows, against Jackson alone doing the JSON half of the same work on
 * the same bytes. 100,000 rows {"id", "name", "score", "active", "city", "count"} (int, string, float,
 * bool, string, int), about 10 MB. Method names are {@code <operation>_<implementation>}:
 *
 * <ul>
 *   <li>rowsToArrow_quiver: {@code RowsReader}, schema inferred (what {@code POST /convert} does)
 *   <li>rowsToArrow_quiverSchema: {@code RowsReader} with the schema given
 *   <li>rowsToArrow_jacksonTokens: Jackson's streaming parser reading every token and materializing every
 *       value (numbers as long/double, strings as String): the floor of any Jackson-based reader
 *   <li>rowsToArrow_jacksonMaps: Jackson databind reading the rows as {@code List<Map<String, Object>>}
 *   <li>arrowToRows_quiver: {@code RowsWriter} writing the batches
 *   <li>arrowToRows_jacksonGenerator: Jackson's generator writing the same rows from Java arrays
 *   <li>arrowToRows_jacksonMaps: Jackson databind writing the rows from {@code List<Map<String, Object>>}
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JsonBench {
  static final int ROWS = 100_000;
  private static final String[] CITIES = new String[50];

  static {
    for (int i = 0; i < CITIES.length; i++) {
      CITIES[i] = "city-" + (char) ('A' + i % 26) + i;
    }
  }

  private final JsonFactory factory = new JsonFactory();
  private final JsonMapper mapper = JsonMapper.builder().build();
  private byte[] json;
  private List<RecordBatch> batches;
  private List<Map<String, Object>> maps;
  private long[] ids;
  private String[] names;
  private double[] scores;
  private boolean[] actives;
  private String[] cities;
  private long[] counts;
  private Sink sink;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    ids = new long[ROWS];
    names = new String[ROWS];
    scores = new double[ROWS];
    actives = new boolean[ROWS];
    cities = new String[ROWS];
    counts = new long[ROWS];
    maps = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      ids[i] = 1_000_000L + i;
      names[i] = "user-" + Long.toString(random.nextLong(1L << 40), 36);
      scores[i] = Math.round(random.nextDouble() * 1_000_000) / 100.0;
      actives[i] = random.nextBoolean();
      cities[i] = CITIES[random.nextInt(CITIES.length)];
      counts[i] = random.nextInt(100_000);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", ids[i]);
      row.put("name", names[i]);
      row.put("score", scores[i]);
      row.put("active", actives[i]);
      row.put("city", cities[i]);
      row.put("count", counts[i]);
      maps.add(row);
    }
    sink = new Sink(16 << 20);
    writeWithGenerator();
    json = sink.toByteArray();
    batches = new ArrayList<>();
    try (RowsReader reader = new RowsReader(new ByteArrayInputStream(json), false, null, 65_536,
        JsonLimits.defaults())) {
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
    }
  }

  /** The size of the JSON document (for the MB/s figures in the report). */
  static int jsonBytes() {
    JsonBench bench = new JsonBench();
    bench.setUp();
    return bench.json.length;
  }

  @Benchmark
  public long rowsToArrow_quiver() {
    return readRows(null);
  }

  @Benchmark
  public long rowsToArrow_quiverSchema() {
    return readRows(batches.get(0).schema());
  }

  private long readRows(dev.quiver.columnar.Schema schema) {
    long rows = 0;
    try (RowsReader reader = new RowsReader(new ByteArrayInputStream(json), false, schema, 65_536,
        JsonLimits.defaults())) {
      while (reader.hasNext()) {
        rows += reader.next().length();
      }
    }
    return rows;
  }

  @Benchmark
  public long rowsToArrow_jacksonTokens() {
    long sum = 0;
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), new ByteArrayInputStream(json))) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case VALUE_NUMBER_INT -> sum += parser.getLongValue();
          case VALUE_NUMBER_FLOAT -> sum += (long) parser.getDoubleValue();
          case VALUE_STRING -> sum += parser.getString().length();
          case VALUE_TRUE -> sum++;
          default -> { }
        }
      }
    }
    return sum;
  }

  @Benchmark
  public Object rowsToArrow_jacksonMaps() {
    return mapper.readValue(new ByteArrayInputStream(json), List.class);
  }

  @Benchmark
  public int arrowToRows_quiver() {
    sink.reset();
    try (RowsWriter writer = new RowsWriter(sink, false)) {
      for (RecordBatch batch : batches) {
        writer.write(batch);
      }
      writer.finish();
    }
    return sink.size();
  }

  @Benchmark
  public int arrowToRows_jacksonGenerator() {
    sink.reset();
    writeWithGenerator();
    return sink.size();
  }

  @Benchmark
  public int arrowToRows_jacksonMaps() {
    sink.reset();
    mapper.writeValue(sink, maps);
    return sink.size();
  }

  private void writeWithGenerator() {
    try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), sink)) {
      g.writeStartArray();
      for (int i = 0; i < ROWS; i++) {
        g.writeStartObject();
        g.writeName("id");
        g.writeNumber(ids[i]);
        g.writeName("name");
        g.writeString(names[i]);
        g.writeName("score");
        g.writeNumber(scores[i]);
        g.writeName("active");
        g.writeBoolean(actives[i]);
        g.writeName("city");
        g.writeString(cities[i]);
        g.writeName("count");
        g.writeNumber(counts[i]);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }
}
