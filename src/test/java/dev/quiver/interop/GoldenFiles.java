package dev.quiver.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.JsonFileReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Assumptions;

/**
 * The Arrow project's integration golden files (apache/arrow-testing), under
 * {@code <quiver.shared.dir>/arrow-testing/integration/<folder>/generated_<case>.{arrow_file,stream,json.gz}},
 * e.g. folder {@code 1.0.0-littleendian}. The {@code .json.gz} (Arrow's integration JSON) is the ground truth
 * for both IPC files; {@link #readJson} reads it with arrow-java's own JSON reader.
 *
 * <p>When the system property {@code quiver.shared.dir} (set by surefire) or the folder is missing, tests
 * using {@link #integrationDir()} are skipped, unless the environment has {@code CI=true}: then they fail.
 */
public final class GoldenFiles {
  public static final String LITTLE_ENDIAN = "1.0.0-littleendian";
  public static final String COMPRESSION = "2.0.0-compression";
  public static final String SHARED_DICT = "4.0.0-shareddict";

  /**
   * Type names (as the integration JSON spells them) of issue #2's types. Absent on purpose: interval, union,
   * the view types, run-end encoded. Dictionary encoding and custom metadata (including extension-type
   * metadata, which Quiver keeps as plain field metadata over the storage type) are allowed.
   */
  private static final Set<String> ISSUE_2_TYPES = Set.of(
      "null", "bool", "int", "floatingpoint", "utf8", "largeutf8", "binary", "largebinary",
      "fixedsizebinary", "date", "time", "timestamp", "duration", "decimal", "list", "largelist",
      "fixedsizelist", "struct", "map");

  /** Case-insensitive enums: the integration JSON spells union modes "SPARSE", arrow-java's enum "Sparse". */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

  private GoldenFiles() {}

  /** One golden case: its name without the {@code generated_} prefix and its three files. */
  public record Case(String folder, String name, Path arrowFile, Path stream, Path jsonGz) {
    @Override
    public String toString() {
      return folder + "/" + name;
    }
  }

  /** The {@code integration} folder; skips the calling test (fails it when CI=true) if it is missing. */
  public static Path integrationDir() {
    String shared = System.getProperty("quiver.shared.dir");
    Path dir = shared == null ? null : Path.of(shared, "arrow-testing", "integration");
    boolean present = dir != null && Files.isDirectory(dir);
    if (!present) {
      String reason = shared == null
          ? "system property quiver.shared.dir is not set"
          : "golden files not found in " + dir;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(reason + " (CI=true: golden tests must run)");
      }
      Assumptions.abort(reason);
    }
    return dir;
  }

  /** The cases of one folder (e.g. {@link #LITTLE_ENDIAN}), sorted by name. */
  public static List<Case> cases(String folder) {
    Path dir = integrationDir().resolve(folder);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no golden folder " + folder + " in " + dir.getParent());
    }
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("generated_") && n.endsWith(".json.gz"))
          .forEach(n -> names.add(n.substring("generated_".length(), n.length() - ".json.gz".length())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Case> out = new ArrayList<>();
    for (String name : names) {
      String base = "generated_" + name;
      out.add(new Case(folder, name, dir.resolve(base + ".arrow_file"), dir.resolve(base + ".stream"),
          dir.resolve(base + ".json.gz")));
    }
    return out;
  }

  /** The case called {@code name} (without {@code generated_}) in {@code folder}. */
  public static Case find(String folder, String name) {
    return cases(folder).stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no golden case " + folder + "/" + name));
  }

  /**
   * Whether issue #2 covers the case: every type in its schema (read from the .json.gz, nested and
   * dictionary value types included) is in issue #2's list, and its folder is not about body compression
   * (issue #3).
   */
  public static boolean supportedByIssue2(Case c) {
    return !c.folder().contains("compression") && ISSUE_2_TYPES.containsAll(typeNames(c));
  }

  /** The distinct type names of the case's schema, as the integration JSON spells them ("int", "map", ...). */
  public static Set<String> typeNames(Case c) {
    Set<String> out = new TreeSet<>();
    JsonNode schema = readJsonTree(c.jsonGz()).path("schema");
    for (JsonNode f : schema.path("fields")) {
      collectTypes(f, out);
    }
    return out;
  }

  private static void collectTypes(JsonNode field, Set<String> out) {
    out.add(field.path("type").path("name").asText());
    for (JsonNode c : field.path("children")) {
      collectTypes(c, out);
    }
  }

  private static JsonNode readJsonTree(Path gz) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes of a file (e.g. {@code c.stream()}). */
  public static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The case's ground truth, read from its .json.gz by arrow-java's integration JSON reader, copied into
   * {@code allocator}. arrow-java's JSON reader cannot read every case (e.g. duplicate field names): then an
   * {@link UnsupportedOperationException} names the reason (the reader's own memory is isolated, so a
   * failing read does not leak into {@code allocator}).
   */
  public static ArrowJavaData readJson(Case c, BufferAllocator allocator) {
    BufferAllocator jsonAllocator = new RootAllocator();
    ArrowJavaData copy;
    try (ArrowJavaData read = readJsonInto(c, jsonAllocator)) {
      copy = copyData(read, allocator);
    } catch (RuntimeException e) {
      // jsonAllocator is left to the garbage collector: arrow-java may have leaked into it.
      throw new UnsupportedOperationException(
          "arrow-java's JsonFileReader cannot read " + c + ": " + e, e);
    }
    jsonAllocator.close();
    return copy;
  }

  private static ArrowJavaData copyData(ArrowJavaData data, BufferAllocator allocator) {
    java.util.Map<Dictionary, Dictionary> copies = new java.util.IdentityHashMap<>();
    List<ArrowJavaData.Batch> batches = new ArrayList<>();
    try {
      for (ArrowJavaData.Batch b : data.batches()) {
        java.util.Map<Long, Dictionary> dictionaries = new java.util.LinkedHashMap<>();
        for (var e : b.dictionaries().entrySet()) {
          dictionaries.put(e.getKey(), copies.computeIfAbsent(e.getValue(), d -> new Dictionary(
              ArrowJavaData.copyVector(d.getVector(), allocator), d.getEncoding())));
        }
        batches.add(new ArrowJavaData.Batch(ArrowJavaData.copyRoot(b.root(), allocator), dictionaries));
      }
    } catch (RuntimeException e) {
      new ArrowJavaData(allocator, data.schema(), batches).close();
      throw e;
    }
    return new ArrowJavaData(allocator, data.schema(), batches);
  }

  private static ArrowJavaData readJsonInto(Case c, BufferAllocator allocator) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("golden-" + c.name(), ".json");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(c.jsonGz()))) {
        Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      try (JsonFileReader reader = new JsonFileReader(tmp.toFile(), allocator)) {
        reader.start();
        // The schema as the JSON spells it (arrow-java's reader renames some nested dictionary children).
        Schema message = JSON.treeToValue(readJsonTree(c.jsonGz()).path("schema"), Schema.class);
        java.util.Map<Long, Dictionary> dictionaries = new java.util.LinkedHashMap<>();
        for (long id : reader.getDictionaryIds()) {
          Dictionary d = reader.lookup(id);
          dictionaries.put(id, new Dictionary(ArrowJavaData.copyVector(d.getVector(), allocator), d.getEncoding()));
        }
        List<ArrowJavaData.Batch> batches = new ArrayList<>();
        VectorSchemaRoot root;
        while ((root = reader.read()) != null) {
          batches.add(new ArrowJavaData.Batch(root, dictionaries));
        }
        if (batches.isEmpty()) {
          dictionaries.values().forEach(d -> d.getVector().close());
        }
        return new ArrowJavaData(allocator, message, batches);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: a temporary file
        }
      }
    }
  }
}
