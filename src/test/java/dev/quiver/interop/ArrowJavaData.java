package dev.quiver.interop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compare.VectorEqualsVisitor;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.apache.arrow.vector.util.DictionaryUtility;

/**
 * Arrow data held by arrow-java: a message-format schema (dictionary-encoded fields typed by their values,
 * as IPC carries it; see {@link ArrowJavaSchemas}) and record batches, each a {@link VectorSchemaRoot} with
 * the dictionaries in force for it. Owns all vectors; {@link #close()} releases them. A dictionary that did
 * not change between batches is the same {@link Dictionary} object in both.
 */
public final class ArrowJavaData implements AutoCloseable {

  /** One record batch: its vectors (memory format) and the dictionaries by id its encoded fields use. */
  public record Batch(VectorSchemaRoot root, Map<Long, Dictionary> dictionaries) {
    public Batch {
      Objects.requireNonNull(root, "root");
      dictionaries = Collections.unmodifiableMap(new LinkedHashMap<>(dictionaries));
    }

    public int rowCount() {
      return root.getRowCount();
    }

    /** The dictionaries as an arrow-java provider (e.g. for DictionaryEncoder). */
    public DictionaryProvider provider() {
      return new FixedProvider(dictionaries);
    }
  }

  private final BufferAllocator allocator;
  private final Schema schema;
  private final List<Batch> batches;

  /** Takes ownership of the batches' vectors and dictionaries. {@code schema} is in message format. */
  public ArrowJavaData(BufferAllocator allocator, Schema schema, List<Batch> batches) {
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.batches = List.copyOf(batches);
  }

  public Schema schema() {
    return schema;
  }

  public List<Batch> batches() {
    return batches;
  }

  public Batch batch(int i) {
    return batches.get(i);
  }

  public BufferAllocator allocator() {
    return allocator;
  }

  /**
   * Reads IPC bytes (file format if {@code isFile}, else stream format) with arrow-java's readers; compressed
   * bodies (LZ4_FRAME, ZSTD) are decompressed with arrow-compression's codecs.
   */
  public static ArrowJavaData read(byte[] ipc, boolean isFile, BufferAllocator allocator) {
    List<Batch> batches = new ArrayList<>();
    try (ArrowReader reader = isFile
        ? new ArrowFileReader(new SeekableReadChannel(new ByteArrayReadableSeekableByteChannel(ipc)),
            allocator, CommonsCompressionFactory.INSTANCE)
        : new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator, CommonsCompressionFactory.INSTANCE)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      Schema message = messageSchema(ipc, isFile);
      Map<Long, Dictionary> previous = new LinkedHashMap<>();
      try {
        while (reader.loadNextBatch()) {
          Map<Long, Dictionary> snapshot = new LinkedHashMap<>();
          for (long id : reader.getDictionaryIds()) {
            Dictionary current = reader.lookup(id);
            Dictionary prev = previous.get(id);
            if (prev != null && VectorEqualsVisitor.vectorEquals(prev.getVector(), current.getVector())) {
              snapshot.put(id, prev);
            } else {
              snapshot.put(id, new Dictionary(copyVector(current.getVector(), allocator), current.getEncoding()));
            }
          }
          previous = snapshot;
          batches.add(new Batch(copyRoot(root, allocator), snapshot));
        }
      } catch (IOException | RuntimeException e) {
        new ArrowJavaData(allocator, message, batches).close();
        throw e;
      }
      return new ArrowJavaData(allocator, message, batches);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The schema exactly as the IPC schema message has it. (arrow-java's readers give their roots a schema
   * with map children renamed to entries/key/value, so it is not taken from there.)
   */
  private static Schema messageSchema(byte[] ipc, boolean isFile) throws IOException {
    int start = isFile ? 8 : 0;
    try (ReadChannel in = new ReadChannel(
        Channels.newChannel(new ByteArrayInputStream(ipc, start, ipc.length - start)))) {
      return MessageSerializer.deserializeSchema(in);
    }
  }

  /** The data in the IPC stream format, written by arrow-java (dictionary replacements where they change). */
  public byte[] writeStream() {
    return write(false, IpcOption.DEFAULT, CompressionUtil.CodecType.NO_COMPRESSION);
  }

  /**
   * The stream written by arrow-java with IPC options (metadata version V4/V5, legacy framing) and body
   * compression ({@code NO_COMPRESSION}, {@code LZ4_FRAME} or {@code ZSTD}, through arrow-compression).
   */
  public byte[] writeStream(IpcOption option, CompressionUtil.CodecType codec) {
    return write(false, option, codec);
  }

  /** The file written by arrow-java with IPC options and body compression; see {@link #writeStream(IpcOption, CompressionUtil.CodecType)}. */
  public byte[] writeFile(IpcOption option, CompressionUtil.CodecType codec) {
    checkFileDictionaries();
    return write(true, option, codec);
  }

  /** The data in the IPC file format, written by arrow-java. Dictionaries must not change between batches. */
  public byte[] writeFile() {
    checkFileDictionaries();
    return write(true, IpcOption.DEFAULT, CompressionUtil.CodecType.NO_COMPRESSION);
  }

  private void checkFileDictionaries() {
    for (int i = 1; i < batches.size(); i++) {
      for (Map.Entry<Long, Dictionary> e : batches.get(i).dictionaries().entrySet()) {
        Dictionary first = batches.get(0).dictionaries().get(e.getKey());
        if (first != e.getValue()
            && !VectorEqualsVisitor.vectorEquals(first.getVector(), e.getValue().getVector())) {
          throw new IllegalStateException(
              "dictionary " + e.getKey() + " changes in batch " + i + "; the file format forbids that");
        }
      }
    }
  }

  private byte[] write(boolean file, IpcOption option, CompressionUtil.CodecType codec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Schema memory = ArrowJavaSchemas.toMemoryFormat(schema);
    Map<Long, Dictionary> emptyDictionaries = new LinkedHashMap<>();
    try (VectorSchemaRoot writeRoot = VectorSchemaRoot.create(memory, allocator)) {
      SwitchingProvider provider = new SwitchingProvider();
      if (batches.isEmpty()) {
        for (Field f : schema.getFields()) {
          DictionaryUtility.toMemoryFormat(f, allocator, emptyDictionaries);
        }
        provider.current = emptyDictionaries;
      } else {
        provider.current = batches.get(0).dictionaries();
      }
      CompressionCodec.Factory factory = codec == CompressionUtil.CodecType.NO_COMPRESSION
          ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
      try (ArrowWriter writer = file
          ? new ArrowFileWriter(writeRoot, provider, Channels.newChannel(out), null, option, factory, codec)
          : new ArrowStreamWriter(writeRoot, provider, Channels.newChannel(out), option, factory, codec)) {
        writer.start();
        for (Batch b : batches) {
          provider.current = b.dictionaries();
          try (ArrowRecordBatch rb = new VectorUnloader(b.root()).getRecordBatch()) {
            new VectorLoader(writeRoot).load(rb);
          }
          writer.writeBatch();
        }
        writer.end();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Dictionary d : emptyDictionaries.values()) {
        d.getVector().close();
      }
    }
    return out.toByteArray();
  }

  /** A deep copy of a root's vectors (same schema) into new buffers of {@code allocator}. */
  static VectorSchemaRoot copyRoot(VectorSchemaRoot source, BufferAllocator allocator) {
    VectorSchemaRoot copy = VectorSchemaRoot.create(source.getSchema(), allocator);
    try (ArrowRecordBatch rb = new VectorUnloader(source).getRecordBatch()) {
      List<ArrowBuf> buffers = new ArrayList<>();
      try {
        for (ArrowBuf b : rb.getBuffers()) {
          long n = b.writerIndex();
          ArrowBuf c = allocator.buffer(n);
          c.setBytes(0, b, 0, n);
          c.writerIndex(n);
          buffers.add(c);
        }
        try (ArrowRecordBatch copied = new ArrowRecordBatch(rb.getLength(), rb.getNodes(), buffers)) {
          new VectorLoader(copy).load(copied);
        }
      } finally {
        buffers.forEach(ArrowBuf::close);
      }
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
    return copy;
  }

  /** A deep copy of one vector (e.g. a dictionary) into new buffers of {@code allocator}. */
  static FieldVector copyVector(FieldVector vector, BufferAllocator allocator) {
    VectorSchemaRoot wrapper =
        new VectorSchemaRoot(List.of(vector.getField()), List.of(vector), vector.getValueCount());
    return copyRoot(wrapper, allocator).getVector(0);
  }

  @Override
  public void close() {
    Set<Object> closed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Batch b : batches) {
      b.root().close();
      for (Dictionary d : b.dictionaries().values()) {
        if (closed.add(d.getVector())) {
          d.getVector().close();
        }
      }
    }
  }

  @Override
  public String toString() {
    List<Integer> rows = batches.stream().map(Batch::rowCount).toList();
    return "ArrowJavaData[" + schema + ", batch rows=" + rows + "]";
  }

  /** A provider whose dictionaries can be switched between batches while a writer holds it. */
  private static final class SwitchingProvider implements DictionaryProvider {
    Map<Long, Dictionary> current = Map.of();

    @Override
    public Dictionary lookup(long id) {
      return current.get(id);
    }

    @Override
    public Set<Long> getDictionaryIds() {
      return current.keySet();
    }
  }

  private static final class FixedProvider implements DictionaryProvider {
    private final Map<Long, Dictionary> dictionaries;

    FixedProvider(Map<Long, Dictionary> dictionaries) {
      this.dictionaries = dictionaries;
    }

    @Override
    public Dictionary lookup(long id) {
      return dictionaries.get(id);
    }

    @Override
    public Set<Long> getDictionaryIds() {
      return dictionaries.keySet();
    }
  }
}
