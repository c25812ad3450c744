package dev.quiver.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Stored Arrow files, addressed by generated ids: the one interface the controllers use, so that another
 * backend (object storage shared by several replicas) can replace {@link LocalFileStore} without touching
 * them. Implementations are safe for concurrent use and keep these promises:
 *
 * <ul>
 *   <li>{@link #create} returns only once the file is durable and visible to every later call; when it
 *       throws, nothing of the upload is visible, now or after a restart.
 *   <li>Once {@link #delete} has returned, no later call sees the file; an {@link OpenFile} obtained
 *       before stays readable to its end.
 *   <li>No call ever sees a partial file.
 * </ul>
 */
public interface FileStore {
  /**
   * Stores the Arrow file {@code upload} writes, after validating it completely (every batch decoded).
   * Nothing is kept when writing or validating fails.
   *
   * @throws UploadTooLargeException when the file is larger than the configured maximum
   * @throws dev.quiver.ipc.ArrowFormatException when the bytes are not a valid Arrow file
   * @throws StoreFullException when the disk is full or the quota would be exceeded
   * @throws StoreUnavailableException when the store cannot write (read-only)
   */
  StoredFile create(Upload upload) throws IOException;

  /** Every stored file, oldest first. */
  List<StoredFile> list() throws IOException;

  /**
   * The stored file {@code id}, opened for reading (opened once, then cached).
   *
   * @throws UnknownFileException when there is no such file (deleted, expired, withdrawn after failing
   *     validation) or the id is malformed
   */
  OpenFile open(String id) throws IOException;

  /**
   * Deletes the stored file {@code id}; false when there was none.
   *
   * @throws StoreUnavailableException when the store cannot write (the file stays)
   */
  boolean delete(String id) throws IOException;

  /**
   * Copies {@code body} to a temporary file (at most the configured maximum size) and maps it, for reading
   * an Arrow file that is not stored. Closing the spool deletes the temporary file.
   */
  Spool spool(InputStream body) throws IOException;

  /** The files withdrawn since start because they failed validation (never served). */
  default List<Quarantined> quarantined() {
    return List.of();
  }
}
