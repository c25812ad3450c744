package dev.quiver.web;

import dev.quiver.store.UploadTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read up to a maximum number of bytes; reading past it raises
 * {@link UploadTooLargeException}. {@link #exceeded()} stays set in case a decoder wraps the exception.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long maxBytes;
  private long count;
  private boolean exceeded;

  LimitedInputStream(InputStream in, long maxBytes) {
    super(in);
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes < 0: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  boolean exceeded() {
    return exceeded;
  }

  UploadTooLargeException tooLarge() {
    return new UploadTooLargeException("the request body is larger than the limit of " + maxBytes
        + " bytes (quiver.limits.max-upload-bytes)");
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    if (skipped > 0) {
      count(skipped);
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void count(long n) {
    count += n;
    if (count > maxBytes) {
      exceeded = true;
      throw tooLarge();
    }
  }
}
