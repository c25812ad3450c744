package dev.quiver.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Data built with arrow-java for a generated case: record batches in memory format (a dictionary-encoded
 * column holds indices) and, before each batch, the dictionary messages to send -- a first definition, a
 * delta (only the new entries) or a replacement -- plus, for rendering, the full dictionaries in force for
 * each batch. Written with arrow-java's own stream and file writers (with arrow-compression's codecs), whose
 * automatic dictionary handling is replaced by exactly these messages. Owns its vectors.
 */
final class ArrowJavaCase implements AutoCloseable {
  /** A dictionary message: the vector sent and whether it is a delta. */
  record DictionaryMessage(Dictionary dictionary, boolean delta) {}

  /** One record batch with the dictionary messages before it and the dictionaries in force for it. */
  record Batch(VectorSchemaRoot root, List<DictionaryMessage> messages, Map<Long, Dictionary> inForce) {}

  private final BufferAllocator allocator;
  private final Schema memorySchema;
  private final List<Batch> batches = new ArrayList<>();

  ArrowJavaCase(BufferAllocator allocator, Schema memorySchema) {
    this.allocator = allocator;
    this.memorySchema = memorySchema;
  }

  BufferAllocator allocator() {
    return allocator;
  }

  /** A new empty root of the case's schema, for the builder to fill and {@link #add}. */
  VectorSchemaRoot newRoot() {
    return VectorSchemaRoot.create(memorySchema, allocator);
  }

  void add(VectorSchemaRoot root, List<DictionaryMessage> messages, Map<Long, Dictionary> inForce) {
    batches.add(new Batch(root, List.copyOf(messages), new LinkedHashMap<>(inForce)));
  }

  List<Batch> batches() {
    return batches;
  }

  /** The expected rows, rendered from the vectors themselves, with the message-format schema. */
  List<List<List<String>>> rows(Schema message) {
    return batches.stream().map(b -> LogicalRows.of(b.root(), b.inForce(), message)).toList();
  }

  /** The case written by arrow-java as a stream or file, bodies compressed with {@code codec}. */
  byte[] write(boolean file, CompressionUtil.CodecType codec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<Long, Dictionary> first = new LinkedHashMap<>();
    for (Batch b : batches) {
      b.inForce().forEach(first::putIfAbsent);
    }
    DictionaryProvider provider = new DictionaryProvider() {
      @Override
      public Dictionary lookup(long id) {
        return first.get(id);
      }

      @Override
      public Set<Long> getDictionaryIds() {
        return first.keySet();
      }
    };
    CompressionCodec compressor = codec == CompressionUtil.CodecType.NO_COMPRESSION
        ? NoCompressionCodec.INSTANCE : CommonsCompressionFactory.INSTANCE.createCodec(codec);
    WritableByteChannel channel = Channels.newChannel(out);
    try (VectorSchemaRoot writeRoot = VectorSchemaRoot.create(memorySchema, allocator);
        ArrowWriter writer = file
            ? new FileWriter(writeRoot, provider, channel, codec)
            : new StreamWriter(writeRoot, provider, channel, codec)) {
      writer.start();
      for (Batch b : batches) {
        for (DictionaryMessage m : b.messages()) {
          FieldVector v = m.dictionary().getVector();
          VectorSchemaRoot dictionaryRoot = new VectorSchemaRoot(List.of(v.getField()), List.of(v), v.getValueCount());
          ArrowRecordBatch body = new VectorUnloader(dictionaryRoot, true, compressor, true).getRecordBatch();
          try (ArrowDictionaryBatch batch =
              new ArrowDictionaryBatch(m.dictionary().getEncoding().getId(), body, m.delta())) {
            if (writer instanceof FileWriter f) {
              f.dictionary(batch);
            } else {
              ((StreamWriter) writer).dictionary(batch);
            }
          }
        }
        try (ArrowRecordBatch rb = new VectorUnloader(b.root()).getRecordBatch()) {
          new VectorLoader(writeRoot).load(rb);
        }
        writer.writeBatch();
      }
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    Set<Object> closed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Batch b : batches) {
      b.root().close();
      for (DictionaryMessage m : b.messages()) {
        if (closed.add(m.dictionary().getVector())) {
          m.dictionary().getVector().close();
        }
      }
      for (Dictionary d : b.inForce().values()) {
        if (closed.add(d.getVector())) {
          d.getVector().close();
        }
      }
    }
  }

  private static CompressionCodec.Factory factory(CompressionUtil.CodecType codec) {
    return codec == CompressionUtil.CodecType.NO_COMPRESSION
        ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
  }

  /** arrow-java's stream writer, sending only the dictionary messages it is given. */
  private static final class StreamWriter extends ArrowStreamWriter {
    StreamWriter(VectorSchemaRoot root, DictionaryProvider provider, WritableByteChannel out,
        CompressionUtil.CodecType codec) {
      super(root, provider, out, IpcOption.DEFAULT, factory(codec), codec);
    }

    @Override
    protected void ensureDictionariesWritten(DictionaryProvider provider, Set<Long> dictionaryIdsUsed) {
      // the case sends its dictionary messages itself
    }

    void dictionary(ArrowDictionaryBatch batch) throws IOException {
      writeDictionaryBatch(batch);
    }
  }

  /** arrow-java's file writer, sending only the dictionary messages it is given. */
  private static final class FileWriter extends ArrowFileWriter {
    FileWriter(VectorSchemaRoot root, DictionaryProvider provider, WritableByteChannel out,
        CompressionUtil.CodecType codec) {
      super(root, provider, out, null, IpcOption.DEFAULT, factory(codec), codec);
    }

    @Override
    protected void ensureDictionariesWritten(DictionaryProvider provider, Set<Long> dictionaryIdsUsed) {
      // the case sends its dictionary messages itself
    }

    void dictionary(ArrowDictionaryBatch batch) throws IOException {
      writeDictionaryBatch(batch);
    }
  }
}
