package dev.quiver.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The response body, buffered. After {@link #abandon()} every write and flush is dropped: once a failure
 * happened nothing more (an end-of-stream marker written by a closing writer, say) may reach the client,
 * whose response is then either replaced by a problem (not committed yet) or aborted.
 *
 * <p>Views ({@link #write(ByteBuffer)}, e.g. slices of a file's memory mapping) go to the servlet stream's
 * {@code write(ByteBuffer)}, which Tomcat copies straight into the connection's (direct) socket buffer. A
 * servlet stream that does not override {@code write(ByteBuffer)} inherits the Servlet API default, which
 * copies the whole view into one new heap array (a 1 GiB view: a 1 GiB array). Spring MVC's
 * {@code StandardServletAsyncWebRequest} wraps every handler's response in such a stream, so
 * {@link #ResponseOutput(ServletResponse)} looks through response wrappers for the first stream that writes
 * buffers itself; a stream that still does not is fed 64 KiB at a time through this class's buffer.
 *
 * <p>The 64 KiB buffer is allocated on the first write that needs it, so a response made only of views
 * (a stored batch or file) allocates none: for a small batch that allocation (and zeroing) cost more than
 * the rest of the write.
 */
final class ResponseOutput extends OutputStream {
  private static final int BUFFER = 1 << 16;
  private static final ClassValue<Boolean> WRITES_BUFFERS = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return type.getMethod("write", ByteBuffer.class).getDeclaringClass() != ServletOutputStream.class;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }
  };

  private final ServletOutputStream out;
  private final boolean writesBuffers;
  private byte[] buffer; // allocated on first use
  private int count;
  private boolean abandoned;

  ResponseOutput(ServletOutputStream out) {
    this.out = out;
    this.writesBuffers = WRITES_BUFFERS.get(out.getClass());
  }

  /**
   * The output of {@code response}: its own stream, or, when that stream would copy views to the heap, the
   * stream of the first wrapped response whose stream writes them itself.
   */
  ResponseOutput(ServletResponse response) throws IOException {
    this(byteBufferStream(response));
  }

  private static ServletOutputStream byteBufferStream(ServletResponse response) throws IOException {
    ServletOutputStream first = response.getOutputStream();
    ServletOutputStream out = first;
    ServletResponse current = response;
    while (!WRITES_BUFFERS.get(out.getClass()) && current instanceof ServletResponseWrapper wrapper) {
      current = wrapper.getResponse();
      out = current.getOutputStream();
    }
    return WRITES_BUFFERS.get(out.getClass()) ? out : first;
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
    byte[] buf = buffer();
    if (count == buf.length) {
      drain();
    }
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (abandoned) {
      return;
    }
    if (len >= BUFFER) {
      drain();
      out.write(b, off, len);
      return;
    }
    byte[] buf = buffer();
    if (len > buf.length - count) {
      drain();
    }
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  /** Writes the remaining bytes of a view (a memory mapping, say) without copying it to the heap first. */
  void write(ByteBuffer view) throws IOException {
    if (abandoned) {
      return;
    }
    drain();
    if (writesBuffers) {
      out.write(view.duplicate());
      return;
    }
    byte[] buf = buffer();
    ByteBuffer rest = view.duplicate();
    while (rest.hasRemaining()) {
      int n = Math.min(BUFFER, rest.remaining());
      rest.get(buf, 0, n);
      out.write(buf, 0, n);
    }
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

  private byte[] buffer() {
    if (buffer == null) {
      buffer = new byte[BUFFER];
    }
    return buffer;
  }

  private void drain() throws IOException {
    if (count > 0) {
      out.write(buffer, 0, count);
      count = 0;
    }
  }
}
