package dev.quiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** Views reach the socket layer as buffers, through wrappers that would copy them, or 64 KiB at a time. */
class ResponseOutputTest {
  /** Records how bytes arrived: buffers (their sizes) or arrays (their sizes). */
  static class Recording extends ServletOutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Integer> arrays = new ArrayList<>();

    @Override
    public void write(int b) {
      bytes.write(b);
      arrays.add(1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
      arrays.add(len);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {}
  }

  /** A stream that writes buffers itself, as Tomcat's does. */
  static final class BufferWriting extends Recording {
    final List<Integer> buffers = new ArrayList<>();

    @Override
    public void write(ByteBuffer buffer) {
      buffers.add(buffer.remaining());
      byte[] b = new byte[buffer.remaining()];
      buffer.get(b);
      bytes.write(b, 0, b.length);
    }
  }

  /** A wrapper whose stream inherits the Servlet API's write(ByteBuffer), like Spring MVC's. */
  static final class CopyingWrapper extends HttpServletResponseWrapper {
    final Recording stream = new Recording();

    CopyingWrapper(jakarta.servlet.http.HttpServletResponse inner) {
      super(inner);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return stream;
    }
  }

  static final class Inner extends HttpServletResponseWrapper {
    final ServletOutputStream stream;

    Inner(ServletOutputStream stream) {
      super(new MockHttpServletResponse());
      this.stream = stream;
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return stream;
    }
  }

  private static ByteBuffer view(int size) {
    ByteBuffer direct = ByteBuffer.allocateDirect(size);
    for (int i = 0; i < size; i++) {
      direct.put(i, (byte) (i * 31));
    }
    return direct.asReadOnlyBuffer();
  }

  private static byte[] bytesOf(ByteBuffer view) {
    byte[] b = new byte[view.remaining()];
    view.duplicate().get(b);
    return b;
  }

  @Test
  void viewsGoAsBuffersPastAWrapperThatWouldCopyThem() throws Exception {
    BufferWriting tomcat = new BufferWriting();
    CopyingWrapper spring = new CopyingWrapper(new Inner(tomcat));
    ResponseOutput out = new ResponseOutput(spring);
    ByteBuffer view = view(1 << 20);
    out.write(new byte[] {1, 2, 3});
    out.write(view);
    out.flush();
    assertThat(tomcat.buffers).containsExactly(1 << 20);
    assertThat(tomcat.arrays).containsExactly(3);
    assertThat(spring.stream.arrays).isEmpty();
    byte[] expected = new byte[3 + (1 << 20)];
    expected[0] = 1;
    expected[1] = 2;
    expected[2] = 3;
    System.arraycopy(bytesOf(view), 0, expected, 3, 1 << 20);
    assertThat(tomcat.bytes.toByteArray()).isEqualTo(expected);
  }

  @Test
  void aStreamThatCannotWriteBuffersGetsBoundedArrays() throws Exception {
    Recording only = new Recording();
    ResponseOutput out = new ResponseOutput(new Inner(only));
    ByteBuffer view = view(300_000);
    out.write(view);
    out.flush();
    assertThat(only.arrays).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1 << 16));
    assertThat(only.bytes.toByteArray()).isEqualTo(bytesOf(view));
  }

  @Test
  void nothingAfterAbandon() throws Exception {
    BufferWriting tomcat = new BufferWriting();
    ResponseOutput out = new ResponseOutput(new Inner(tomcat));
    out.write(new byte[] {1});
    out.abandon();
    out.write(view(10));
    out.write(7);
    out.flush();
    assertThat(tomcat.bytes.size()).isZero();
  }
}
