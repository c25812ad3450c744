package dev.quiver.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes written and refuses to go over a maximum with {@link UploadTooLargeException}. The
 * {@link #exceeded()} flag stays set even if a caller wraps the exception in another one.
 */
final class LimitedOutputStream extends FilterOutputStream {
  private final long maxBytes;
  private final String what;
  private long count;
  private boolean exceeded;

  LimitedOutputStream(OutputStream out, long maxBytes, String what) {
    super(out);
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes < 0: " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.what = what;
  }

  long count() {
    return count;
  }

  boolean exceeded() {
    return exceeded;
  }

  UploadTooLargeException tooLarge() {
    return new UploadTooLargeException(
        what + " is larger than the limit of " + maxBytes + " bytes (quiver.limits.max-upload-bytes)");
  }

  @Override
  public void write(int b) throws IOException {
    reserve(1);
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    reserve(len);
    out.write(b, off, len);
  }

  private void reserve(long n) {
    if (count + n > maxBytes) {
      exceeded = true;
      throw tooLarge();
    }
    count += n;
  }
}
