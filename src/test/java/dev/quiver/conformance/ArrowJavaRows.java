package dev.quiver.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;

/**
 * IPC bytes read by arrow-java's own readers (with arrow-compression's codecs, so compressed bodies too)
 * and rendered with {@link LogicalRows} while the reader is open: no copy of arrow-java's vectors, so every
 * type arrow-java reads can be compared (views with several variadic buffers included).
 *
 * @param schema the schema as the IPC schema message has it (dictionary-encoded fields typed by values)
 * @param batches per record batch, its rendered rows
 */
record ArrowJavaRows(Schema schema, List<List<List<String>>> batches) {

  static ArrowJavaRows read(byte[] ipc, boolean isFile) {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowReader reader = isFile
            ? new ArrowFileReader(new SeekableReadChannel(new ByteArrayReadableSeekableByteChannel(ipc)),
                allocator, CommonsCompressionFactory.INSTANCE)
            : new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator,
                CommonsCompressionFactory.INSTANCE)) {
      List<List<List<String>>> batches = new ArrayList<>();
      Schema message = messageSchema(ipc, isFile);
      reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        Map<Long, Dictionary> dictionaries = new LinkedHashMap<>();
        for (long id : reader.getDictionaryIds()) {
          dictionaries.put(id, reader.lookup(id));
        }
        batches.add(LogicalRows.of(reader.getVectorSchemaRoot(), dictionaries, message));
      }
      return new ArrowJavaRows(message, batches);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema message of a stream, or of a file (its embedded stream starts at byte 8). */
  static Schema messageSchema(byte[] ipc, boolean isFile) throws IOException {
    int start = isFile ? 8 : 0;
    try (ReadChannel in = new ReadChannel(
        Channels.newChannel(new ByteArrayInputStream(ipc, start, ipc.length - start)))) {
      return MessageSerializer.deserializeSchema(in);
    }
  }
}
