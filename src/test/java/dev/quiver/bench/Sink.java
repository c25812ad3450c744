package dev.quiver.bench;

import java.io.OutputStream;
import java.util.Arrays;

/** An in-memory output stream reused across benchmark invocations (unsynchronized, grows as needed). */
final class Sink extends OutputStream {
  private byte[] bytes;
  private int size;

  Sink(int capacity) {
    bytes = new byte[capacity];
  }

  void reset() {
    size = 0;
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
