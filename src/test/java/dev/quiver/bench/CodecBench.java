package dev.quiver.bench;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.interop.ArrowJavaBridge;
import dev.quiver.interop.ArrowJavaData;
import dev.quiver.ipc.ByteSource;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.ipc.StreamReader;
import dev.quiver.ipc.StreamWriter;
import dev.quiver.ipc.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our IPC codec against arrow-java's, same data, same JVM, same run. Method names are
 * {@code <operation>_<implementation>}; {@link Ratios} pairs them up. Operations:
 *
 * <ul>
 *   <li>writeStream: an Arrow stream of the shape's batches written from in-memory columns (ours: heap
 *       {@code ArrayData}; arrow-java: its vectors) into a reused in-memory sink. Both write the same
 *       in-memory batch {@code batches} times (arrow-java: {@code writeBatch()} of its one root; ours: the
 *       first batch again), so both copy from the same amount of (cache-warm) source memory
 *   <li>readTouch: the stream read from a byte array, every value touched ({@link Touch}); ours validates
 *       every batch on the way (offsets, UTF-8, dictionary indices), arrow-java does not. Ours reads with
 *       {@code StreamReader.reusingBatchMemory}, as the service's stream conversions do
 *       ({@code BatchSource.stream}): one body array reused by every batch, as arrow-java reloads one
 *       {@code VectorSchemaRoot}
 *   <li>fileRandomBatch: an Arrow file opened from a byte array (footer, schema, dictionaries) and one
 *       batch chosen at random read and touched
 * </ul>
 *
 * <p>The forked JVM pre-touches its heap ({@code -XX:+AlwaysPreTouch}, same flags for both sides), as the
 * heap of a service that has run for a while is: without it a run of a few seconds never fills the 2 GB
 * heap once, so every heap allocation lands on pages never used before and each op pays the kernel's
 * first-touch page faults (measured: ~100 ms of a 3 ms op on a loaded 2-core machine), which says nothing
 * about the reader. arrow-java's direct memory comes from a pool it reuses, so it pays that once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBench {
  @Param({"narrow", "wide", "strings", "nested", "dictionary"})
  public String shape;

  private BufferAllocator allocator;
  private Shapes.Shape data;
  private List<RecordBatch> quiverBatches;
  private byte[] stream;
  private byte[] file;
  private Sink sink;
  private final SplittableRandom random = new SplittableRandom(42);

  @Setup(Level.Trial)
  public void setUp() {
    allocator = new RootAllocator();
    data = Shapes.create(shape, allocator);
    stream = data.stream();
    file = data.file();
    try (ArrowJavaData read = ArrowJavaData.read(stream, false, allocator)) {
      quiverBatches = ArrowJavaBridge.toQuiver(read);
    }
    sink = new Sink(stream.length + (1 << 16));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    data.close();
    allocator.close();
  }

  @Benchmark
  public long writeStream_quiver() {
    sink.reset();
    try (StreamWriter writer = new StreamWriter(sink, quiverBatches.get(0).schema(), WriteOptions.defaults())) {
      writer.start();
      RecordBatch batch = quiverBatches.get(0);
      for (int i = 0; i < quiverBatches.size(); i++) {
        writer.write(batch);
      }
      writer.end();
    }
    return sink.size();
  }

  @Benchmark
  public long writeStream_arrowJava() throws IOException {
    sink.reset();
    try (ArrowStreamWriter writer = new ArrowStreamWriter(data.root(), data.provider(), sink)) {
      writer.start();
      for (int i = 0; i < data.batches(); i++) {
        writer.writeBatch();
      }
      writer.end();
    }
    return sink.size();
  }

  @Benchmark
  public long readTouch_quiver() {
    long sum = 0;
    try (StreamReader reader =
        StreamReader.reusingBatchMemory(new ByteArrayInputStream(stream), IpcLimits.defaults())) {
      while (reader.hasNext()) {
        sum += Touch.quiver(reader.next());
      }
    }
    return sum;
  }

  @Benchmark
  public long readTouch_arrowJava() throws IOException {
    long sum = 0;
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        sum += Touch.arrowJava(root, reader);
      }
    }
    return sum;
  }

  @Benchmark
  public long fileRandomBatch_quiver() {
    FileReader reader = FileReader.open(ByteSource.of(ByteBuffer.wrap(file)), IpcLimits.defaults());
    return Touch.quiver(reader.readBatch(random.nextInt(reader.batchCount())));
  }

  @Benchmark
  public long fileRandomBatch_arrowJava() throws IOException {
    try (ArrowFileReader reader = new ArrowFileReader(
        new SeekableReadChannel(new ByteArrayReadableSeekableByteChannel(file)), allocator)) {
      List<ArrowBlock> blocks = reader.getRecordBlocks();
      reader.loadRecordBatch(blocks.get(random.nextInt(blocks.size())));
      return Touch.arrowJava(reader.getVectorSchemaRoot(), reader);
    }
  }
}
