package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the {@link ArrayData} of one FieldData from its parts, checking the layout: which buffers are
 * present, their entry counts against "count", offsets (monotonic, within the child or the data), union type
 * ids and offsets, view buffer indexes and offsets, run ends. Throws {@link IllegalArgumentException}.
 */
final class ArrayAssembler {
  private ArrayAssembler() {}

  static ArrayData assemble(Field f, String path, FieldDataReader.Parts x) {
    int n = (int) x.count;
    ArrowType t = f.type();
    if (f.isDictionaryEncoded()) {
      only(x, "VALIDITY", "DATA");
      return fixed(f, n, x);
    }
    if (t instanceof ArrowType.Null) {
      only(x, "VALIDITY");
      return new ArrayData(f, n, n, List.of(), List.of(), null);
    } else if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8
        || t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary) {
      only(x, "VALIDITY", "OFFSET", "DATA");
      return varBinary(f, n, x, t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.LargeBinary);
    } else if (t instanceof ArrowType.Utf8View || t instanceof ArrowType.BinaryView) {
      only(x, "VALIDITY", "VIEWS", "VARIADIC_DATA_BUFFERS");
      return views(f, n, x, t instanceof ArrowType.Utf8View);
    } else if (!t.isNested()) {
      only(x, "VALIDITY", "DATA");
      return fixed(f, n, x);
    } else if (t instanceof ArrowType.List_ || t instanceof ArrowType.LargeList || t instanceof ArrowType.Map) {
      only(x, "VALIDITY", "OFFSET", "children");
      List<ArrayData> children = children(f, x);
      boolean large = t instanceof ArrowType.LargeList;
      ByteBuffer offsets = offsets(x.offsets, n, large, children.get(0).length(), "OFFSET");
      return new ArrayData(f, n, nulls(x, n), List.of(validity(x, n), offsets), children, null);
    } else if (t instanceof ArrowType.ListView || t instanceof ArrowType.LargeListView) {
      only(x, "VALIDITY", "OFFSET", "SIZE", "children");
      return listView(f, n, x, t instanceof ArrowType.LargeListView);
    } else if (t instanceof ArrowType.FixedSizeList fsl) {
      only(x, "VALIDITY", "children");
      List<ArrayData> children = children(f, x);
      long needed = (long) n * fsl.listSize();
      if (children.get(0).length() < needed) {
        throw new IllegalArgumentException("the child has " + children.get(0).length() + " values, a "
            + "fixedsizelist of " + n + " lists of " + fsl.listSize() + " needs " + needed);
      }
      return new ArrayData(f, n, nulls(x, n), List.of(validity(x, n)), children, null);
    } else if (t instanceof ArrowType.Struct) {
      only(x, "VALIDITY", "children");
      List<ArrayData> children = children(f, x);
      for (int i = 0; i < children.size(); i++) {
        if (children.get(i).length() < n) {
          throw new IllegalArgumentException("child \"" + f.child(i).name() + "\" has " + children.get(i).length()
              + " values, the struct has " + n);
        }
      }
      return new ArrayData(f, n, nulls(x, n), List.of(validity(x, n)), children, null);
    } else if (t instanceof ArrowType.Union u) {
      // a VALIDITY (0.17.1 golden files, format V4) is accepted and ignored
      only(x, "VALIDITY", "TYPE_ID", "OFFSET", "children");
      return UnionAssembler.union(f, n, x, children(f, x), u);
    } else if (t instanceof ArrowType.RunEndEncoded) {
      only(x, "children");
      return UnionAssembler.runEndEncoded(f, n, children(f, x));
    }
    throw new IllegalArgumentException("unsupported type " + t);
  }

  /** Rejects buffers the type's layout does not have. */
  private static void only(FieldDataReader.Parts x, String... allowed) {
    List<String> ok = Arrays.asList(allowed);
    check(ok, "DATA", x.data != null);
    check(ok, "OFFSET", x.offsets != null);
    check(ok, "SIZE", x.sizes != null);
    check(ok, "TYPE_ID", x.typeIds != null);
    check(ok, "VIEWS", x.views != null);
    check(ok, "VARIADIC_DATA_BUFFERS", x.variadic != null);
    check(ok, "children", x.children != null);
  }

  private static void check(List<String> ok, String key, boolean present) {
    if (present && !ok.contains(key)) {
      throw new IllegalArgumentException("\"" + key + "\" is not part of this type's layout (expected "
          + String.join(", ", ok) + ")");
    }
  }

  static ByteBuffer validity(FieldDataReader.Parts x, int n) {
    checkCount("VALIDITY", x.validity == null ? -1 : x.validityCount, n);
    return x.validity == null || x.nullCount == 0 ? ArrayData.emptyBuffer() : x.validity;
  }

  static int nulls(FieldDataReader.Parts x, int n) {
    return x.validity == null ? 0 : x.nullCount;
  }

  private static void checkCount(String key, int found, int n) {
    if (found >= 0 && found != n) {
      throw new IllegalArgumentException("\"" + key + "\" has " + found + " entries, \"count\" is " + n);
    }
  }

  private static ByteBuffer required(ByteBuffer b, int found, int n, String key) {
    if (b == null) {
      if (n == 0) {
        return ArrayData.emptyBuffer();
      }
      throw new IllegalArgumentException("\"" + key + "\" is missing");
    }
    checkCount(key, found, n);
    return b;
  }

  private static ArrayData fixed(Field f, int n, FieldDataReader.Parts x) {
    ByteBuffer data = required(x.data, x.dataCount, n, "DATA");
    return new ArrayData(f, n, nulls(x, n), List.of(validity(x, n), data), List.of(), null);
  }

  private static ArrayData varBinary(Field f, int n, FieldDataReader.Parts x, boolean large) {
    ByteBuffer data = required(x.data, x.dataCount, n, "DATA");
    BufferBuilder offsets = new BufferBuilder((n + 1) * (large ? 8 : 4));
    long position = 0;
    putOffset(offsets, 0, large);
    Longs given = x.offsets;
    if (given != null && given.size() != n + 1 && !(n == 0 && given.size() == 0)) {
      throw new IllegalArgumentException("\"OFFSET\" has " + given.size() + " entries, expected count + 1 = "
          + (n + 1));
    }
    for (int i = 0; i < n; i++) {
      long length = x.dataLengths.get(i);
      if (given != null && given.get(i + 1) - given.get(i) != length) {
        throw new IllegalArgumentException("row " + i + ": \"OFFSET\" gives " + (given.get(i + 1) - given.get(i))
            + " bytes but \"DATA\" has " + length);
      }
      position += length;
      putOffset(offsets, position, large);
    }
    return new ArrayData(f, n, nulls(x, n), List.of(validity(x, n), offsets.toByteBuffer(), data), List.of(),
        null);
  }

  private static void putOffset(BufferBuilder b, long v, boolean large) {
    if (large) {
      b.putLong(v);
    } else {
      b.putInt((int) v);
    }
  }

  /** The offsets buffer of a list: count + 1 non-decreasing entries within [0, childLength]. */
  static ByteBuffer offsets(Longs given, int n, boolean large, int childLength, String key) {
    if (given == null || given.size() == 0) {
      if (n == 0) {
        BufferBuilder b = new BufferBuilder(8);
        putOffset(b, 0, large);
        return b.toByteBuffer();
      }
      throw new IllegalArgumentException("\"" + key + "\" is missing");
    }
    if (given.size() != n + 1) {
      throw new IllegalArgumentException("\"" + key + "\" has " + given.size() + " entries, expected count + 1 = "
          + (n + 1));
    }
    BufferBuilder b = new BufferBuilder((n + 1) * (large ? 8 : 4));
    for (int i = 0; i <= n; i++) {
      long v = given.get(i);
      if (v < 0 || v > childLength || (i > 0 && v < given.get(i - 1))) {
        throw new IllegalArgumentException("\"" + key + "\" entry " + i + " = " + v
            + " is not a non-decreasing offset within the child's " + childLength + " values");
      }
      putOffset(b, v, large);
    }
    return b.toByteBuffer();
  }

  private static ArrayData listView(Field f, int n, FieldDataReader.Parts x, boolean large) {
    List<ArrayData> children = children(f, x);
    int childLength = children.get(0).length();
    Longs offsets = x.offsets == null ? new Longs() : x.offsets;
    Longs sizes = x.sizes == null ? new Longs() : x.sizes;
    if (offsets.size() != n || sizes.size() != n) {
      throw new IllegalArgumentException("\"OFFSET\" and \"SIZE\" need " + n + " entries each, found "
          + offsets.size() + " and " + sizes.size());
    }
    BufferBuilder o = new BufferBuilder(n * (large ? 8 : 4));
    BufferBuilder s = new BufferBuilder(n * (large ? 8 : 4));
    for (int i = 0; i < n; i++) {
      long off = offsets.get(i);
      long size = sizes.get(i);
      if (off < 0 || size < 0 || off + size > childLength || (!large && off > Integer.MAX_VALUE)) {
        throw new IllegalArgumentException("row " + i + ": list view offset " + off + " and size " + size
            + " are not within the child's " + childLength + " values");
      }
      putOffset(o, off, large);
      putOffset(s, size, large);
    }
    return new ArrayData(f, n, nulls(x, n), List.of(validity(x, n), o.toByteBuffer(), s.toByteBuffer()),
        children, null);
  }

  static List<ArrayData> children(Field f, FieldDataReader.Parts x) {
    int expected = f.children().size();
    int found = x.children == null ? 0 : x.children.size();
    if (found != expected) {
      throw new IllegalArgumentException("\"children\" has " + found + " FieldData, the schema has " + expected
          + " child fields");
    }
    return x.children == null ? List.of() : x.children;
  }

  private static ArrayData views(Field f, int n, FieldDataReader.Parts x, boolean utf8) {
    List<ViewsReader.View> views = x.views == null ? List.of() : x.views;
    if (views.size() != n) {
      throw new IllegalArgumentException("\"VIEWS\" has " + views.size() + " entries, \"count\" is " + n);
    }
    List<byte[]> variadic = x.variadic == null ? List.of() : x.variadic;
    ByteBuffer out = ByteBuffer.allocate(16 * n).order(ByteOrder.LITTLE_ENDIAN);
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int i = 0; i < n; i++) {
      ViewsReader.View v = views.get(i);
      out.putInt(16 * i, v.size());
      if (v.inline() != null) {
        out.put(16 * i + 4, v.inline());
        continue;
      }
      if (v.bufferIndex() >= variadic.size()) {
        throw new IllegalArgumentException("row " + i + ": BUFFER_INDEX " + v.bufferIndex() + " but there are "
            + variadic.size() + " VARIADIC_DATA_BUFFERS");
      }
      byte[] buffer = variadic.get(v.bufferIndex());
      if ((long) v.offset() + v.size() > buffer.length) {
        throw new IllegalArgumentException("row " + i + ": OFFSET " + v.offset() + " + SIZE " + v.size()
            + " is past the end of variadic buffer " + v.bufferIndex() + " (" + buffer.length + " bytes)");
      }
      if (!Arrays.equals(v.prefix(), 0, 4, buffer, v.offset(), v.offset() + 4)) {
        throw new IllegalArgumentException("row " + i + ": PREFIX_HEX does not match the data's first 4 bytes");
      }
      if (utf8) {
        try {
          decoder.decode(ByteBuffer.wrap(buffer, v.offset(), v.size()));
        } catch (CharacterCodingException e) {
          throw new IllegalArgumentException("row " + i + ": the value is not valid UTF-8");
        }
      }
      out.put(16 * i + 4, v.prefix());
      out.putInt(16 * i + 8, v.bufferIndex());
      out.putInt(16 * i + 12, v.offset());
    }
    List<ByteBuffer> buffers = new ArrayList<>();
    buffers.add(validity(x, n));
    buffers.add(out);
    for (byte[] b : variadic) {
      buffers.add(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
    }
    return new ArrayData(f, n, nulls(x, n), buffers, List.of(), null);
  }
}
