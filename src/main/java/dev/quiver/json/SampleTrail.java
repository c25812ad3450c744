package dev.quiver.json;

import dev.quiver.json.read.RowSource;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Where each row of the inference sample is in the input: byte range, line and column. */
final class SampleTrail {
  private long[] ranges = new long[64];
  private int[] positions = new int[64];
  private int size;

  void add(long start, long end, int line, int column) {
    if (2 * size + 2 > ranges.length) {
      ranges = Arrays.copyOf(ranges, 2 * ranges.length);
      positions = Arrays.copyOf(positions, 2 * positions.length);
    }
    ranges[2 * size] = start;
    ranges[2 * size + 1] = end;
    positions[2 * size] = line;
    positions[2 * size + 1] = column;
    size++;
  }

  int line(int row) {
    return positions[2 * row];
  }

  int column(int row) {
    return positions[2 * row + 1];
  }

  /** The rows' text from the source's recording, one row a line. */
  byte[] text(RowSource source) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int r = 0; r < size; r++) {
      out.writeBytes(source.recorded(ranges[2 * r], ranges[2 * r + 1]));
      out.write('\n');
    }
    return out.toByteArray();
  }

  void clear() {
    ranges = new long[64];
    positions = new int[64];
    size = 0;
  }
}
