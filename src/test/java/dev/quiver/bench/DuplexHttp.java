package dev.quiver.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A minimal full-duplex HTTP/1.1 client: the request body (chunked) is sent from its own thread while the
 * response is read, as a streaming conversion needs (the service answers before it has read all of the
 * body; a client that only reads once it has sent everything, like java.net.http's, deadlocks once both
 * directions' socket buffers are full). One request per connection ({@code Connection: close}).
 */
final class DuplexHttp {
  private DuplexHttp() {}

  /** A response: status, headers (lower-case names); the body goes to {@code sink}. */
  record Response(int status, Map<String, String> headers) {}

  static Response exchange(int port, String method, String path, Map<String, String> headers,
      InputStream body, OutputStream sink) throws IOException, InterruptedException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(120_000);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
      StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null) {
        head.append("Transfer-Encoding: chunked\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      AtomicReference<Throwable> sendFailure = new AtomicReference<>();
      Thread sender = null;
      if (body != null) {
        sender = new Thread(() -> {
          try (InputStream in = body) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
              out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
              out.write(buf, 0, n);
              out.write('\r');
              out.write('\n');
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          } catch (IOException | RuntimeException e) {
            sendFailure.set(e); // e.g. the server answered early with an error and closed
          }
        }, "duplex-http-sender");
        sender.setDaemon(true);
        sender.start();
      }
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      String status = line(in);
      if (status == null || !status.startsWith("HTTP/1.1 ")) {
        throw new IOException("no HTTP response: " + status);
      }
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      String h;
      while ((h = line(in)) != null && !h.isEmpty()) {
        int colon = h.indexOf(':');
        responseHeaders.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      if ("chunked".equalsIgnoreCase(responseHeaders.get("transfer-encoding"))) {
        readChunked(in, sink);
      } else if (responseHeaders.containsKey("content-length")) {
        long length = Long.parseLong(responseHeaders.get("content-length"));
        if (copy(in, sink, length) != length) {
          throw new IOException("response ended before its Content-Length " + length);
        }
      } else {
        copy(in, sink, Long.MAX_VALUE);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      if (sender != null) {
        sender.join(60_000);
        if (sendFailure.get() != null && code < 400) {
          throw new IOException("sending the request body failed", sendFailure.get());
        }
      }
      return new Response(code, responseHeaders);
    }
  }

  private static void readChunked(InputStream in, OutputStream sink) throws IOException {
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("response aborted: no terminating chunk");
      }
      int semicolon = size.indexOf(';');
      long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        while ((size = line(in)) != null && !size.isEmpty()) {
          // trailers
        }
        return;
      }
      if (copy(in, sink, n) != n) {
        throw new IOException("response aborted inside a chunk");
      }
      line(in);
    }
  }

  private static long copy(InputStream in, OutputStream sink, long max) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    while (total < max) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, max - total));
      if (n < 0) {
        break;
      }
      sink.write(buf, 0, n);
      total += n;
    }
    return total;
  }

  /** A CRLF-terminated line without its terminator; null at end of input. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }
}
