package dev.quiver.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.quiver.ipc.Block;
import dev.quiver.json.SchemaJson;
import dev.quiver.store.StoredFile;
import java.util.List;

/** The JSON bodies of the /files endpoints. */
final class FileViews {
  private FileViews() {}

  /** One stored file; {@code schema} is the schema JSON of the contract. */
  @JsonPropertyOrder({"id", "batches", "rows", "bytes", "schema", "created"})
  record FileInfo(String id, int batches, long rows, long bytes, @JsonRawValue String schema,
      String created) {
    static FileInfo of(StoredFile file) {
      return new FileInfo(file.id(), file.batches(), file.rows(), file.bytes(),
          SchemaJson.toJson(file.schema()), file.created().toString());
    }
  }

  @JsonPropertyOrder({"count", "files"})
  record FileList(int count, List<FileInfo> files) {}

  /** Where batch {@code index} lies in the file, and its row count. */
  @JsonPropertyOrder({"index", "rows", "offset", "metadataLength", "bodyLength"})
  record BatchInfo(int index, long rows, long offset, int metadataLength, long bodyLength) {
    static BatchInfo of(int index, long rows, Block block) {
      return new BatchInfo(index, rows, block.offset(), block.metadataLength(), block.bodyLength());
    }
  }

  @JsonPropertyOrder({"count", "batches"})
  record BatchList(int count, List<BatchInfo> batches) {}
}
