package dev.quiver.web;

import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The response body, buffered. After {@link #abandon()} every write and flush is dropped: once a failure
 * happened nothing more (an end-of-stream marker written by a closing writer, say) may reach the client,
 * whose response is then either replaced by a problem (not committed yet) or aborted.
 */
final class ResponseOutput extends OutputStream {
  private final ServletOutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private int count;
  private boolean abandoned;

  ResponseOutput(ServletOutputStream out) {
    this.out = out;
  }

  void abandon() {
    abandoned = true;
    count = 0;
  }

  @Override
  public void write(int b) throws IOException {
    if (abandoned) {
      return;
    }
    if (count == buffer.length) {
      drain();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (abandoned) {
      return;
    }
    if (len >= buffer.length) {
      drain();
      out.write(b, off, len);
      return;
    }
    if (len > buffer.length - count) {
      drain();
    }
    System.arraycopy(b, off, buffer, count, len);
    count += len;
  }

  /** Writes the remaining bytes of a view (a memory mapping, say) without copying it to the heap first. */
  void write(ByteBuffer view) throws IOException {
    if (abandoned) {
      return;
    }
    drain();
    out.write(view.duplicate());
  }

  @Override
  public void flush() throws IOException {
    if (abandoned) {
      return;
    }
    drain();
    out.flush();
  }

  /** Flushes; never closes the servlet stream (the container completes the response). */
  @Override
  public void close() throws IOException {
    flush();
  }

  private void drain() throws IOException {
    if (count > 0) {
      out.write(buffer, 0, count);
      count = 0;
    }
  }
}
