package dev.quiver.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Stored Arrow files, addressed by generated ids. Implementations are safe for concurrent use. */
public interface FileStore {
  /**
   * Stores the Arrow file {@code upload} writes, after validating it completely (every batch decoded).
   * Nothing is kept when writing or validating fails.
   *
   * @throws UploadTooLargeException when the file is larger than the configured maximum
   * @throws dev.quiver.ipc.ArrowFormatException when the bytes are not a valid Arrow file
   */
  StoredFile create(Upload upload) throws IOException;

  /** Every stored file, oldest first. */
  List<StoredFile> list() throws IOException;

  /**
   * The stored file {@code id}, opened for reading (opened once, then cached).
   *
   * @throws UnknownFileException when there is no such file or the id is malformed
   */
  OpenFile open(String id) throws IOException;

  /** Deletes the stored file {@code id}; false when there was none. */
  boolean delete(String id) throws IOException;

  /**
   * Copies {@code body} to a temporary file (at most the configured maximum size) and maps it, for reading
   * an Arrow file that is not stored. Closing the spool deletes the temporary file.
   */
  Spool spool(InputStream body) throws IOException;
}
