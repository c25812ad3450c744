package dev.quiver.web;

/**
 * Texts shared by the OpenAPI annotations of the controllers (annotation values must be constants). The
 * problem responses (400, 401, 404, 406, 413, 415, 500) are added to every operation by
 * {@code dev.quiver.web.ops.OpenApiConfiguration}.
 */
final class ApiDocs {
  private ApiDocs() {}

  static final String FORMAT = "Output representation; overrides Accept.";
  static final String BATCH_SIZE =
      "Rows per record batch when encoding JSON rows (default quiver.limits.default-batch-size, at most "
          + "quiver.limits.max-batch-size).";
  static final String COMPRESSION =
      "Arrow buffer compression (IPC body compression) of an Arrow response: zstd, lz4 (LZ4_FRAME) or none; "
          + "overrides the codecs parameter of Accept (e.g. application/vnd.apache.arrow.stream; "
          + "codecs=\"zstd, lz4\"). The Content-Type names the codec used (; codecs=zstd). No effect on JSON.";
  static final String ID = "A stored file id: 26 characters a-z, 2-7.";
  static final String ARROW_STREAM = "An Arrow IPC stream.";
  static final String ARROW_FILE = "An Arrow IPC file.";
  static final String JSON_ROWS = "JSON rows: an array of row objects (schema inferred), or "
      + "{\"schema\": SCHEMA, \"rows\": [...]} with an explicit schema.";
  static final String NDJSON_ROWS = "Newline-delimited JSON rows: one row object per line (schema inferred).";
  static final String BINARY = "binary";
}
