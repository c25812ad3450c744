package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import java.nio.ByteBuffer;

/** Checks run-end encoded arrays: run ends without nulls, strictly increasing from 1, covering the length. */
final class RunEndValidator {
  private RunEndValidator() {}

  static void check(ArrayData a, ArrayValidator.Errors errors, String path) {
    ArrayData runEnds = a.child(0);
    ArrayData values = a.child(1);
    if (!(runEnds.type() instanceof ArrowType.Int type) || !type.signed() || type.bitWidth() == 8) {
      throw errors.error(path, "run ends must be int16, int32 or int64");
    }
    if (runEnds.nullCount() != 0) {
      throw errors.error(path, "run ends contain nulls");
    }
    if (runEnds.length() > values.length()) {
      throw errors.error(path, runEnds.length() + " run ends for " + values.length() + " values");
    }
    int len = a.length();
    if (len == 0) {
      return;
    }
    if (runEnds.length() == 0) {
      throw errors.error(path, "no runs for a length of " + len);
    }
    ByteBuffer ends = runEnds.buffer(1);
    int width = type.bitWidth() / 8;
    if (ends.capacity() < (long) runEnds.length() * width) {
      throw errors.error(path, "run ends buffer too small");
    }
    long previous = 0;
    for (int j = 0; j < runEnds.length(); j++) {
      long end = switch (width) {
        case 2 -> ends.getShort(j * 2);
        case 4 -> ends.getInt(j * 4);
        default -> ends.getLong(j * 8);
      };
      if (end <= previous) {
        throw errors.error(path, "run " + j + ": run ends must be positive and strictly increasing ("
            + previous + " then " + end + ")");
      }
      previous = end;
    }
    if (previous < len) {
      throw errors.error(path, "last run end " + previous + " is below the length " + len);
    }
  }
}
