package dev.quiver.interop;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Quiver arrays to arrow-java vectors: for each batch, an {@link ArrowRecordBatch} is built from the arrays
 * (field nodes and buffers depth-first, in the layout's slot order, which is arrow-java's TypeLayout order for
 * every supported type) and loaded with arrow-java's {@link VectorLoader}, so arrow-java validates the layout
 * the way it does for IPC input. Each distinct dictionary {@link ArrayData} object becomes one arrow-java
 * {@link Dictionary}, shared by the batches that use it.
 */
final class ToArrowJava {
  private final BufferAllocator allocator;
  private final Map<ArrayData, Dictionary> dictionaries = new IdentityHashMap<>();
  private final Map<Long, ArrayData> lastById = new LinkedHashMap<>();

  private ToArrowJava(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  static ArrowJavaData convert(Schema schema, List<RecordBatch> batches, BufferAllocator allocator) {
    org.apache.arrow.vector.types.pojo.Schema message = ArrowJavaSchemas.toArrowJava(schema);
    org.apache.arrow.vector.types.pojo.Schema memory = ArrowJavaSchemas.toMemoryFormat(message);
    ToArrowJava converter = new ToArrowJava(allocator);
    List<ArrowJavaData.Batch> out = new ArrayList<>();
    try {
      for (RecordBatch batch : batches) {
        if (!batch.schema().equals(schema)) {
          throw new IllegalArgumentException("batch schema differs from the first: " + batch.schema());
        }
        VectorSchemaRoot root = VectorSchemaRoot.create(memory, allocator);
        out.add(new ArrowJavaData.Batch(root, Map.of()));
        Map<Long, Dictionary> used = new LinkedHashMap<>();
        for (ArrayData column : batch.columns()) {
          converter.collectDictionaries(column, used);
        }
        converter.load(root, batch.length(), batch.columns());
        out.set(out.size() - 1, new ArrowJavaData.Batch(root, used));
      }
    } catch (RuntimeException e) {
      new ArrowJavaData(allocator, message, out).close();
      converter.dictionaries.values().forEach(d -> d.getVector().close());
      throw e;
    }
    return new ArrowJavaData(allocator, message, out);
  }

  /** Registers the dictionaries of an array and its children (and of those dictionaries) in {@code used}. */
  private void collectDictionaries(ArrayData array, Map<Long, Dictionary> used) {
    Field f = array.field();
    if (f.isDictionaryEncoded()) {
      long id = f.dictionary().id();
      ArrayData values = array.dictionary() != null ? array.dictionary() : lastById.get(id);
      if (values == null) {
        values = new ArrayData(f.valueField(), 0, 0, emptySlots(f.valueField()), List.of(), null);
      }
      Dictionary d = dictionaries.get(values);
      if (d == null) {
        d = dictionaryVector(values, f);
        dictionaries.put(values, d);
      }
      collectDictionaries(values, used);
      lastById.put(id, values);
      used.put(id, d);
      return;
    }
    for (ArrayData c : array.children()) {
      collectDictionaries(c, used);
    }
  }

  private Dictionary dictionaryVector(ArrayData values, Field encodedField) {
    org.apache.arrow.vector.types.pojo.Field valueField =
        ArrowJavaSchemas.toMemoryFormat(ArrowJavaSchemas.toArrowJava(encodedField.valueField()));
    FieldVector vector = valueField.createVector(allocator);
    VectorSchemaRoot wrapper = new VectorSchemaRoot(List.of(valueField), List.of(vector), 0);
    try {
      load(wrapper, values.length(), List.of(values));
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
    dev.quiver.columnar.DictionaryEncoding q = encodedField.dictionary();
    DictionaryEncoding encoding = new DictionaryEncoding(q.id(), q.ordered(),
        (org.apache.arrow.vector.types.pojo.ArrowType.Int) ArrowJavaSchemas.toArrowJava(q.indexType()));
    return new Dictionary(vector, encoding);
  }

  private void load(VectorSchemaRoot root, int length, List<ArrayData> columns) {
    List<ArrowFieldNode> nodes = new ArrayList<>();
    List<ArrowBuf> buffers = new ArrayList<>();
    try {
      for (ArrayData column : columns) {
        flatten(column, nodes, buffers);
      }
      try (ArrowRecordBatch rb = new ArrowRecordBatch(length, nodes, buffers)) {
        new VectorLoader(root).load(rb);
      }
    } finally {
      buffers.forEach(ArrowBuf::close);
    }
  }

  /** Field nodes and buffers of an array, depth-first (a dictionary-encoded array: its indices only). */
  private void flatten(ArrayData array, List<ArrowFieldNode> nodes, List<ArrowBuf> buffers) {
    nodes.add(new ArrowFieldNode(array.length(), array.nullCount()));
    for (ByteBuffer b : array.buffers()) {
      buffers.add(arrowBuf(b));
    }
    if (array.field().isDictionaryEncoded()) {
      return;
    }
    for (ArrayData c : array.children()) {
      flatten(c, nodes, buffers);
    }
  }

  private ArrowBuf arrowBuf(ByteBuffer b) {
    int n = b.capacity();
    ArrowBuf buf = allocator.buffer(n);
    ByteBuffer src = b.duplicate();
    src.clear();
    byte[] bytes = new byte[n];
    src.get(bytes);
    buf.setBytes(0, bytes);
    buf.writerIndex(n);
    return buf;
  }

  private static List<ByteBuffer> emptySlots(Field f) {
    int slots;
    if (f.type() instanceof dev.quiver.columnar.ArrowType.Null) {
      slots = 0;
    } else if (f.type() instanceof dev.quiver.columnar.ArrowType.Struct
        || f.type() instanceof dev.quiver.columnar.ArrowType.FixedSizeList) {
      throw new IllegalArgumentException("no dictionary for field " + f.name() + " of nested type " + f.type());
    } else if (ToQuiver.fixedWidthBytes(f.type()) > 0 || f.type() instanceof dev.quiver.columnar.ArrowType.Bool) {
      slots = 2;
    } else {
      slots = 3;
    }
    List<ByteBuffer> out = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      out.add(ArrayData.emptyBuffer());
    }
    return out;
  }
}
