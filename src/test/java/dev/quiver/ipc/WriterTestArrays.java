package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.DictionaryEncoding;
import dev.quiver.columnar.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-built arrays (BufferBuilder) for the writer tests; a null element is a null slot. */
final class WriterTestArrays {
  private WriterTestArrays() {}

  static Field dictField(String name, long id, ArrowType valueType) {
    return new Field(name, true, valueType, new DictionaryEncoding(id, ArrowType.INT32, false),
        List.of(), Map.of());
  }

  static ArrayData int32(Field field, Integer... values) {
    BufferBuilder validity = new BufferBuilder();
    BufferBuilder data = new BufferBuilder();
    int nulls = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        nulls++;
        data.putInt(0);
      } else {
        validity.setBit(i);
        data.putInt(values[i]);
      }
    }
    validity.resize((values.length + 7) / 8);
    return new ArrayData(field, values.length, nulls,
        List.of(nulls == 0 ? ArrayData.emptyBuffer() : validity.toByteBuffer(), data.toByteBuffer()),
        List.of(), null);
  }

  static ArrayData int64(Field field, Long... values) {
    BufferBuilder validity = new BufferBuilder();
    BufferBuilder data = new BufferBuilder();
    int nulls = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        nulls++;
        data.putLong(0);
      } else {
        validity.setBit(i);
        data.putLong(values[i]);
      }
    }
    validity.resize((values.length + 7) / 8);
    return new ArrayData(field, values.length, nulls,
        List.of(validity.toByteBuffer(), data.toByteBuffer()), List.of(), null);
  }

  static ArrayData utf8(Field field, String... values) {
    BufferBuilder validity = new BufferBuilder();
    BufferBuilder offsets = new BufferBuilder();
    BufferBuilder data = new BufferBuilder();
    int nulls = 0;
    offsets.putInt(0);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        nulls++;
      } else {
        validity.setBit(i);
        data.putBytes(values[i].getBytes(StandardCharsets.UTF_8));
      }
      offsets.putInt(data.size());
    }
    validity.resize((values.length + 7) / 8);
    return new ArrayData(field, values.length, nulls,
        List.of(validity.toByteBuffer(), offsets.toByteBuffer(), data.toByteBuffer()), List.of(), null);
  }

  /** A dictionary-encoded column: indices (null = null slot) into {@code dictionary}. */
  static ArrayData dictionaryEncoded(Field field, ArrayData dictionary, Integer... indices) {
    ArrayData plain = int32(field, indices);
    return new ArrayData(field, plain.length(), plain.nullCount(), plain.buffers(), List.of(), dictionary);
  }

  /** A list array over {@code child}; {@code lengths[i] < 0} is a null list. */
  static ArrayData list(Field field, ArrayData child, int... lengths) {
    BufferBuilder validity = new BufferBuilder();
    BufferBuilder offsets = new BufferBuilder();
    int nulls = 0;
    int end = 0;
    offsets.putInt(0);
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] < 0) {
        nulls++;
      } else {
        validity.setBit(i);
        end += lengths[i];
      }
      offsets.putInt(end);
    }
    validity.resize((lengths.length + 7) / 8);
    return new ArrayData(field, lengths.length, nulls,
        List.of(validity.toByteBuffer(), offsets.toByteBuffer()), List.of(child), null);
  }

  /** A struct array; {@code valid} null means all valid. */
  static ArrayData struct(Field field, boolean[] valid, ArrayData... children) {
    int length = children[0].length();
    BufferBuilder validity = new BufferBuilder();
    int nulls = 0;
    for (int i = 0; i < length; i++) {
      if (valid == null || valid[i]) {
        validity.setBit(i);
      } else {
        nulls++;
      }
    }
    validity.resize((length + 7) / 8);
    return new ArrayData(field, length, nulls, List.of(validity.toByteBuffer()),
        new ArrayList<>(List.of(children)), null);
  }
}
