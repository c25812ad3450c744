package dev.quiver.fuzz;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.interop.ArrowJavaSamples;
import dev.quiver.interop.GoldenFiles;
import dev.quiver.ipc.FileWriter;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.message.IpcOption;

/**
 * The valid inputs the fuzzer starts from: every golden stream and file (all folders of arrow-testing's
 * integration directory, when present), every {@link ArrowJavaSamples} sample written by arrow-java and by
 * our writers, and the extra types arrow-java writes that no golden file has ({@link ExtraSamples}).
 */
final class Seeds {
  /** One valid input with its parsed framing. */
  record Seed(String name, byte[] bytes, boolean file, IpcLayout layout) {
    static Seed of(String name, byte[] bytes, boolean file) {
      return new Seed(name, bytes, file, IpcLayout.parse(bytes, file));
    }

    @Override
    public String toString() {
      return name + (file ? " (file, " : " (stream, ") + bytes.length + " bytes)";
    }
  }

  private static List<Seed> all;

  private Seeds() {}

  /** All seeds, built once per JVM. */
  static synchronized List<Seed> all() {
    if (all == null) {
      List<Seed> seeds = new ArrayList<>();
      golden(seeds);
      try (BufferAllocator allocator = new RootAllocator()) {
        samples(seeds, allocator);
      }
      ExtraSamples.add(seeds);
      all = List.copyOf(seeds);
    }
    return all;
  }

  /** Whether the golden files are available (they are added to the seeds when they are). */
  static boolean goldenPresent() {
    String shared = System.getProperty("quiver.shared.dir");
    return shared != null && Files.isDirectory(Path.of(shared, "arrow-testing", "integration"));
  }

  private static void golden(List<Seed> seeds) {
    if (!goldenPresent()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("golden files missing (CI=true): set quiver.shared.dir");
      }
      return;
    }
    for (String folder : List.of(GoldenFiles.LITTLE_ENDIAN, GoldenFiles.COMPRESSION, GoldenFiles.SHARED_DICT)) {
      for (GoldenFiles.Case c : GoldenFiles.cases(folder)) {
        String name = "golden-" + folder + "-" + c.name();
        if (Files.exists(c.stream())) {
          seeds.add(Seed.of(name, GoldenFiles.bytes(c.stream()), false));
        }
        if (Files.exists(c.arrowFile())) {
          seeds.add(Seed.of(name, GoldenFiles.bytes(c.arrowFile()), true));
        }
      }
    }
  }

  private static void samples(List<Seed> seeds, BufferAllocator allocator) {
    for (String name : ArrowJavaSamples.names()) {
      try (ArrowJavaData data = ArrowJavaSamples.data(name, allocator)) {
        seeds.add(Seed.of("arrowjava-" + name, data.writeStream(), false));
        seeds.add(Seed.of("arrowjava-" + name, data.writeFile(), true));
        List<RecordBatch> batches = ArrowJavaBridge.toQuiver(data);
        var schema = ArrowJavaBridge.toQuiverSchema(data.schema());
        seeds.add(Seed.of("quiver-" + name, writeStream(schema, batches), false));
        seeds.add(Seed.of("quiver-" + name, writeFile(schema, batches), true));
        if (name.equals("all_types") || name.equals("nested") || name.equals("dictionary_utf8")) {
          for (var codec : List.of(CompressionUtil.CodecType.LZ4_FRAME, CompressionUtil.CodecType.ZSTD)) {
            String compressed = "arrowjava-" + codec + "-" + name;
            seeds.add(Seed.of(compressed, data.writeStream(IpcOption.DEFAULT, codec), false));
            seeds.add(Seed.of(compressed, data.writeFile(IpcOption.DEFAULT, codec), true));
          }
        }
      }
    }
  }

  static byte[] writeStream(dev.quiver.columnar.Schema schema, List<RecordBatch> batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamWriter writer = new StreamWriter(out, schema, WriteOptions.defaults())) {
      writer.start();
      for (RecordBatch batch : batches) {
        writer.write(batch);
      }
      writer.end();
    }
    return out.toByteArray();
  }

  static byte[] writeFile(dev.quiver.columnar.Schema schema, List<RecordBatch> batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileWriter writer = new FileWriter(out, schema, WriteOptions.defaults())) {
      for (RecordBatch batch : batches) {
        writer.write(batch);
      }
      writer.finish();
    }
    return out.toByteArray();
  }
}
