package dev.quiver.conformance;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Decimal;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.Type;

/**
 * decimal32 and decimal64 cases. arrow-java 19 has no vectors for them (only 128 and 256 bits), so they
 * are built as our own arrays and checked at byte level: the schema message must carry
 * {@code Decimal(precision, scale, bitWidth)} and each record batch body the little-endian unscaled values
 * (two's complement, {@code bitWidth / 8} bytes each) and the validity bits.
 */
final class SmallDecimals {
  /** A case: its bit width, precision, scale and per batch the unscaled values (null = null). */
  record Spec(String name, int bitWidth, int precision, int scale, List<List<Long>> batches) {
    int width() {
      return bitWidth / 8;
    }

    Field field() {
      return new Field("value", true, new ArrowType.Decimal(precision, scale, bitWidth), null, List.of(), Map.of());
    }

    Schema schema() {
      return new Schema(List.of(field()), Map.of("case", name));
    }

    /** The expected rows, as {@link LogicalRows} renders them: the hex of the little-endian value. */
    List<List<List<String>>> rows() {
      List<List<List<String>>> out = new ArrayList<>();
      for (List<Long> batch : batches) {
        List<List<String>> rows = new ArrayList<>();
        for (Long v : batch) {
          rows.add(List.of(v == null ? "null" : HexFormat.of().formatHex(littleEndian(v))));
        }
        out.add(rows);
      }
      return out;
    }

    byte[] littleEndian(long v) {
      ByteBuffer b = ByteBuffer.allocate(width()).order(ByteOrder.LITTLE_ENDIAN);
      if (width() == 4) {
        b.putInt(Math.toIntExact(v));
      } else {
        b.putLong(v);
      }
      return b.array();
    }

    List<RecordBatch> recordBatches() {
      List<RecordBatch> out = new ArrayList<>();
      for (List<Long> values : batches) {
        int n = values.size();
        ByteBuffer validity = ByteBuffer.allocate((n + 7) / 8).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer data = ByteBuffer.allocate(n * width()).order(ByteOrder.LITTLE_ENDIAN);
        int nulls = 0;
        for (int i = 0; i < n; i++) {
          Long v = values.get(i);
          if (v == null) {
            nulls++;
          } else {
            validity.put(i / 8, (byte) (validity.get(i / 8) | 1 << (i % 8)));
            data.put(i * width(), littleEndian(v));
          }
        }
        ArrayData column = new ArrayData(field(), n, nulls, List.of(validity, data), List.of(), null);
        out.add(new RecordBatch(schema(), n, List.of(column)));
      }
      return out;
    }
  }

  private SmallDecimals() {}

  static List<Spec> all() {
    long max9 = 999_999_999L;
    long max18 = 999_999_999_999_999_999L;
    return List.of(
        new Spec("decimal32", 32, 9, 2, List.of(
            nullable(0L, 1L, -1L, max9, -max9, null, 12_345L), List.of(), series(50, 7_654_321L, 4))),
        new Spec("decimal64", 64, 18, 3, List.of(
            nullable(0L, 1L, -1L, max18, -max18, null, 1_234_567_890_123L), List.of(),
            series(50, 123_456_789_012_345L, 5))));
  }

  private static List<Long> nullable(Long... values) {
    return java.util.Arrays.asList(values);
  }

  private static List<Long> series(int n, long step, int nullEvery) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i % nullEvery == 3 ? null : (i % 2 == 0 ? 1 : -1) * step * i % 999_999_999L);
    }
    return out;
  }

  /**
   * Asserts what our writer wrote, byte by byte: the schema's Decimal type and, per record batch, the
   * validity bits and the values (uncompressed bodies only).
   */
  static void assertWire(Spec spec, byte[] ipc, boolean isFile) {
    List<IpcMessages.Msg> messages = IpcMessages.of(ipc, isFile);
    IpcMessages.Msg schemaMessage = messages.get(0);
    if (schemaMessage.headerType() != MessageHeader.Schema) {
      throw new AssertionError(spec.name() + ": first message is " + MessageHeader.name(schemaMessage.headerType()));
    }
    org.apache.arrow.flatbuf.Schema schema =
        (org.apache.arrow.flatbuf.Schema) schemaMessage.message().header(new org.apache.arrow.flatbuf.Schema());
    org.apache.arrow.flatbuf.Field field = schema.fields(0);
    if (field.typeType() != Type.Decimal) {
      throw new AssertionError(spec.name() + ": field type " + Type.name(field.typeType()));
    }
    Decimal d = (Decimal) field.type(new Decimal());
    if (d.bitWidth() != spec.bitWidth() || d.precision() != spec.precision() || d.scale() != spec.scale()) {
      throw new AssertionError(spec.name() + ": Decimal(" + d.precision() + ", " + d.scale() + ", " + d.bitWidth()
          + ") on the wire, expected Decimal(" + spec.precision() + ", " + spec.scale() + ", " + spec.bitWidth() + ")");
    }
    int batch = 0;
    for (IpcMessages.Msg m : messages) {
      if (m.headerType() != MessageHeader.RecordBatch) {
        continue;
      }
      List<Long> values = spec.batches().get(batch);
      org.apache.arrow.flatbuf.RecordBatch rb = m.recordBatch();
      if (rb.length() != values.size() || rb.nodes(0).length() != values.size()) {
        throw new AssertionError(spec.name() + " batch " + batch + ": length " + rb.length());
      }
      long nulls = values.stream().filter(v -> v == null).count();
      if (rb.nodes(0).nullCount() != nulls) {
        throw new AssertionError(spec.name() + " batch " + batch + ": null count " + rb.nodes(0).nullCount());
      }
      Buffer validity = rb.buffers(0);
      Buffer data = rb.buffers(1);
      if (data.length() < (long) values.size() * spec.width()) {
        throw new AssertionError(spec.name() + " batch " + batch + ": values buffer of " + data.length() + " bytes");
      }
      for (int i = 0; i < values.size(); i++) {
        Long v = values.get(i);
        boolean valid = validity.length() == 0
            || (m.body().get((int) validity.offset() + i / 8) >> (i % 8) & 1) == 1;
        if (valid != (v != null)) {
          throw new AssertionError(spec.name() + " batch " + batch + " row " + i + ": validity bit " + valid);
        }
        if (v == null) {
          continue;
        }
        byte[] actual = new byte[spec.width()];
        m.body().get((int) data.offset() + i * spec.width(), actual);
        if (!java.util.Arrays.equals(actual, spec.littleEndian(v))) {
          throw new AssertionError(spec.name() + " batch " + batch + " row " + i + ": bytes "
              + HexFormat.of().formatHex(actual) + ", expected " + HexFormat.of().formatHex(spec.littleEndian(v))
              + " (" + v + " as " + spec.bitWidth() + "-bit little-endian two's complement)");
        }
      }
      batch++;
    }
    if (batch != spec.batches().size()) {
      throw new AssertionError(spec.name() + ": " + batch + " record batches on the wire");
    }
  }
}
