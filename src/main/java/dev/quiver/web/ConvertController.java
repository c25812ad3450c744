package dev.quiver.web;

import dev.quiver.ipc.BodyCompression;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.json.JsonLimits;
import dev.quiver.store.FileStore;
import dev.quiver.store.Spool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
      Representation.STREAM, Representation.FILE, Representation.JSON, Representation.NDJSON,
      Representation.INTEGRATION);
  private static final List<Representation> FROM_ARROW = List.of(Representation.JSON, Representation.NDJSON,
      Representation.STREAM, Representation.FILE, Representation.INTEGRATION);

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
  @Operation(operationId = "convert", tags = "convert",
      summary = "Convert Arrow data between an Arrow stream, an Arrow file, JSON rows and NDJSON rows",
      description = "The input is chosen by Content-Type, the output by Accept or ?format=. With no Accept "
          + "(or */*), JSON input gives an Arrow stream and Arrow input gives JSON rows. Streams and rows "
          + "are converted one record batch at a time.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
          @Content(mediaType = ArrowMediaTypes.STREAM_VALUE,
              schema = @Schema(type = "string", format = ApiDocs.BINARY, description = ApiDocs.ARROW_STREAM)),
          @Content(mediaType = ArrowMediaTypes.FILE_VALUE,
              schema = @Schema(type = "string", format = ApiDocs.BINARY, description = ApiDocs.ARROW_FILE)),
          @Content(mediaType = ArrowMediaTypes.JSON_VALUE,
              schema = @Schema(type = "object", description = ApiDocs.JSON_ROWS)),
          @Content(mediaType = ArrowMediaTypes.NDJSON_VALUE,
              schema = @Schema(type = "string", description = ApiDocs.NDJSON_ROWS))}))
  @ApiResponse(responseCode = "200", description = "The converted data, streamed", content = {
      @Content(mediaType = ArrowMediaTypes.STREAM_VALUE,
          schema = @Schema(type = "string", format = ApiDocs.BINARY, description = ApiDocs.ARROW_STREAM)),
      @Content(mediaType = ArrowMediaTypes.FILE_VALUE,
          schema = @Schema(type = "string", format = ApiDocs.BINARY, description = ApiDocs.ARROW_FILE)),
      @Content(mediaType = ArrowMediaTypes.JSON_VALUE,
          array = @ArraySchema(schema = @Schema(type = "object", description = "a row"))),
      @Content(mediaType = ArrowMediaTypes.NDJSON_VALUE,
          schema = @Schema(type = "string", description = ApiDocs.NDJSON_ROWS))})
  void convert(
      HttpServletRequest request,
      HttpServletResponse response,
      @Parameter(description = ApiDocs.FORMAT,
          schema = @Schema(allowableValues = {"stream", "file", "json", "ndjson", "integration"}))
      @RequestParam(name = "format", required = false) String format,
      @Parameter(description = ApiDocs.BATCH_SIZE, schema = @Schema(type = "integer", minimum = "1"))
      @RequestParam(name = "batchSize", required = false) String batchSize,
      @Parameter(description = ApiDocs.COMPRESSION, schema = @Schema(allowableValues = {"none", "zstd", "lz4"}))
      @RequestParam(name = "compression", required = false) String compression)
      throws IOException {
    Representation input = Negotiation.input(request.getContentType());
    Representation output = Negotiation.output(request.getHeader(HttpHeaders.ACCEPT), format,
        input.isArrow() ? FROM_ARROW : FROM_JSON);
    BodyCompression codec =
        Negotiation.compression(request.getHeader(HttpHeaders.ACCEPT), compression, output);
    int rowsPerBatch = Params.batchSize(batchSize, properties.limits());
    InputStream body = request.getInputStream();
    metrics.convert(input, output, () -> {
      transcode(request, response, input, output, codec, body, rowsPerBatch);
      return null;
    });
  }

  private void transcode(HttpServletRequest request, HttpServletResponse response,
      Representation input, Representation output, BodyCompression codec, InputStream body,
      int rowsPerBatch)
      throws IOException {
    switch (input) {
      case JSON, NDJSON -> {
        try (BatchSource source = metrics.counted(
            BatchSource.rows(body, input == Representation.NDJSON, rowsPerBatch, jsonLimits), input,
            output)) {
          Bodies.transcode(response, output, source, codec);
        }
      }
      case STREAM -> {
        try (BatchSource source =
            metrics.counted(BatchSource.stream(body, ipcLimits), input, output)) {
          Bodies.transcode(response, output, source, codec);
        }
      }
      case FILE -> {
        long max = properties.limits().maxUploadBytes().toBytes();
        Params.checkContentLength(request, max);
        try (Spool spool = store.spool(body)) {
          FileReader reader = FileReader.open(spool.bytes(), ipcLimits);
          try (BatchSource source =
              metrics.counted(BatchSource.file(reader, 0, reader.batchCount()), input, output)) {
            Bodies.transcode(response, output, source, codec);
          }
        }
      }
      default -> throw new IllegalStateException("not an input: " + input);
    }
  }
}
