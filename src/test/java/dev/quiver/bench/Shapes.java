package dev.quiver.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The data shapes of the codec benchmarks, built with arrow-java: one record batch (its vectors and the
 * dictionaries it uses) that a stream or file repeats {@code batches} times. Values are deterministic
 * (seeded), about one in seven is null.
 *
 * <ul>
 *   <li>narrow: int32, int64, float64; 65,536 rows a batch, 8 batches
 *   <li>wide: 300 columns alternating int32 and float64; 2,048 rows a batch, 8 batches
 *   <li>strings: two utf8 columns (0..40 and 2..12 bytes); 65,536 rows, 8 batches
 *   <li>nested: list&lt;int32&gt; (0..7 items) and struct&lt;a: int64, b: utf8&gt;; 32,768 rows, 8 batches
 *   <li>dictionary: utf8 dictionary of 1,000 values with int32 indices, plus an int64; 65,536 rows, 8 batches
 * </ul>
 */
final class Shapes {
  static final String[] NAMES = {"narrow", "wide", "strings", "nested", "dictionary"};

  private Shapes() {}

  /** One batch of a shape, held by arrow-java, and how many times the benchmark data repeats it. */
  record Shape(String name, VectorSchemaRoot root, DictionaryProvider provider, int batches)
      implements AutoCloseable {
    /** The data as an Arrow IPC stream written by arrow-java. */
    byte[] stream() {
      return write(false);
    }

    /** The data as an Arrow IPC file written by arrow-java. */
    byte[] file() {
      return write(true);
    }

    private byte[] write(boolean file) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArrowWriter writer = file
          ? new ArrowFileWriter(root, provider, Channels.newChannel(out))
          : new ArrowStreamWriter(root, provider, out)) {
        writer.start();
        for (int i = 0; i < batches; i++) {
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
      root.close();
      for (long id : provider.getDictionaryIds()) {
        provider.lookup(id).getVector().close();
      }
    }
  }

  static Shape create(String name, BufferAllocator allocator) {
    return switch (name) {
      case "narrow" -> narrow(allocator);
      case "wide" -> wide(allocator);
      case "strings" -> strings(allocator);
      case "nested" -> nested(allocator);
      case "dictionary" -> dictionary(allocator);
      default -> throw new IllegalArgumentException("unknown shape: " + name);
    };
  }

  private static Shape narrow(BufferAllocator allocator) {
    int rows = 65_536;
    SplittableRandom random = new SplittableRandom(1);
    IntVector a = new IntVector("i32", allocator);
    BigIntVector b = new BigIntVector("i64", allocator);
    Float8Vector c = new Float8Vector("f64", allocator);
    for (int i = 0; i < rows; i++) {
      setOrNull(a, i, random.nextInt());
      b.setSafe(i, random.nextLong());
      c.setSafe(i, random.nextDouble());
    }
    return shape("narrow", rows, 8, allocator, a, b, c);
  }

  private static Shape wide(BufferAllocator allocator) {
    int rows = 2_048;
    int columns = 300;
    SplittableRandom random = new SplittableRandom(2);
    List<FieldVector> vectors = new ArrayList<>();
    for (int col = 0; col < columns; col++) {
      if (col % 2 == 0) {
        IntVector v = new IntVector("c" + col, allocator);
        for (int i = 0; i < rows; i++) {
          setOrNull(v, i, random.nextInt(1_000_000));
        }
        vectors.add(v);
      } else {
        Float8Vector v = new Float8Vector("c" + col, allocator);
        for (int i = 0; i < rows; i++) {
          v.setSafe(i, random.nextDouble());
        }
        vectors.add(v);
      }
    }
    return shape("wide", rows, 8, allocator, vectors.toArray(new FieldVector[0]));
  }

  private static Shape strings(BufferAllocator allocator) {
    int rows = 65_536;
    SplittableRandom random = new SplittableRandom(3);
    VarCharVector a = new VarCharVector("text", allocator);
    VarCharVector b = new VarCharVector("word", allocator);
    for (int i = 0; i < rows; i++) {
      if (i % 7 == 3) {
        a.setNull(i);
      } else {
        a.setSafe(i, text(random, random.nextInt(41)));
      }
      b.setSafe(i, text(random, 2 + random.nextInt(11)));
    }
    return shape("strings", rows, 8, allocator, a, b);
  }

  private static Shape nested(BufferAllocator allocator) {
    int rows = 32_768;
    SplittableRandom random = new SplittableRandom(4);
    ListVector list = ListVector.empty("list", allocator);
    UnionListWriter writer = list.getWriter();
    for (int i = 0; i < rows; i++) {
      writer.setPosition(i);
      if (i % 7 == 3) {
        continue; // null list (validity bit stays unset)
      }
      writer.startList();
      int n = random.nextInt(8);
      for (int j = 0; j < n; j++) {
        writer.writeInt(random.nextInt(1000));
      }
      writer.endList();
    }
    writer.setValueCount(rows);
    StructVector struct = StructVector.empty("struct", allocator);
    BigIntVector sa = struct.addOrGet("a", FieldType.nullable(new ArrowType.Int(64, true)), BigIntVector.class);
    VarCharVector sb = struct.addOrGet("b", FieldType.nullable(new ArrowType.Utf8()), VarCharVector.class);
    for (int i = 0; i < rows; i++) {
      struct.setIndexDefined(i);
      sa.setSafe(i, random.nextLong());
      sb.setSafe(i, text(random, random.nextInt(16)));
    }
    sa.setValueCount(rows);
    sb.setValueCount(rows);
    struct.setValueCount(rows);
    return shape("nested", rows, 8, allocator, list, struct);
  }

  private static Shape dictionary(BufferAllocator allocator) {
    int rows = 65_536;
    int distinct = 1_000;
    SplittableRandom random = new SplittableRandom(5);
    VarCharVector values = new VarCharVector("values", allocator);
    for (int i = 0; i < distinct; i++) {
      values.setSafe(i, ("category-" + i + "-" + text(random, random.nextInt(12)).length)
          .getBytes(StandardCharsets.UTF_8));
    }
    values.setValueCount(distinct);
    DictionaryEncoding encoding = new DictionaryEncoding(0, false, new ArrowType.Int(32, true));
    Field field = new Field("category", new FieldType(true, new ArrowType.Int(32, true), encoding), null);
    IntVector indices = (IntVector) field.createVector(allocator);
    BigIntVector amount = new BigIntVector("amount", allocator);
    for (int i = 0; i < rows; i++) {
      setOrNull(indices, i, random.nextInt(distinct));
      amount.setSafe(i, random.nextLong(1_000_000));
    }
    DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
    provider.put(new Dictionary(values, encoding));
    indices.setValueCount(rows);
    amount.setValueCount(rows);
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(indices, amount));
    root.setRowCount(rows);
    return new Shape("dictionary", root, provider, 8);
  }

  private static Shape shape(String name, int rows, int batches, BufferAllocator allocator,
      FieldVector... vectors) {
    for (FieldVector v : vectors) {
      v.setValueCount(rows);
    }
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(vectors));
    root.setRowCount(rows);
    return new Shape(name, root, new DictionaryProvider.MapDictionaryProvider(), batches);
  }

  private static void setOrNull(IntVector v, int i, int value) {
    if (i % 7 == 3) {
      v.setNull(i);
    } else {
      v.setSafe(i, value);
    }
  }

  private static byte[] text(SplittableRandom random, int length) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) ('a' + random.nextInt(26));
    }
    return b;
  }
}
