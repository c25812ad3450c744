package dev.quiver.store;

import dev.quiver.columnar.Schema;
import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored files in one local directory: {@code <dir>/<id>.arrow}, written through {@code <dir>/.tmp}.
 *
 * <p>Storing: the bytes go to a temporary file on the same file system (counted against the size limit),
 * are forced to disk, validated by decoding every batch, then atomically renamed into place and the
 * directory forced; on any failure the temporary file is deleted, so a half-written or invalid file is never
 * visible. Reading: each file is memory-mapped and opened with a {@link FileReader} once, on first use;
 * everything is derived from the files, so a new store over the same directory sees the same files.
 * Temporary files left by a crash are removed when a store is created.
 */
public final class LocalFileStore implements FileStore {
  private static final Logger LOG = LoggerFactory.getLogger(LocalFileStore.class);
  static final String SUFFIX = ".arrow";
  static final String TEMP_DIR = ".tmp";

  private final Path dir;
  private final Path tempDir;
  private final IpcLimits limits;
  private final long maxFileBytes;
  private final ConcurrentHashMap<String, OpenFile> open = new ConcurrentHashMap<>();

  /**
   * Creates {@code dir} (and its temp directory) if needed and deletes stale temporary files.
   *
   * @param maxFileBytes the largest file (or spooled body) accepted
   */
  public LocalFileStore(Path dir, IpcLimits limits, long maxFileBytes) throws IOException {
    if (maxFileBytes < 0) {
      throw new IllegalArgumentException("maxFileBytes < 0: " + maxFileBytes);
    }
    this.dir = dir.toAbsolutePath().normalize();
    this.tempDir = this.dir.resolve(TEMP_DIR);
    this.limits = limits;
    this.maxFileBytes = maxFileBytes;
    Files.createDirectories(tempDir);
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(tempDir)) {
      for (Path file : stale) {
        LOG.info("removing stale temporary file {}", file.getFileName());
        Files.deleteIfExists(file);
      }
    }
  }

  public Path directory() {
    return dir;
  }

  @Override
  public StoredFile create(Upload upload) throws IOException {
    String id = FileIds.newId();
    Path temp = tempDir.resolve(id + ".part");
    Path target = dir.resolve(id + SUFFIX);
    try {
      write(temp, upload, "the uploaded file");
      OpenFile opened = openValidated(id, temp, true);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(dir);
      // The mapping follows the file through the rename (same inode); cache it for the first reads.
      StoredFile file = describe(id, target, opened.reader(), opened.bytes().size());
      OpenFile stored = new OpenFile(file, opened.reader(), opened.bytes());
      open.put(id, stored);
      return file;
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp, e);
      throw e;
    }
  }

  @Override
  public Spool spool(InputStream body) throws IOException {
    Path temp = tempDir.resolve("spool-" + FileIds.newId() + ".part");
    try {
      write(temp, out -> body.transferTo(out), "the request body");
      return new Spool(temp, MappedByteSource.open(temp));
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp, e);
      throw e;
    }
  }

  @Override
  public List<StoredFile> list() throws IOException {
    List<StoredFile> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        String id = name.substring(0, name.length() - SUFFIX.length());
        if (!FileIds.isValid(id)) {
          continue;
        }
        try {
          files.add(open(id).file());
        } catch (UnknownFileException e) {
          // deleted while listing
        } catch (RuntimeException e) {
          LOG.warn("stored file {} cannot be read; leaving it out of the list", name, e);
        }
      }
    }
    files.sort(Comparator.comparing(StoredFile::created).thenComparing(StoredFile::id));
    return files;
  }

  @Override
  public OpenFile open(String id) throws IOException {
    Path path = pathOf(id);
    try {
      return open.computeIfAbsent(id, key -> {
        try {
          return openValidated(key, path, false);
        } catch (NoSuchFileException e) {
          throw new UnknownFileException("no stored file has the id '" + key + "'");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public boolean delete(String id) throws IOException {
    Path path = pathOf(id);
    // The file goes first, then the cache entry: a concurrent open either fails or is evicted here.
    boolean deleted = Files.deleteIfExists(path);
    OpenFile evicted = open.remove(id);
    if (evicted != null) {
      evicted.bytes().close();
    }
    if (deleted) {
      forceDirectory(dir);
    }
    return deleted;
  }

  /** The path of a valid id; a malformed id is unknown (so it never reaches the file system). */
  private Path pathOf(String id) {
    if (!FileIds.isValid(id)) {
      throw new UnknownFileException(
          "no stored file has the id '" + printable(id) + "' (ids are " + FileIds.shape() + ")");
    }
    return dir.resolve(id + SUFFIX);
  }

  private void write(Path temp, Upload upload, String what) throws IOException {
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      LimitedOutputStream limited = new LimitedOutputStream(
          new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), maxFileBytes, what);
      try {
        OutputStream out = limited;
        upload.writeTo(out);
        out.flush();
      } catch (IOException | RuntimeException e) {
        if (limited.exceeded() && !(e instanceof UploadTooLargeException)) {
          UploadTooLargeException tooLarge = limited.tooLarge();
          tooLarge.addSuppressed(e);
          throw tooLarge;
        }
        throw e;
      }
      channel.force(true);
    }
  }

  /** Maps {@code path} and opens it; with {@code validateAll} every batch is decoded and validated. */
  private OpenFile openValidated(String id, Path path, boolean validateAll) throws IOException {
    MappedByteSource bytes = MappedByteSource.open(path);
    try {
      FileReader reader = FileReader.open(bytes, limits);
      if (validateAll) {
        for (int i = 0; i < reader.batchCount(); i++) {
          reader.readBatch(i);
        }
      }
      return new OpenFile(describe(id, path, reader, bytes.size()), reader, bytes);
    } catch (IOException | RuntimeException e) {
      bytes.close();
      throw e;
    }
  }

  private static StoredFile describe(String id, Path path, FileReader reader, long size)
      throws IOException {
    Schema schema = reader.schema();
    int batches = reader.batchCount();
    long rows = 0;
    for (int i = 0; i < batches; i++) {
      rows += reader.batchRows(i);
    }
    Instant created = Files.getLastModifiedTime(path).toInstant();
    return new StoredFile(id, size, batches, rows, schema, created);
  }

  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open or force a directory; the rename itself is still atomic.
      LOG.debug("cannot force directory {}", directory, e);
    }
  }

  private static void deleteQuietly(Path path, Throwable cause) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** The id as it may be quoted in a message: at most 64 characters, control characters replaced. */
  private static String printable(String id) {
    if (id == null) {
      return "";
    }
    String shown = id.length() > 64 ? id.substring(0, 64) + "..." : id;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
