package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import java.nio.ByteBuffer;

/**
 * Checks BinaryView / Utf8View arrays: each 16-byte view is either inline (size &lt;= 12, bytes 4..15) or
 * points into a variadic data buffer (prefix, buffer index, offset) that must hold the whole value.
 */
final class ViewValidator {
  private ViewValidator() {}

  static void check(ArrayData a, boolean utf8, ArrayValidator.Errors errors, String path) {
    if (a.buffers().size() < 2) {
      throw errors.error(path, "view array needs validity and views buffers");
    }
    ByteBuffer views = a.buffer(1);
    int len = a.length();
    if (views.capacity() < (long) len * 16) {
      throw errors.error(path, "views buffer has " + views.capacity() + " bytes, needs " + (long) len * 16);
    }
    int dataBuffers = a.buffers().size() - 2;
    for (int j = 0; j < len; j++) {
      if (!a.isValid(j)) {
        continue;
      }
      int base = j * 16;
      int size = views.getInt(base);
      if (size < 0) {
        throw errors.error(path, "row " + j + ": negative view size " + size);
      }
      ByteBuffer data;
      int from;
      if (size <= 12) {
        data = views;
        from = base + 4;
      } else {
        int index = views.getInt(base + 8);
        int offset = views.getInt(base + 12);
        if (index < 0 || index >= dataBuffers) {
          throw errors.error(path, "row " + j + ": view buffer index " + index + " out of [0, " + dataBuffers + ")");
        }
        data = a.buffer(2 + index);
        if (offset < 0 || offset > data.capacity() - size) {
          throw errors.error(path, "row " + j + ": view [" + offset + ", +" + size + ") outside data buffer "
              + index + " of " + data.capacity() + " bytes");
        }
        for (int k = 0; k < 4; k++) {
          if (views.get(base + 4 + k) != data.get(offset + k)) {
            throw errors.error(path, "row " + j + ": view prefix differs from the data");
          }
        }
        from = offset;
      }
      if (utf8 && Utf8.firstInvalid(data, from, from + size) >= 0) {
        throw errors.error(path, "row " + j + ": invalid UTF-8");
      }
    }
  }
}
