package dev.quiver.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's socket buffers for serving stored bytes without a heap copy.
 *
 * <p>Stored files and single batches are written as views of the file's memory mapping
 * ({@code ServletOutputStream.write(ByteBuffer)}). Tomcat hands such a view to its socket layer, which copies
 * it into the connection's socket write buffer and writes that buffer to the {@code SocketChannel}. By
 * default that buffer is an 8 KiB heap array, so the bytes went mapping, heap array, then the JDK's temporary
 * direct buffer, then the kernel: two copies in user space, one through the heap, and a system call per
 * 8 KiB. With {@code socket.directBuffer} the write buffer is a direct buffer and the JDK writes it as is
 * (mapping, direct buffer, kernel: no heap copy); with a 64 KiB {@code socket.appWriteBufSize} there is one
 * {@code write(2)} per 64 KiB.
 *
 * <p>Why not Tomcat's sendfile ({@code org.apache.tomcat.sendfile.filename}): it makes a file range the
 * whole body and discards anything the handler writes, so a batch response (stream prefix, the batch's
 * message, end-of-stream: three pieces, only the middle one in the file) cannot use it; and it reopens the
 * file by name after the handler returned, so a download racing a {@code DELETE} would fail, breaking the
 * store's promise that an opened file stays readable to its end. See the README (Benchmarks) for the measurements.
 */
@Configuration(proxyBeanMethods = false)
class ServingConfiguration {
  /** Bytes of a connection's socket write buffer (a direct buffer). */
  static final int SOCKET_WRITE_BUFFER = 64 * 1024;

  @Bean
  TomcatConnectorCustomizer directSocketBuffers() {
    return connector -> {
      connector.setProperty("socket.directBuffer", "true");
      connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BUFFER));
    };
  }
}
