package dev.quiver.bench;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import dev.quiver.columnar.RecordBatch;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * "Touch every value" the same way on both sides: each valid integer is summed, each valid float summed (as
 * its truncated long), each valid string adds its byte length, each valid list adds its item count and then
 * its items are touched, struct children are touched, a dictionary-encoded string adds the byte length of
 * the value its index points to. The result is a checksum both sides must agree on.
 */
final class Touch {
  private Touch() {}

  // ---- Quiver ----

  static long quiver(RecordBatch batch) {
    long sum = 0;
    for (ArrayData column : batch.columns()) {
      sum += quiver(column);
    }
    return sum;
  }

  static long quiver(ArrayData a) {
    int n = a.length();
    ByteBuffer validity = a.buffer(0);
    boolean nulls = a.nullCount() > 0 && validity.capacity() > 0;
    long sum = 0;
    if (a.field().isDictionaryEncoded()) {
      ByteBuffer indices = a.buffer(1);
      ByteBuffer offsets = a.dictionary().buffer(1);
      for (int i = 0; i < n; i++) {
        if (!nulls || Bits.get(validity, i)) {
          int k = indices.getInt(i << 2);
          sum += offsets.getInt((k + 1) << 2) - offsets.getInt(k << 2);
        }
      }
      return sum;
    }
    ArrowType type = a.type();
    if (type instanceof ArrowType.Int t) {
      ByteBuffer values = a.buffer(1);
      if (t.bitWidth() == 32) {
        for (int i = 0; i < n; i++) {
          if (!nulls || Bits.get(validity, i)) {
            sum += values.getInt(i << 2);
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          if (!nulls || Bits.get(validity, i)) {
            sum += values.getLong(i << 3);
          }
        }
      }
    } else if (type instanceof ArrowType.FloatingPoint) {
      ByteBuffer values = a.buffer(1);
      for (int i = 0; i < n; i++) {
        if (!nulls || Bits.get(validity, i)) {
          sum += (long) values.getDouble(i << 3);
        }
      }
    } else if (type instanceof ArrowType.Utf8) {
      ByteBuffer offsets = a.buffer(1);
      for (int i = 0; i < n; i++) {
        if (!nulls || Bits.get(validity, i)) {
          sum += offsets.getInt((i + 1) << 2) - offsets.getInt(i << 2);
        }
      }
    } else if (type instanceof ArrowType.List_) {
      ByteBuffer offsets = a.buffer(1);
      for (int i = 0; i < n; i++) {
        if (!nulls || Bits.get(validity, i)) {
          sum += offsets.getInt((i + 1) << 2) - offsets.getInt(i << 2);
        }
      }
      sum += quiver(a.child(0));
    } else if (type instanceof ArrowType.Struct) {
      for (ArrayData child : a.children()) {
        sum += quiver(child);
      }
    } else {
      throw new IllegalArgumentException("not a benchmark type: " + type);
    }
    return sum;
  }

  // ---- arrow-java ----

  static long arrowJava(VectorSchemaRoot root, DictionaryProvider dictionaries) {
    long sum = 0;
    for (FieldVector v : root.getFieldVectors()) {
      sum += arrowJava(v, dictionaries);
    }
    return sum;
  }

  static long arrowJava(FieldVector v, DictionaryProvider dictionaries) {
    int n = v.getValueCount();
    long sum = 0;
    if (v.getField().getDictionary() != null) {
      BaseIntVector indices = (BaseIntVector) v;
      VarCharVector values =
          (VarCharVector) dictionaries.lookup(v.getField().getDictionary().getId()).getVector();
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          sum += values.getValueLength((int) indices.getValueAsLong(i));
        }
      }
      return sum;
    }
    if (v instanceof IntVector iv) {
      for (int i = 0; i < n; i++) {
        if (!iv.isNull(i)) {
          sum += iv.get(i);
        }
      }
    } else if (v instanceof BigIntVector bv) {
      for (int i = 0; i < n; i++) {
        if (!bv.isNull(i)) {
          sum += bv.get(i);
        }
      }
    } else if (v instanceof Float8Vector fv) {
      for (int i = 0; i < n; i++) {
        if (!fv.isNull(i)) {
          sum += (long) fv.get(i);
        }
      }
    } else if (v instanceof VarCharVector sv) {
      for (int i = 0; i < n; i++) {
        if (!sv.isNull(i)) {
          sum += sv.getValueLength(i);
        }
      }
    } else if (v instanceof ListVector lv) {
      for (int i = 0; i < n; i++) {
        if (!lv.isNull(i)) {
          sum += lv.getElementEndIndex(i) - lv.getElementStartIndex(i);
        }
      }
      sum += arrowJava(lv.getDataVector(), dictionaries);
    } else if (v instanceof StructVector st) {
      for (FieldVector child : st.getChildrenFromFields()) {
        sum += arrowJava(child, dictionaries);
      }
    } else {
      throw new IllegalArgumentException("not a benchmark vector: " + v.getClass().getSimpleName());
    }
    return sum;
  }
}
