package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Bits;
import java.nio.ByteBuffer;

/**
 * Full structural validation of decoded arrays before anyone reads them (what Arrow C++ calls
 * ValidateFull, minus the purely semantic checks on decimal precision and time ranges that old writers
 * violate): buffer sizes, null counts against bitmaps, offsets monotonic and in range, valid UTF-8, child
 * lengths, map shape, union type ids and offsets, run ends, dictionary indices in range.
 */
final class ArrayValidator {
  private final String where;

  private ArrayValidator(String where) {
    this.where = where;
  }

  /** Builds the exception for a problem at a column path. */
  interface Errors {
    ArrowFormatException error(String path, String what);
  }

  /** Validates {@code array} and its children (dictionaries are validated when they are decoded). */
  static void validate(ArrayData array, String where, String path) {
    validate(array, where, ColumnPath.of(path));
  }

  /** As {@link #validate(ArrayData, String, String)}, the path's text built only for an error. */
  static void validate(ArrayData array, String where, ColumnPath path) {
    new ArrayValidator(where).check(array, path);
  }

  private void check(ArrayData a, ColumnPath path) {
    int len = a.length();
    if (a.field().isDictionaryEncoded()) {
      buffers(a, 2, path);
      validity(a, path);
      ArrowType.Int indexType = a.field().dictionary().indexType();
      fixed(a.buffer(1), len, indexType.bitWidth() / 8, path, "indices");
      ArrayData dictionary = a.dictionary();
      if (dictionary == null) {
        throw error(path, "dictionary missing");
      }
      indices(a, indexType, dictionary.length(), path);
      return;
    }
    ArrowType t = a.type();
    if (t instanceof ArrowType.Null) {
      buffers(a, 0, path);
    } else if (t instanceof ArrowType.Bool) {
      buffers(a, 2, path);
      validity(a, path);
      need(a.buffer(1), Bits.bytesFor(len), path, "values");
    } else if (t instanceof ArrowType.Binary || t instanceof ArrowType.Utf8
        || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.LargeUtf8) {
      buffers(a, 3, path);
      validity(a, path);
      int width = t instanceof ArrowType.Binary || t instanceof ArrowType.Utf8 ? 4 : 8;
      offsets(a.buffer(1), len, width, a.buffer(2).capacity(), path, "data length");
      if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8) {
        utf8(a, width, path);
      }
    } else if (t instanceof ArrowType.BinaryView || t instanceof ArrowType.Utf8View) {
      validity(a, path);
      ViewValidator.check(a, t instanceof ArrowType.Utf8View, this::error, path.toString());
    } else if (t instanceof ArrowType.List_ || t instanceof ArrowType.LargeList
        || t instanceof ArrowType.Map) {
      buffers(a, 2, path);
      validity(a, path);
      children(a, 1, path);
      int width = t instanceof ArrowType.LargeList ? 8 : 4;
      offsets(a.buffer(1), len, width, a.child(0).length(), path, "child length");
      if (t instanceof ArrowType.Map) {
        ArrayData entries = a.child(0);
        if (entries.nullCount() != 0 || entries.children().size() != 2) {
          throw error(path, "map entries must be a struct of key and value without nulls");
        }
        if (entries.child(0).nullCount() != 0) {
          throw error(path, "map keys must not be null");
        }
      }
    } else if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
      buffers(a, 3, path);
      validity(a, path);
      children(a, 1, path);
      listViews(a, t instanceof ArrowType.ListView ? 4 : 8, path);
    } else if (t instanceof ArrowType.FixedSizeList fsl) {
      buffers(a, 1, path);
      validity(a, path);
      children(a, 1, path);
      long needed = (long) len * fsl.listSize();
      if (a.child(0).length() < needed) {
        throw error(path, "fixed_size_list child has " + a.child(0).length() + " values, needs "
            + needed);
      }
    } else if (t instanceof ArrowType.Struct) {
      buffers(a, 1, path);
      validity(a, path);
      children(a, a.field().children().size(), path);
      for (int i = 0; i < a.children().size(); i++) {
        if (a.child(i).length() < len) {
          throw error(path, "struct child " + i + " has length " + a.child(i).length() + " < " + len);
        }
      }
    } else if (t instanceof ArrowType.Union u) {
      UnionValidator.check(a, u, this::error, path.toString());
    } else if (t instanceof ArrowType.RunEndEncoded) {
      buffers(a, 0, path);
      children(a, 2, path);
      RunEndValidator.check(a, this::error, path.toString());
    } else {
      buffers(a, 2, path);
      validity(a, path);
      fixed(a.buffer(1), len, byteWidth(t), path, "values");
    }
    for (int i = 0; i < a.children().size(); i++) {
      ArrayData child = a.child(i);
      check(child, path.child(i, child.field().name()));
    }
  }

  /** Byte width of the fixed-width types (everything not handled above). */
  static int byteWidth(ArrowType t) {
    int width = t.byteWidth();
    if (width < 0) {
      throw new IllegalArgumentException("not a fixed-width type: " + t);
    }
    return width;
  }

  private void buffers(ArrayData a, int expected, ColumnPath path) {
    if (a.buffers().size() != expected) {
      throw error(path, "expected " + expected + " buffers, found " + a.buffers().size());
    }
  }

  private void children(ArrayData a, int expected, ColumnPath path) {
    if (a.children().size() != expected) {
      throw error(path, "expected " + expected + " child arrays, found " + a.children().size());
    }
  }

  private void validity(ArrayData a, ColumnPath path) {
    if (a.nullCount() == 0) {
      return;
    }
    ByteBuffer bitmap = a.buffer(0);
    need(bitmap, Bits.bytesFor(a.length()), path, "validity bitmap");
    int zeros = BufferScan.countZeros(bitmap, a.length());
    if (zeros != a.nullCount()) {
      throw error(path, "null count " + a.nullCount() + " but the validity bitmap has " + zeros + " nulls");
    }
  }

  private void fixed(ByteBuffer values, int len, int width, ColumnPath path, String what) {
    need(values, (long) len * width, path, what);
  }

  private void need(ByteBuffer buffer, long bytes, ColumnPath path, String what) {
    if (buffer.capacity() < bytes) {
      throw error(path, what + " buffer has " + buffer.capacity() + " bytes, needs " + bytes);
    }
  }

  private void offsets(ByteBuffer offsets, int len, int width, long limit, ColumnPath path, String what) {
    need(offsets, ((long) len + 1) * width, path, "offsets");
    long previous = offset(offsets, 0, width);
    if (previous < 0) {
      throw error(path, "first offset is negative: " + previous);
    }
    if (width == 4 ? BufferScan.nonDecreasingInts(offsets, len + 1)
        : BufferScan.nonDecreasingLongs(offsets, len + 1)) {
      previous = offset(offsets, len, width);
    } else {
      decreasing(offsets, len, width, path);
    }
    if (previous > limit) {
      throw error(path, "last offset " + previous + " exceeds the " + what + " " + limit);
    }
  }

  /** Throws for the first row whose offsets decrease (there is one). */
  private void decreasing(ByteBuffer offsets, int len, int width, ColumnPath path) {
    long previous = offset(offsets, 0, width);
    for (int j = 1; j <= len; j++) {
      long current = offset(offsets, j, width);
      if (current < previous) {
        throw error(path, "row " + (j - 1) + ": offsets decrease (" + previous + " then " + current + ")");
      }
      previous = current;
    }
    throw new IllegalStateException("offsets were found to decrease");
  }

  static long offset(ByteBuffer offsets, int j, int width) {
    return width == 4 ? offsets.getInt(j * 4) : offsets.getLong(j * 8);
  }

  private void utf8(ArrayData a, int width, ColumnPath path) {
    ByteBuffer offsets = a.buffer(1);
    ByteBuffer data = a.buffer(2);
    // Offsets are checked (monotonic, within the data): all-ASCII data is valid however it is split.
    if (a.length() == 0
        || Utf8.isAscii(data, (int) offset(offsets, 0, width), (int) offset(offsets, a.length(), width))) {
      return;
    }
    for (int j = 0; j < a.length(); j++) {
      if (a.isValid(j)) {
        int from = (int) offset(offsets, j, width);
        int to = (int) offset(offsets, j + 1, width);
        int bad = Utf8.firstInvalid(data, from, to);
        if (bad >= 0) {
          throw error(path, "row " + j + ": invalid UTF-8 at byte " + (bad - from) + " of the value");
        }
      }
    }
  }

  private void listViews(ArrayData a, int width, ColumnPath path) {
    int len = a.length();
    need(a.buffer(1), (long) len * width, path, "offsets");
    need(a.buffer(2), (long) len * width, path, "sizes");
    long childLength = a.child(0).length();
    for (int j = 0; j < len; j++) {
      long offset = offset(a.buffer(1), j, width);
      long size = offset(a.buffer(2), j, width);
      if (offset < 0 || size < 0 || offset > childLength || size > childLength - offset) {
        throw error(path, "row " + j + ": list view [" + offset + ", +" + size + ") outside the child of length "
            + childLength);
      }
    }
  }

  private void indices(ArrayData a, ArrowType.Int type, int dictionaryLength, ColumnPath path) {
    ByteBuffer indices = a.buffer(1);
    // all in range, null slots included: nothing to look at value by value
    if (BufferScan.allBelow(indices, a.length(), type.bitWidth() / 8, type.signed(), dictionaryLength)) {
      return;
    }
    for (int j = 0; j < a.length(); j++) {
      if (!a.isValid(j)) {
        continue;
      }
      long index = switch (type.bitWidth()) {
        case 8 -> type.signed() ? indices.get(j) : indices.get(j) & 0xFF;
        case 16 -> type.signed() ? indices.getShort(j * 2) : indices.getShort(j * 2) & 0xFFFF;
        case 32 -> type.signed() ? indices.getInt(j * 4) : indices.getInt(j * 4) & 0xFFFFFFFFL;
        default -> indices.getLong(j * 8);
      };
      if (index < 0 || index >= dictionaryLength) {
        throw error(path, "row " + j + ": dictionary index "
            + (type.signed() ? Long.toString(index) : Long.toUnsignedString(index))
            + " out of range [0, " + dictionaryLength + ")");
      }
    }
  }

  ArrowFormatException error(String path, String what) {
    return new ArrowFormatException(where + ", " + path + ": " + what);
  }

  private ArrowFormatException error(ColumnPath path, String what) {
    return new ArrowFormatException(where + ", " + path + ": " + what);
  }
}
