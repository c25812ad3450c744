package dev.quiver.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.GoldenFiles;
import dev.quiver.json.JsonLimits;
import dev.quiver.json.integration.IntegrationJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The ground truth of a golden case, from its {@code .json.gz}: read by arrow-java's integration JSON
 * reader ({@link GoldenFiles#readJson}), rendered with {@link LogicalRows}, and -- where the interop bridge
 * converts the types -- also as our record batches (the input of the write steps).
 *
 * @param schema the schema as the JSON spells it (message format)
 * @param rows per batch, the rendered rows
 * @param batches the data as our batches, or null when the bridge does not convert these types
 * @param compressed the data written by arrow-java with body compression, by key {@code stream-lz4},
 *     {@code file-zstd}, ...: the bytes, or the {@link RuntimeException} arrow-java failed with
 */
record GoldenTruth(Schema schema, List<List<List<String>>> rows, List<RecordBatch> batches,
    Map<String, Object> compressed) {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

  /**
   * The ground truth; where arrow-java's JSON reader cannot read the case (duplicate field names), our own
   * integration JSON reader's, with {@link #arrowJavaReads()} false: then results are checked with our
   * readers (arrow-java cannot read such IPC data either).
   */
  static GoldenTruth load(GoldenFiles.Case c) {
    try {
      return loadWithArrowJava(c);
    } catch (UnsupportedOperationException e) {
      return loadWithQuiver(c);
    }
  }

  /** Whether arrow-java read the ground truth (and so can check results). */
  boolean arrowJavaReads() {
    return !compressed.isEmpty();
  }

  private static GoldenTruth loadWithQuiver(GoldenFiles.Case c) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(c.jsonGz()));
        IntegrationJsonReader reader = new IntegrationJsonReader(in, JsonLimits.defaults())) {
      dev.quiver.columnar.Schema schema = reader.schema();
      List<RecordBatch> batches = new java.util.ArrayList<>();
      while (reader.hasNext()) {
        batches.add(reader.next());
      }
      return new GoldenTruth(ArrowJavaBridge.toArrowJavaSchema(schema), Compare.rows(batches), batches, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GoldenTruth loadWithArrowJava(GoldenFiles.Case c) {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowJavaData data = GoldenFiles.readJson(c, allocator)) {
      List<RecordBatch> batches;
      try {
        batches = ArrowJavaBridge.toQuiver(data);
      } catch (UnsupportedOperationException e) {
        batches = null; // e.g. unions: the write steps start from our read of the golden stream
      }
      Map<String, Object> compressed = new LinkedHashMap<>();
      for (Codec codec : Codec.values()) {
        for (boolean file : new boolean[] {false, true}) {
          Object bytes;
          try {
            bytes = file ? data.writeFile(IpcOption.DEFAULT, codec.arrowJava)
                : data.writeStream(IpcOption.DEFAULT, codec.arrowJava);
          } catch (RuntimeException e) {
            bytes = e;
          }
          compressed.put(key(file, codec), bytes);
        }
      }
      return new GoldenTruth(data.schema(), Compare.rows(data), batches, compressed);
    }
  }

  static String key(boolean file, Codec codec) {
    return (file ? "file-" : "stream-") + codec.suffix;
  }

  /** arrow-java's compressed stream or file of the data; fails when arrow-java could not write it. */
  byte[] arrowJavaCompressed(boolean file, Codec codec) {
    if (!arrowJavaReads()) {
      throw new IllegalStateException("arrow-java cannot write this data: its JSON reader could not read it");
    }
    Object o = compressed.get(key(file, codec));
    if (o instanceof RuntimeException e) {
      throw new IllegalStateException("arrow-java cannot write this data with " + codec.suffix + ": " + e, e);
    }
    return (byte[]) o;
  }

  /** The case's schema straight from the JSON (readable even where arrow-java cannot read the data). */
  static Schema jsonSchema(GoldenFiles.Case c) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(c.jsonGz()))) {
      JsonNode root = JSON.readTree(in);
      return JSON.treeToValue(root.path("schema"), Schema.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table rows of a case: its schema's types and features, plus what its folder is about. */
  static Set<String> features(GoldenFiles.Case c) {
    Set<String> out = new TreeSet<>(Features.of(ArrowJavaBridge.toQuiverSchema(jsonSchema(c))));
    if (c.folder().contains("compression")) {
      String name = c.name().toLowerCase(Locale.ROOT);
      out.add(name.contains("zstd") ? "body compression (zstd)" : "body compression (lz4_frame)");
    }
    return out;
  }
}
