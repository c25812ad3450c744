package dev.quiver.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Fills arrow-java vectors with {@link SampleValues}, through arrow-java's own setters. A nullable field's
 * slot {@code k} is null when {@code (k + depth) % 7 == 3}; list sizes cycle 0..3 (maps 0..2), null lists
 * are empty. Dictionary-encoded fields get one dictionary per id (no nulls, 6 values), created on first use
 * and shared by every batch of the data set.
 */
final class SampleFiller {
  static final int DICTIONARY_SIZE = 6;

  private final BufferAllocator allocator;
  private final Map<Long, Dictionary> dictionaries = new LinkedHashMap<>();
  private int seed;

  SampleFiller(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  Map<Long, Dictionary> dictionaries() {
    return dictionaries;
  }

  void seed(int newSeed) {
    this.seed = newSeed;
  }

  /** Fills {@code v} (memory format) with {@code n} values of the message-format field {@code f}. */
  void fill(FieldVector v, Field f, int n, int depth, boolean allowNulls) {
    boolean nullable = allowNulls && f.isNullable();
    if (f.getDictionary() != null) {
      int size = dictionary(f, depth).getVector().getValueCount();
      allocate(v, n);
      int vi = 0;
      for (int k = 0; k < n; k++) {
        if (isNull(nullable, k, depth)) {
          ((BaseFixedWidthVector) v).setNull(k);
        } else {
          ((BaseIntVector) v).setWithPossibleTruncate(k, (vi++ + seed) % size);
        }
      }
      v.setValueCount(n);
      return;
    }
    ArrowType t = f.getType();
    if (v instanceof NullVector) {
      v.setValueCount(n);
      return;
    }
    if (v instanceof ListVector || v instanceof LargeListVector) {
      fillList(v, f, n, depth, nullable, allowNulls, t instanceof ArrowType.Map ? 3 : 4);
      return;
    }
    if (v instanceof FixedSizeListVector l) {
      fill(l.getDataVector(), f.getChildren().get(0), n * l.getListSize(), depth + 1, allowNulls);
      for (int k = 0; k < n; k++) {
        if (isNull(nullable, k, depth)) {
          l.setNull(k);
        } else {
          l.setNotNull(k);
        }
      }
      l.setValueCount(n);
      return;
    }
    if (v instanceof StructVector s) {
      List<FieldVector> children = s.getChildrenFromFields();
      s.setInitialCapacity(n);
      s.allocateNew();
      for (int c = 0; c < children.size(); c++) {
        fill(children.get(c), f.getChildren().get(c), n, depth + 1, allowNulls);
      }
      for (int k = 0; k < n; k++) {
        if (isNull(nullable, k, depth)) {
          s.setNull(k);
        } else {
          s.setIndexDefined(k);
        }
      }
      s.setValueCount(n);
      return;
    }
    allocate(v, n);
    int vi = 0;
    for (int k = 0; k < n; k++) {
      if (isNull(nullable, k, depth)) {
        setNull(v, k);
      } else {
        setValue(v, t, k, vi++);
      }
    }
    v.setValueCount(n);
  }

  private static boolean isNull(boolean nullable, int k, int depth) {
    return nullable && (k + depth) % 7 == 3;
  }

  private static void allocate(FieldVector v, int n) {
    v.setInitialCapacity(Math.max(n, 1));
    v.allocateNew();
  }

  private static void setNull(FieldVector v, int k) {
    if (v instanceof BaseFixedWidthVector fw) {
      fw.setNull(k);
    } else if (v instanceof org.apache.arrow.vector.BaseVariableWidthVector vw) {
      vw.setNull(k);
    } else if (v instanceof org.apache.arrow.vector.BaseLargeVariableWidthVector vw) {
      vw.setNull(k);
    } else {
      throw new IllegalArgumentException("cannot set null in " + v.getClass().getSimpleName());
    }
  }

  private void setValue(FieldVector v, ArrowType t, int k, int vi) {
    if (v instanceof BitVector b) {
      b.setSafe(k, vi % 3 == 0 ? 1 : 0);
    } else if (v instanceof DecimalVector d) {
      ArrowType.Decimal dt = (ArrowType.Decimal) t;
      d.setSafe(k, SampleValues.decimal(dt.getPrecision(), dt.getScale(), vi, seed));
    } else if (v instanceof Decimal256Vector d) {
      ArrowType.Decimal dt = (ArrowType.Decimal) t;
      d.setSafe(k, SampleValues.decimal(dt.getPrecision(), dt.getScale(), vi, seed));
    } else if (v instanceof Float2Vector f && vi >= SampleValues.FLOAT16_BITS.length) {
      f.setSafeWithPossibleTruncate(k, (vi % 64 - 32) * 0.5f + seed);
    } else if (v instanceof VariableWidthFieldVector vw) {
      boolean text = t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8;
      vw.setSafe(k, text
          ? SampleValues.string(vi, seed).getBytes(java.nio.charset.StandardCharsets.UTF_8)
          : SampleValues.binary(vi, seed));
    } else if (v instanceof BaseFixedWidthVector fw) {
      // Capacity for n values was allocated up front; write the value's bytes and its validity bit.
      byte[] bytes = fixedWidthBytes(t, fw.getTypeWidth(), vi);
      fw.getDataBuffer().setBytes((long) k * fw.getTypeWidth(), bytes);
      BitVectorHelper.setBit(fw.getValidityBuffer(), k);
    } else {
      throw new IllegalArgumentException("samples do not support " + t);
    }
  }

  /** The little-endian bytes of the {@code vi}-th value of a fixed-width type. */
  private byte[] fixedWidthBytes(ArrowType t, int width, int vi) {
    long bits;
    if (t instanceof ArrowType.Int i) {
      bits = i.getIsSigned()
          ? SampleValues.signedInt(i.getBitWidth(), vi, seed)
          : SampleValues.unsignedInt(i.getBitWidth(), vi, seed);
    } else if (t instanceof ArrowType.FloatingPoint fp) {
      bits = switch (fp.getPrecision()) {
        case HALF -> SampleValues.FLOAT16_BITS[vi];
        case SINGLE -> vi < SampleValues.FLOAT32_BITS.length
            ? SampleValues.FLOAT32_BITS[vi]
            : Float.floatToIntBits((vi - 50) * 0.25f + seed);
        case DOUBLE -> vi < SampleValues.FLOAT64_BITS.length
            ? SampleValues.FLOAT64_BITS[vi]
            : Double.doubleToLongBits((vi - 50) * 0.125 + seed);
      };
    } else if (t instanceof ArrowType.Date d) {
      long days = SampleValues.days(vi, seed);
      bits = d.getUnit() == org.apache.arrow.vector.types.DateUnit.DAY ? days : days * 86_400_000L;
    } else if (t instanceof ArrowType.Time tm) {
      bits = SampleValues.timeOfDay(perSecond(tm.getUnit()), vi, seed);
    } else if (t instanceof ArrowType.Timestamp ts) {
      bits = SampleValues.timestamp(perSecond(ts.getUnit()), vi, seed);
    } else if (t instanceof ArrowType.Duration d) {
      bits = SampleValues.duration(perSecond(d.getUnit()), vi, seed);
    } else if (t instanceof ArrowType.FixedSizeBinary b) {
      return SampleValues.fixedBinary(b.getByteWidth(), vi, seed);
    } else {
      throw new IllegalArgumentException("samples do not support " + t);
    }
    return SampleValues.littleEndian(bits, width);
  }

  private static long perSecond(org.apache.arrow.vector.types.TimeUnit unit) {
    return switch (unit) {
      case SECOND -> 1;
      case MILLISECOND -> 1_000;
      case MICROSECOND -> 1_000_000;
      case NANOSECOND -> 1_000_000_000;
    };
  }

  private void fillList(FieldVector v, Field f, int n, int depth, boolean nullable, boolean allowNulls,
      int sizes) {
    allocate(v, n);
    int total = 0;
    int vi = 0;
    for (int k = 0; k < n; k++) {
      boolean isNull = isNull(nullable, k, depth);
      int size = isNull ? 0 : vi++ % sizes;
      if (v instanceof ListVector l) {
        l.startNewValue(k);
        l.endValue(k, size);
        if (isNull) {
          BitVectorHelper.unsetBit(l.getValidityBuffer(), k);
        }
      } else {
        LargeListVector l = (LargeListVector) v;
        l.startNewValue(k);
        l.endValue(k, size);
        if (isNull) {
          BitVectorHelper.unsetBit(l.getValidityBuffer(), k);
        }
      }
      total += size;
    }
    FieldVector child = v.getChildrenFromFields().get(0);
    fill(child, f.getChildren().get(0), total, depth + 1, allowNulls);
    v.setValueCount(n);
  }

  /** The dictionary of a dictionary-encoded field, created (and filled without nulls) on first use. */
  private Dictionary dictionary(Field f, int depth) {
    long id = f.getDictionary().getId();
    Dictionary d = dictionaries.get(id);
    if (d == null) {
      Field valueField = new Field(f.getName(),
          new FieldType(f.isNullable(), f.getType(), null, f.getMetadata()), f.getChildren());
      FieldVector vector = ArrowJavaSchemas.toMemoryFormat(valueField).createVector(allocator);
      int saved = seed;
      seed = 0;
      fill(vector, valueField, DICTIONARY_SIZE, depth, false);
      seed = saved;
      d = new Dictionary(vector, f.getDictionary());
      dictionaries.put(id, d);
    }
    return d;
  }
}
