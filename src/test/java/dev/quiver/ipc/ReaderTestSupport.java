package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
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
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Small arrow-java written inputs and value accessors over our ArrayData, for the reader tests. */
final class ReaderTestSupport {
  private ReaderTestSupport() {}

  /** A few columns (int32, utf8, list of int32, struct, dictionary-encoded utf8) over two batches. */
  static byte[] smallIpc(BufferAllocator allocator, boolean file, boolean legacy) throws IOException {
    DictionaryEncoding encoding = new DictionaryEncoding(7L, false, new ArrowType.Int(16, true));
    try (VarCharVector dictValues = new VarCharVector("dict", allocator);
        IntVector ints = new IntVector("ints", allocator);
        VarCharVector strings = new VarCharVector("strings", allocator);
        ListVector lists = ListVector.empty("lists", allocator);
        StructVector struct = StructVector.empty("struct", allocator);
        org.apache.arrow.vector.SmallIntVector codes = new org.apache.arrow.vector.SmallIntVector(
            new Field("codes", new FieldType(true, new ArrowType.Int(16, true), encoding), null), allocator)) {
      dictValues.allocateNew();
      String[] words = {"alpha", "beta", "gamma"};
      for (int i = 0; i < words.length; i++) {
        dictValues.setSafe(i, words[i].getBytes(StandardCharsets.UTF_8));
      }
      dictValues.setValueCount(words.length);
      DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
      provider.put(new Dictionary(dictValues, encoding));
      lists.addOrGetVector(FieldType.nullable(new ArrowType.Int(32, true)));
      struct.addOrGet("a", FieldType.nullable(new ArrowType.Int(64, true)), BigIntVector.class);
      List<FieldVector> vectors = List.of(ints, strings, lists, struct, codes);
      VectorSchemaRoot root = new VectorSchemaRoot(vectors);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      IpcOption option = legacy ? new IpcOption(true, org.apache.arrow.vector.types.MetadataVersion.V4)
          : IpcOption.DEFAULT;
      try (var writer = file
          ? new ArrowFileWriter(root, provider, Channels.newChannel(out), null, option)
          : new ArrowStreamWriter(root, provider, Channels.newChannel(out), option)) {
        writer.start();
        for (int batch = 0; batch < 2; batch++) {
          int rows = batch == 0 ? 5 : 3;
          root.allocateNew();
          UnionListWriter lw = lists.getWriter();
          BigIntVector a = struct.getChild("a", BigIntVector.class);
          for (int r = 0; r < rows; r++) {
            int v = batch * 100 + r;
            if (r == 1) {
              ints.setNull(r);
              strings.setNull(r);
              codes.setNull(r);
            } else {
              ints.setSafe(r, v);
              strings.setSafe(r, ("s" + v + "\u00e9").getBytes(StandardCharsets.UTF_8));
              codes.setSafe(r, r % 3);
            }
            lw.setPosition(r);
            lw.startList();
            for (int k = 0; k < r; k++) {
              lw.integer().writeInt(v + k);
            }
            lw.endList();
            struct.setIndexDefined(r);
            a.setSafe(r, v * 10L);
          }
          lw.setValueCount(rows);
          root.setRowCount(rows);
          writer.writeBatch();
        }
        writer.end();
      }
      return out.toByteArray();
    }
  }

  static StreamReader streamReader(byte[] bytes) {
    return new StreamReader(new ByteArrayInputStream(bytes), IpcLimits.defaults());
  }

  static FileReader fileReader(byte[] bytes) {
    return FileReader.open(ByteSource.of(ByteBuffer.wrap(bytes)), IpcLimits.defaults());
  }

  static Integer int32(ArrayData a, int row) {
    return a.isValid(row) ? a.buffer(1).getInt(row * 4) : null;
  }

  static Long int64(ArrayData a, int row) {
    return a.isValid(row) ? a.buffer(1).getLong(row * 8) : null;
  }

  static String utf8(ArrayData a, int row) {
    if (!a.isValid(row)) {
      return null;
    }
    int from = a.buffer(1).getInt(row * 4);
    int to = a.buffer(1).getInt(row * 4 + 4);
    byte[] bytes = new byte[to - from];
    a.buffer(2).get(from, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static List<Integer> int32List(ArrayData list, int row) {
    int from = list.buffer(1).getInt(row * 4);
    int to = list.buffer(1).getInt(row * 4 + 4);
    List<Integer> values = new ArrayList<>();
    for (int k = from; k < to; k++) {
      values.add(int32(list.child(0), k));
    }
    return values;
  }

  /** Decoded value of a dictionary-encoded utf8 column with int16 indices. */
  static String dictUtf8(ArrayData a, int row) {
    return a.isValid(row) ? utf8(a.dictionary(), a.buffer(1).getShort(row * 2)) : null;
  }
}
