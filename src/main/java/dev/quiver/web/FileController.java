package dev.quiver.web;

import dev.quiver.ipc.BodyCompression;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcFormat;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.ipc.WriteOptions;
import dev.quiver.json.JsonLimits;
import dev.quiver.json.SchemaJson;
import dev.quiver.store.FileStore;
import dev.quiver.store.OpenFile;
import dev.quiver.store.StoredFile;
import dev.quiver.store.UnknownFileException;
import dev.quiver.store.UploadTooLargeException;
import dev.quiver.store.Upload;
import dev.quiver.web.FileViews.BatchInfo;
import dev.quiver.web.FileViews.BatchList;
import dev.quiver.web.FileViews.FileInfo;
import dev.quiver.web.FileViews.FileList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /files}: storing Arrow files (uploaded as a file, a stream or JSON rows) and reading them back
 * whole, as metadata, or one record batch at a time. Whole files and single batches as streams are written
 * straight from the file's memory mapping, without decoding.
 */
@RestController
@RequestMapping("/files")
final class FileController {
  private static final List<Representation> JSON_ONLY = List.of(Representation.JSON);
  private static final List<Representation> FILE_OUTPUTS =
      List.of(Representation.JSON, Representation.FILE, Representation.STREAM, Representation.INTEGRATION);
  private static final List<Representation> BATCH_OUTPUTS = List.of(
      Representation.STREAM, Representation.FILE, Representation.JSON, Representation.NDJSON,
      Representation.INTEGRATION);

  private final FileStore store;
  private final QuiverProperties properties;
  private final IpcLimits ipcLimits;
  private final JsonLimits jsonLimits;
  private final CodecMetrics metrics;

  FileController(FileStore store, QuiverProperties properties, IpcLimits ipcLimits,
      JsonLimits jsonLimits, CodecMetrics metrics) {
    this.store = store;
    this.properties = properties;
    this.ipcLimits = ipcLimits;
    this.jsonLimits = jsonLimits;
    this.metrics = metrics;
  }

  @PostMapping
  @Operation(operationId = "storeFile", tags = "files",
      summary = "Store an Arrow file (uploaded as an Arrow file, an Arrow stream or JSON rows)",
      description = "Streams and rows are encoded as an Arrow file while received; the file is validated "
          + "completely (every record batch decoded) before it is kept.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
          @Content(mediaType = ArrowMediaTypes.FILE_VALUE,
              schema = @Schema(type = "string", format = ApiDocs.BINARY, description = ApiDocs.ARROW_FILE)),
          @Content(mediaType = ArrowMediaTypes.STREAM_VALUE,
              schema = @Schema(type = "string", format = ApiDocs.BINARY, description = ApiDocs.ARROW_STREAM)),
          @Content(mediaType = ArrowMediaTypes.JSON_VALUE,
              schema = @Schema(type = "object", description = ApiDocs.JSON_ROWS)),
          @Content(mediaType = ArrowMediaTypes.NDJSON_VALUE,
              schema = @Schema(type = "string", description = ApiDocs.NDJSON_ROWS))}))
  @ApiResponse(responseCode = "201", description = "Stored",
      headers = @Header(name = HttpHeaders.LOCATION, description = "/files/{id}",
          schema = @Schema(type = "string")),
      content = @Content(mediaType = ArrowMediaTypes.JSON_VALUE,
          schema = @Schema(implementation = FileInfo.class)))
  ResponseEntity<FileInfo> upload(
      HttpServletRequest request,
      @Parameter(hidden = true)
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      @Parameter(description = ApiDocs.BATCH_SIZE, schema = @Schema(type = "integer", minimum = "1"))
      @RequestParam(name = "batchSize", required = false) String batchSize)
      throws IOException {
    Representation input = Negotiation.input(request.getContentType());
    Negotiation.output(accept, null, JSON_ONLY);
    int rowsPerBatch = Params.batchSize(batchSize, properties.limits());
    long maxBytes = properties.limits().maxUploadBytes().toBytes();
    Params.checkContentLength(request, maxBytes);
    LimitedInputStream body = new LimitedInputStream(request.getInputStream(), maxBytes);
    StoredFile file = metrics.upload(input, () -> store(input, body, rowsPerBatch));
    return ResponseEntity.created(URI.create("/files/" + file.id()))
        .contentType(ArrowMediaTypes.JSON)
        .body(FileInfo.of(file));
  }

  private StoredFile store(Representation input, LimitedInputStream body, int rowsPerBatch)
      throws IOException {
    Upload upload = switch (input) {
      case FILE -> body::transferTo;
      case STREAM -> out -> {
        // stored with the body compression the stream came with (of its first record batch)
        CompressionProbe probe = new CompressionProbe(body);
        try (BatchSource source =
            metrics.counted(BatchSource.stream(probe, ipcLimits), input, Representation.FILE)) {
          Transcoder.copy(source, Representation.FILE, out, false,
              () -> WriteOptions.of(probe.compression()));
        }
      };
      case JSON, NDJSON -> out -> {
        try (BatchSource source = metrics.counted(
            BatchSource.rows(body, input == Representation.NDJSON, rowsPerBatch, jsonLimits), input,
            Representation.FILE)) {
          Transcoder.copy(source, Representation.FILE, out, false);
        }
      };
      default -> throw new IllegalStateException("not an input: " + input);
    };
    StoredFile file;
    try {
      file = store.create(upload);
    } catch (RuntimeException e) {
      if (body.exceeded() && !(e instanceof UploadTooLargeException)) {
        throw body.tooLarge(); // a decoder wrapped the limit's exception
      }
      throw e;
    }
    if (input == Representation.FILE) {
      metrics.decoded(Representation.FILE, file.batches(), file.rows()); // validated batch by batch
    }
    return file;
  }

  @GetMapping
  @Operation(operationId = "listFiles", tags = "files", summary = "List the stored files, oldest first")
  @ApiResponse(responseCode = "200", description = "The stored files",
      content = @Content(mediaType = ArrowMediaTypes.JSON_VALUE,
          schema = @Schema(implementation = FileList.class)))
  ResponseEntity<FileList> list(
      @Parameter(hidden = true)
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      @Parameter(description = ApiDocs.FORMAT, schema = @Schema(allowableValues = "json"))
      @RequestParam(name = "format", required = false) String format)
      throws IOException {
    Negotiation.output(accept, format, JSON_ONLY);
    List<FileInfo> files = new ArrayList<>();
    for (StoredFile file : store.list()) {
      files.add(FileInfo.of(file));
    }
    return ResponseEntity.ok().contentType(ArrowMediaTypes.JSON).body(new FileList(files.size(), files));
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getFile", tags = "files",
      summary = "A stored file: its metadata (JSON), the file itself, or its content as an Arrow stream",
      description = "The Arrow file and stream are served from the file's memory mapping, not decoded.")
  @ApiResponse(responseCode = "200", description = "Metadata, the stored Arrow file, or an Arrow stream",
      content = {
          @Content(mediaType = ArrowMediaTypes.JSON_VALUE, schema = @Schema(implementation = FileInfo.class)),
          @Content(mediaType = ArrowMediaTypes.FILE_VALUE, schema = @Schema(type = "string", format = ApiDocs.BINARY)),
          @Content(mediaType = ArrowMediaTypes.STREAM_VALUE, schema = @Schema(type = "string", format = ApiDocs.BINARY))})
  ResponseEntity<FileInfo> get(
      @Parameter(description = ApiDocs.ID) @PathVariable("id") String id,
      @Parameter(hidden = true)
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      @Parameter(description = ApiDocs.FORMAT, schema = @Schema(allowableValues = {"json", "file", "stream", "integration"}))
      @RequestParam(name = "format", required = false) String format,
      @Parameter(description = ApiDocs.COMPRESSION, schema = @Schema(allowableValues = {"none", "zstd", "lz4"}))
      @RequestParam(name = "compression", required = false) String compression,
      HttpServletResponse response)
      throws IOException {
    Representation output = Negotiation.output(accept, format, FILE_OUTPUTS);
    BodyCompression codec = Negotiation.compression(accept, compression, output);
    OpenFile file = store.open(id);
    switch (output) {
      case FILE, STREAM -> {
        FileReader reader = file.reader();
        List<ByteBuffer> views = new ArrayList<>();
        views.add(reader.streamPrefix());
        for (int i = 0; i < reader.batchCount(); i++) {
          views.addAll(reader.batchMessage(i));
        }
        views.add(ByteBuffer.wrap(IpcFormat.END_OF_STREAM));
        String type = Negotiation.contentType(output, codec);
        if (!StoredCompression.all(views, codec)) {
          // stored with another body compression: decoded and re-encoded with the negotiated one
          try (BatchSource source = metrics.counted(
              BatchSource.file(reader, 0, reader.batchCount()), Representation.FILE, output)) {
            Bodies.transcode(response, output, source, codec);
          }
        } else if (output == Representation.FILE) {
          Bodies.whole(response, type, file.bytes());
        } else {
          Bodies.views(response, type, views);
        }
      }
      case INTEGRATION -> {
        FileReader reader = file.reader();
        try (BatchSource source =
            metrics.counted(BatchSource.file(reader, 0, reader.batchCount()), Representation.FILE, output)) {
          Bodies.transcode(response, output, source);
        }
      }
      default -> {
        return ResponseEntity.ok().contentType(ArrowMediaTypes.JSON).body(FileInfo.of(file.file()));
      }
    }
    return null;
  }

  @GetMapping("/{id}/schema")
  @Operation(operationId = "getSchema", tags = "files", summary = "The schema of a stored file as JSON")
  @ApiResponse(responseCode = "200",
      description = "{\"fields\": [{\"name\", \"type\", \"nullable\", \"metadata\", \"children\"}], "
          + "\"metadata\"}; type as pyarrow prints it",
      content = @Content(mediaType = ArrowMediaTypes.JSON_VALUE, schema = @Schema(type = "object")))
  ResponseEntity<byte[]> schema(
      @Parameter(description = ApiDocs.ID) @PathVariable("id") String id,
      @Parameter(hidden = true)
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      @Parameter(description = ApiDocs.FORMAT, schema = @Schema(allowableValues = "json"))
      @RequestParam(name = "format", required = false) String format)
      throws IOException {
    Negotiation.output(accept, format, JSON_ONLY);
    String schema = SchemaJson.toJson(store.open(id).file().schema());
    return ResponseEntity.ok()
        .contentType(ArrowMediaTypes.JSON)
        .body(schema.getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/{id}/batches")
  @Operation(operationId = "listBatches", tags = "files",
      summary = "The record batches of a stored file: count, and each batch's rows and place in the file")
  @ApiResponse(responseCode = "200", description = "The batch list",
      content = @Content(mediaType = ArrowMediaTypes.JSON_VALUE,
          schema = @Schema(implementation = BatchList.class)))
  ResponseEntity<BatchList> batches(
      @Parameter(description = ApiDocs.ID) @PathVariable("id") String id,
      @Parameter(hidden = true)
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      @Parameter(description = ApiDocs.FORMAT, schema = @Schema(allowableValues = "json"))
      @RequestParam(name = "format", required = false) String format)
      throws IOException {
    Negotiation.output(accept, format, JSON_ONLY);
    FileReader reader = store.open(id).reader();
    List<BatchInfo> batches = new ArrayList<>();
    for (int i = 0; i < reader.batchCount(); i++) {
      batches.add(BatchInfo.of(i, reader.batchRows(i), reader.batchBlock(i)));
    }
    return ResponseEntity.ok()
        .contentType(ArrowMediaTypes.JSON)
        .body(new BatchList(batches.size(), batches));
  }

  @GetMapping("/{id}/batches/{index}")
  @Operation(operationId = "getBatch", tags = "files",
      summary = "One record batch of a stored file",
      description = "By default a complete Arrow stream (schema, the dictionaries, the batch, end-of-stream) "
          + "served from the memory-mapped file; or a one-batch Arrow file, or the batch's rows as JSON.")
  @ApiResponse(responseCode = "200", description = "The batch", content = {
      @Content(mediaType = ArrowMediaTypes.STREAM_VALUE, schema = @Schema(type = "string", format = ApiDocs.BINARY)),
      @Content(mediaType = ArrowMediaTypes.FILE_VALUE, schema = @Schema(type = "string", format = ApiDocs.BINARY)),
      @Content(mediaType = ArrowMediaTypes.JSON_VALUE,
          array = @ArraySchema(schema = @Schema(type = "object", description = "a row"))),
      @Content(mediaType = ArrowMediaTypes.NDJSON_VALUE,
          schema = @Schema(type = "string", description = ApiDocs.NDJSON_ROWS))})
  void batch(
      @Parameter(description = ApiDocs.ID) @PathVariable("id") String id,
      @Parameter(description = "The batch index, from 0", schema = @Schema(type = "integer", minimum = "0"))
      @PathVariable("index") String index,
      @Parameter(hidden = true)
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      @Parameter(description = ApiDocs.FORMAT,
          schema = @Schema(allowableValues = {"stream", "file", "json", "ndjson", "integration"}))
      @RequestParam(name = "format", required = false) String format,
      @Parameter(description = ApiDocs.COMPRESSION, schema = @Schema(allowableValues = {"none", "zstd", "lz4"}))
      @RequestParam(name = "compression", required = false) String compression,
      HttpServletResponse response)
      throws IOException {
    Representation output = Negotiation.output(accept, format, BATCH_OUTPUTS);
    BodyCompression codec = Negotiation.compression(accept, compression, output);
    FileReader reader = store.open(id).reader();
    int i = Params.batchIndex(index, reader.batchCount(), id);
    if (output == Representation.STREAM) {
      // schema + dictionaries, the batch's message, end-of-stream: all views, nothing decoded, when
      // stored with the negotiated body compression (else decoded and re-encoded below)
      List<ByteBuffer> views = new ArrayList<>();
      views.add(reader.streamPrefix());
      views.addAll(reader.batchMessage(i));
      views.add(ByteBuffer.wrap(IpcFormat.END_OF_STREAM));
      if (StoredCompression.all(views, codec)) {
        Bodies.views(response, Negotiation.contentType(output, codec), views);
        return;
      }
    }
    try (BatchSource source =
        metrics.counted(BatchSource.file(reader, i, i + 1), Representation.FILE, output)) {
      Bodies.transcode(response, output, source, codec);
    }
  }

  @DeleteMapping("/{id}")
  @Operation(operationId = "deleteFile", tags = "files", summary = "Delete a stored file")
  @ApiResponse(responseCode = "204", description = "Deleted; the id is gone for every later call")
  ResponseEntity<Void> delete(@Parameter(description = ApiDocs.ID) @PathVariable("id") String id)
      throws IOException {
    if (!store.delete(id)) {
      throw new UnknownFileException("no stored file has the id '" + id + "'");
    }
    return ResponseEntity.noContent().build();
  }
}
