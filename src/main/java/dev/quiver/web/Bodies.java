package dev.quiver.web;

import dev.quiver.ipc.BodyCompression;
import dev.quiver.ipc.ByteSource;
import dev.quiver.ipc.WriteOptions;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** Writes response bodies: transcoded batches (streamed) or views of stored bytes (with a length). */
final class Bodies {
  private Bodies() {}

  /** Views of at most this many bytes are written at a time from a large mapped source. */
  private static final int CHUNK = 1 << 30;

  /**
   * Reads the schema first (a failure there is still a clean problem response), then streams every batch
   * as {@code output}, flushing per batch. A failure abandons the buffered output and is rethrown.
   */
  static void transcode(HttpServletResponse response, Representation output, BatchSource source)
      throws IOException {
    transcode(response, output, source, BodyCompression.NONE);
  }

  /** As {@link #transcode(HttpServletResponse, Representation, BatchSource)} with Arrow body compression. */
  static void transcode(HttpServletResponse response, Representation output, BatchSource source,
      BodyCompression compression) throws IOException {
    source.schema();
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(Negotiation.contentType(output, compression));
    ResponseOutput out = new ResponseOutput(response.getOutputStream());
    try {
      Transcoder.copy(source, output, out, true, () -> WriteOptions.of(compression));
    } catch (IOException | RuntimeException | Error e) {
      out.abandon();
      throw e;
    }
  }

  /** Writes {@code views} (e.g. slices of a mapping) as the body, with their total as Content-Length. */
  static void views(HttpServletResponse response, Representation type, List<ByteBuffer> views)
      throws IOException {
    views(response, type.mediaType.toString(), views);
  }

  /** As {@link #views(HttpServletResponse, Representation, List)} with an explicit Content-Type. */
  static void views(HttpServletResponse response, String contentType, List<ByteBuffer> views)
      throws IOException {
    long length = 0;
    for (ByteBuffer view : views) {
      length += view.remaining();
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
    response.setContentLengthLong(length);
    ResponseOutput out = new ResponseOutput(response);
    for (ByteBuffer view : views) {
      out.write(view);
    }
    out.flush();
  }

  /** Writes all of {@code source} as the body, a chunk of its mapping at a time. */
  static void whole(HttpServletResponse response, Representation type, ByteSource source)
      throws IOException {
    whole(response, type.mediaType.toString(), source);
  }

  /** As {@link #whole(HttpServletResponse, Representation, ByteSource)} with an explicit Content-Type. */
  static void whole(HttpServletResponse response, String contentType, ByteSource source)
      throws IOException {
    long size = source.size();
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
    response.setContentLengthLong(size);
    ResponseOutput out = new ResponseOutput(response);
    for (long offset = 0; offset < size; offset += CHUNK) {
      out.write(source.slice(offset, (int) Math.min(CHUNK, size - offset)));
    }
    out.flush();
  }
}
