package dev.quiver.json.integration;

import java.util.Arrays;

/** A growable list of longs (offsets, sizes, type ids read from JSON arrays). */
final class Longs {
  private long[] values = new long[16];
  private int size;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = v;
  }

  long get(int i) {
    return values[i];
  }

  int size() {
    return size;
  }
}
