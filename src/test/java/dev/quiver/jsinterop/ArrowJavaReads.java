package dev.quiver.jsinterop;

import dev.quiver.interop.ArrowJavaData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowFooter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;

/**
 * arrow-java's readers over IPC bytes, collected into an {@link ArrowJavaData} (for the bridge's
 * assertSameData), like {@code ArrowJavaData.read} but for what Arrow JS writes:
 * <ul>
 *   <li>Arrow JS's file writer puts no schema message after the leading magic (the footer holds the schema,
 *       which is what the format requires); {@code ArrowJavaData.read} takes the schema from that first
 *       message, so here a file's message-format schema comes from its footer;
 *   <li>batches are kept by loading arrow-java's own unloaded record batch into new vectors (sharing the
 *       buffers by reference count), so view types keep their variadic buffer counts.
 * </ul>
 */
final class ArrowJavaReads {
  private ArrowJavaReads() {}

  static ArrowJavaData read(byte[] ipc, boolean isFile, BufferAllocator allocator) {
    List<ArrowJavaData.Batch> batches = new ArrayList<>();
    Schema schema = isFile ? footerSchema(ipc) : streamSchema(ipc);
    try (ArrowReader reader = isFile
        ? new ArrowFileReader(new SeekableReadChannel(new ByteArrayReadableSeekableByteChannel(ipc)), allocator)
        : new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      try {
        while (reader.loadNextBatch()) {
          Map<Long, Dictionary> dictionaries = new LinkedHashMap<>();
          for (long id : reader.getDictionaryIds()) {
            Dictionary d = reader.lookup(id);
            dictionaries.put(id, new Dictionary(copy(d.getVector(), allocator), d.getEncoding()));
          }
          batches.add(new ArrowJavaData.Batch(copy(root, allocator), dictionaries));
        }
      } catch (IOException | RuntimeException e) {
        new ArrowJavaData(allocator, schema, batches).close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrowJavaData(allocator, schema, batches);
  }

  private static Schema footerSchema(byte[] ipc) {
    ByteBuffer bytes = ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN);
    int footerLength = bytes.getInt(ipc.length - 10);
    ByteBuffer footer = ByteBuffer.wrap(ipc, ipc.length - 10 - footerLength, footerLength).slice()
        .order(ByteOrder.LITTLE_ENDIAN);
    return new ArrowFooter(Footer.getRootAsFooter(footer)).getSchema();
  }

  private static Schema streamSchema(byte[] ipc) {
    try (ReadChannel in = new ReadChannel(Channels.newChannel(new ByteArrayInputStream(ipc)))) {
      return MessageSerializer.deserializeSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static VectorSchemaRoot copy(VectorSchemaRoot source, BufferAllocator allocator) {
    VectorSchemaRoot copy = VectorSchemaRoot.create(source.getSchema(), allocator);
    try (ArrowRecordBatch rb = new VectorUnloader(source).getRecordBatch()) {
      new VectorLoader(copy).load(rb);
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
    return copy;
  }

  private static FieldVector copy(FieldVector vector, BufferAllocator allocator) {
    VectorSchemaRoot wrapper =
        new VectorSchemaRoot(List.of(vector.getField()), List.of(vector), vector.getValueCount());
    return copy(wrapper, allocator).getVector(0);
  }
}
