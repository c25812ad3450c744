package dev.quiver.fuzz;

import dev.quiver.fuzz.Seeds.Seed;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ViewVarBinaryVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.complex.ListViewVector;
import org.apache.arrow.vector.complex.RunEndEncodedVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams and files of the types no golden file covers, written by arrow-java: utf8_view and binary_view
 * (inline and out-of-line values, nulls), list_view, and run-end encoded utf8.
 */
final class ExtraSamples {
  private ExtraSamples() {}

  static final Schema SCHEMA = new Schema(List.of(
      new Field("utf8_view", FieldType.nullable(ArrowType.Utf8View.INSTANCE), null),
      new Field("binary_view", FieldType.nullable(ArrowType.BinaryView.INSTANCE), null),
      new Field("list_view", FieldType.nullable(ArrowType.ListView.INSTANCE),
          List.of(new Field("item", FieldType.nullable(new ArrowType.Int(32, true)), null))),
      new Field("ree", FieldType.notNullable(ArrowType.RunEndEncoded.INSTANCE), List.of(
          new Field("run_ends", FieldType.notNullable(new ArrowType.Int(32, true)), null),
          new Field("values", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)))));

  static void add(List<Seed> seeds) {
    seeds.add(Seed.of("extra-views-ree", write(false), false));
    seeds.add(Seed.of("extra-views-ree", write(true), true));
  }

  /** Writes with a private allocator: arrow-java's view vectors keep a variadic buffer after clear(). */
  static byte[] write(boolean file) {
    BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator();
    byte[] bytes = write(allocator, file);
    try {
      allocator.close();
    } catch (IllegalStateException leak) {
      // arrow-java's leak, not ours; the bytes are complete
    }
    return bytes;
  }

  /** The extra sample as an arrow-java stream or file: batches of 20, 0 and 3 rows. */
  static byte[] write(BufferAllocator allocator, boolean file) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (var writer = file ? new ArrowFileWriter(root, null, Channels.newChannel(out))
          : new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
        writer.start();
        for (int rows : new int[] {20, 0, 3}) {
          fill(root, rows);
          writer.writeBatch();
        }
        writer.end();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }

  private static void fill(VectorSchemaRoot root, int rows) {
    root.allocateNew();
    ViewVarCharVector utf8 = (ViewVarCharVector) root.getVector(0);
    ViewVarBinaryVector binary = (ViewVarBinaryVector) root.getVector(1);
    for (int r = 0; r < rows; r++) {
      if (r % 5 == 3) {
        utf8.setNull(r);
        binary.setNull(r);
        continue;
      }
      String s = r % 2 == 0 ? "s" + r : "a longer value, row " + r + " \u00e9";
      utf8.setSafe(r, s.getBytes(StandardCharsets.UTF_8));
      binary.setSafe(r, ("bytes-" + "x".repeat(r)).getBytes(StandardCharsets.UTF_8));
    }
    utf8.setValueCount(rows);
    binary.setValueCount(rows);

    ListViewVector lists = (ListViewVector) root.getVector(2);
    IntVector items = (IntVector) lists.getDataVector();
    int itemCount = Math.max(rows, 1) + 4;
    items.allocateNew(itemCount);
    for (int k = 0; k < itemCount; k++) {
      items.setSafe(k, k * 3);
    }
    items.setValueCount(itemCount);
    for (int r = 0; r < rows; r++) {
      if (r % 4 == 1) {
        lists.setNull(r);
        continue;
      }
      lists.setValidity(r, 1);
      lists.setOffset(r, (r * 7) % itemCount / 2);
      lists.setSize(r, r % 4);
    }
    lists.setValueCount(rows);

    RunEndEncodedVector ree = (RunEndEncodedVector) root.getVector(3);
    List<FieldVector> children = ree.getChildrenFromFields();
    IntVector runEnds = (IntVector) children.get(0);
    VarCharVector values = (VarCharVector) children.get(1);
    int runs = 0;
    for (int end = 0; end < rows; runs++) {
      end = Math.min(rows, end + 1 + runs % 3);
      runEnds.setSafe(runs, end);
      if (runs % 3 == 2) {
        values.setNull(runs);
      } else {
        values.setSafe(runs, ("run" + runs).getBytes(StandardCharsets.UTF_8));
      }
    }
    runEnds.setValueCount(runs);
    values.setValueCount(runs);
    ree.setValueCount(rows);
    root.setRowCount(rows);
  }
}
