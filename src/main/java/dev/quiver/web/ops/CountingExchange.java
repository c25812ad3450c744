package dev.quiver.web.ops;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A request and response wrapped to count the body bytes read and written, for the access log and the
 * byte counters. The streams delegate every operation, {@code write(ByteBuffer)} included, so views of a
 * memory mapping still reach the container without a copy.
 */
final class CountingExchange {
  private final Request request;
  private final Response response;
  private long bytesIn;
  private long bytesOut;

  CountingExchange(HttpServletRequest request, HttpServletResponse response) {
    this.request = new Request(request);
    this.response = new Response(response);
  }

  HttpServletRequest request() {
    return request;
  }

  HttpServletResponse response() {
    return response;
  }

  long bytesIn() {
    return bytesIn;
  }

  long bytesOut() {
    return bytesOut;
  }

  private final class Request extends HttpServletRequestWrapper {
    private ServletInputStream in;

    Request(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream delegate = super.getInputStream();
      if (in == null) {
        in = new CountingInput(delegate);
      }
      return in;
    }
  }

  private final class Response extends HttpServletResponseWrapper {
    private ServletOutputStream out;

    Response(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      ServletOutputStream delegate = super.getOutputStream();
      if (out == null) {
        out = new CountingOutput(delegate);
      }
      return out;
    }
  }

  private final class CountingInput extends ServletInputStream {
    private final ServletInputStream in;

    CountingInput(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        bytesIn++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        bytesIn += n;
      }
      return n;
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
      int n = in.read(buffer);
      if (n > 0) {
        bytesIn += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      if (skipped > 0) {
        bytesIn += skipped;
      }
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private final class CountingOutput extends ServletOutputStream {
    private final ServletOutputStream out;

    CountingOutput(ServletOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytesOut++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytesOut += len;
    }

    @Override
    public void write(ByteBuffer buffer) throws IOException {
      int n = buffer.remaining();
      out.write(buffer); // blocking: writes all of it
      bytesOut += n;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    @Override
    public boolean isReady() {
      return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      out.setWriteListener(listener);
    }
  }
}
