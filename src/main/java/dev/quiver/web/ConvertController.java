package dev.quiver.web;

import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.json.JsonLimits;
import dev.quiver.store.FileStore;
import dev.quiver.store.Spool;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /convert}: the body (chosen by Content-Type) converted to the representation chosen by Accept
 * or {@code ?format=}. Streams and rows are read and written incrementally, one record batch at a time; an
 * Arrow file body is spooled to a temporary file (its footer is at the end) and read through a mapping.
 */
@RestController
final class ConvertController {
  private static final List<Representation> FROM_JSON = List.of(
      Representation.STREAM, Representation.FILE, Representation.JSON, Representation.NDJSON);
  private static final List<Representation> FROM_ARROW = List.of(
      Representation.JSON, Representation.NDJSON, Representation.STREAM, Representation.FILE);

  private final FileStore store;
  private final QuiverProperties properties;
  private final IpcLimits ipcLimits;
  private final JsonLimits jsonLimits;
  private final CodecMetrics metrics;

  ConvertController(FileStore store, QuiverProperties properties, IpcLimits ipcLimits,
      JsonLimits jsonLimits, CodecMetrics metrics) {
    this.store = store;
    this.properties = properties;
    this.ipcLimits = ipcLimits;
    this.jsonLimits = jsonLimits;
    this.metrics = metrics;
  }

  @PostMapping("/convert")
  void convert(
      HttpServletRequest request,
      HttpServletResponse response,
      @RequestParam(name = "format", required = false) String format,
      @RequestParam(name = "batchSize", required = false) String batchSize,
      @RequestParam(name = "compression", required = false) String compression)
      throws IOException {
    Representation input = Negotiation.input(request.getContentType());
    Representation output = Negotiation.output(request.getHeader(HttpHeaders.ACCEPT), format,
        input.isArrow() ? FROM_ARROW : FROM_JSON);
    Negotiation.checkCompression(compression, output);
    int rowsPerBatch = Params.batchSize(batchSize, properties.limits());
    InputStream body = request.getInputStream();
    metrics.convert(input, output, () -> {
      transcode(request, response, input, output, body, rowsPerBatch);
      return null;
    });
  }

  private void transcode(HttpServletRequest request, HttpServletResponse response,
      Representation input, Representation output, InputStream body, int rowsPerBatch)
      throws IOException {
    switch (input) {
      case JSON, NDJSON -> {
        try (BatchSource source = metrics.counted(
            BatchSource.rows(body, input == Representation.NDJSON, rowsPerBatch, jsonLimits), input,
            output)) {
          Bodies.transcode(response, output, source);
        }
      }
      case STREAM -> {
        try (BatchSource source =
            metrics.counted(BatchSource.stream(body, ipcLimits), input, output)) {
          Bodies.transcode(response, output, source);
        }
      }
      case FILE -> {
        long max = properties.limits().maxUploadBytes().toBytes();
        Params.checkContentLength(request, max);
        try (Spool spool = store.spool(body)) {
          FileReader reader = FileReader.open(spool.bytes(), ipcLimits);
          try (BatchSource source =
              metrics.counted(BatchSource.file(reader, 0, reader.batchCount()), input, output)) {
            Bodies.transcode(response, output, source);
          }
        }
      }
      default -> throw new IllegalStateException("not an input: " + input);
    }
  }
}
