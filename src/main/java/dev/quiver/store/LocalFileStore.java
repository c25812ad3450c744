package dev.quiver.store;

import dev.quiver.ipc.FileReader;
import dev.quiver.ipc.IpcLimits;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored files in one local directory: {@code <dir>/<id>.arrow}, written through {@code <dir>/.tmp}.
 *
 * <p>Storing: the bytes go to a temporary file in {@code <dir>/.tmp} (same file system; counted against the
 * size limit and the quota), are forced to disk, validated by decoding every batch, atomically renamed
 * into place, and the directory is forced; only then does {@link #create} return. On any failure the
 * temporary file is deleted; after a crash, temporary files are deleted at the next start. So a file is
 * either complete and listed, or absent.
 *
 * <p>Starting: the index is rebuilt from the directory with a cheap check per file (magic at both ends,
 * footer length; see {@link StartupScan}); the footer is read when the file is first listed or opened, and
 * every batch is decoded once, on the first {@link #open}. A file failing any of these checks is moved to
 * {@code <dir>/quarantine/} with a log line and never served.
 *
 * <p>Reading: each file is memory-mapped and opened with a {@link FileReader} once, then cached. Deleting
 * removes the file and the cache entry; a read holding the {@link OpenFile} goes on over its mapping, which
 * the garbage collector releases once nothing refers to it.
 *
 * <p>Optional: a quota on the total stored bytes, and a time to live per file (expired files are invisible
 * at once and deleted by a background sweep).
 */
public final class LocalFileStore implements FileStore, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalFileStore.class);
  static final String SUFFIX = ".arrow";
  static final String TEMP_DIR = ".tmp";
  static final String QUARANTINE_DIR = "quarantine";

  private final Path dir;
  private final Path tempDir;
  private final IpcLimits limits;
  private final long maxFileBytes;
  private final long quotaBytes;
  private final Duration timeToLive;
  private final Clock clock;
  private final DiskFaults faults;
  private final ConcurrentHashMap<String, StoredEntry> index = new ConcurrentHashMap<>();
  private final AtomicLong used = new AtomicLong();
  private final Quarantine quarantine;
  private final ScheduledExecutorService sweeper;

  /** A store without quota or time to live. */
  public LocalFileStore(Path dir, IpcLimits limits, long maxFileBytes) throws IOException {
    this(dir, limits, maxFileBytes, 0, null);
  }

  /**
   * Creates {@code dir} (and its temp directory) if needed, deletes stale temporary files and indexes the
   * stored files.
   *
   * @param maxFileBytes the largest file (or spooled body) accepted
   * @param quotaBytes the most bytes stored in all, or 0 for no quota
   * @param timeToLive how long a file is kept after it was stored, or null to keep files until deleted
   */
  public LocalFileStore(Path dir, IpcLimits limits, long maxFileBytes, long quotaBytes, Duration timeToLive)
      throws IOException {
    this(dir, limits, maxFileBytes, quotaBytes, timeToLive, Clock.systemUTC(), DiskFaults.NONE);
  }

  LocalFileStore(Path dir, IpcLimits limits, long maxFileBytes, long quotaBytes, Duration timeToLive,
      Clock clock, DiskFaults faults) throws IOException {
    if (maxFileBytes < 0) {
      throw new IllegalArgumentException("maxFileBytes < 0: " + maxFileBytes);
    }
    if (quotaBytes < 0) {
      throw new IllegalArgumentException("quotaBytes < 0: " + quotaBytes);
    }
    if (timeToLive != null && (timeToLive.isNegative() || timeToLive.isZero())) {
      throw new IllegalArgumentException("timeToLive <= 0: " + timeToLive);
    }
    this.dir = dir.toAbsolutePath().normalize();
    this.tempDir = this.dir.resolve(TEMP_DIR);
    this.limits = limits;
    this.maxFileBytes = maxFileBytes;
    this.quotaBytes = quotaBytes;
    this.timeToLive = timeToLive;
    this.clock = clock;
    this.faults = faults;
    this.quarantine = new Quarantine(this.dir.resolve(QUARANTINE_DIR), clock);
    long start = System.nanoTime();
    Files.createDirectories(this.dir);
    prepareTempDir();
    int quarantined = 0;
    for (StartupScan.Found found : StartupScan.scan(this.dir)) {
      if (found.problem() == null) {
        index.put(found.id(), new StoredEntry(found.id(), found.path(), found.size(), found.modified()));
        used.addAndGet(found.size());
      } else {
        quarantine.withdraw(found.id(), found.path(), found.problem());
        quarantined++;
      }
    }
    LOG.info("store {}: {} files ({} bytes) indexed in {} ms{}", this.dir, index.size(), used.get(),
        (System.nanoTime() - start) / 1_000_000, quarantined > 0 ? "; " + quarantined + " quarantined" : "");
    this.sweeper = timeToLive == null ? null : startSweeper(timeToLive);
  }

  public Path directory() {
    return dir;
  }

  /** The bytes of the stored files (what the quota counts). */
  public long usedBytes() {
    return used.get();
  }

  @Override
  public List<Quarantined> quarantined() {
    return quarantine.list();
  }

  @Override
  public StoredFile create(Upload upload) throws IOException {
    String id = FileIds.newId();
    Path temp = tempDir.resolve(id + ".part");
    Path target = dir.resolve(id + SUFFIX);
    long reserved = 0;
    try {
      long size = write(temp, upload, "the uploaded file", this::quotaRoom, true);
      Instant created = Files.getLastModifiedTime(temp).toInstant();
      OpenFile opened = openMapped(id, temp, created, true);
      reserve(size);
      reserved = size;
      try {
        faults.beforeRename(temp, target);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw DiskErrors.rethrow(e, "renaming the temporary file into place");
      }
      forceDirectory(dir);
      // The mapping follows the file through the rename (same inode); cache it for the first reads.
      StoredEntry entry = new StoredEntry(id, target, size, created);
      entry.open = opened;
      entry.validated = true;
      index.put(id, entry);
      reserved = 0;
      return opened.file();
    } catch (IOException | RuntimeException | Error e) {
      used.addAndGet(-reserved);
      deleteQuietly(temp, e);
      throw e;
    }
  }

  @Override
  public Spool spool(InputStream body) throws IOException {
    Path temp = tempDir.resolve("spool-" + FileIds.newId() + ".part");
    try {
      write(temp, body::transferTo, "the request body", () -> Long.MAX_VALUE, false);
      return new Spool(temp, MappedByteSource.open(temp));
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp, e);
      throw e;
    }
  }

  @Override
  public List<StoredFile> list() throws IOException {
    List<StoredFile> files = new ArrayList<>();
    for (StoredEntry entry : index.values()) {
      if (!visible(entry)) {
        continue;
      }
      try {
        files.add(load(entry, false).file());
      } catch (UnknownFileException e) {
        // deleted or withdrawn while listing
      }
    }
    files.sort(Comparator.comparing(StoredFile::created).thenComparing(StoredFile::id));
    return files;
  }

  @Override
  public OpenFile open(String id) throws IOException {
    pathOf(id);
    StoredEntry entry = index.get(id);
    if (entry == null || !visible(entry)) {
      throw unknown(id);
    }
    return load(entry, true);
  }

  @Override
  public boolean delete(String id) throws IOException {
    Path path = pathOf(id);
    StoredEntry entry = index.get(id);
    if (entry == null || !entry.deleting.compareAndSet(false, true)) {
      return false;
    }
    boolean wasVisible = !expired(entry);
    try {
      faults.beforeDelete(path);
      Files.deleteIfExists(path);
    } catch (IOException e) {
      entry.deleting.set(false);
      throw DiskErrors.rethrow(e, "deleting the file", "the file was not deleted");
    }
    if (index.remove(id, entry)) {
      used.addAndGet(-entry.size);
    }
    forceDirectory(dir);
    return wasVisible;
  }

  /** Stops the expiry sweep. */
  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }

  /** The opened file of {@code entry}; with {@code validateAll}, every batch is decoded once first. */
  private OpenFile load(StoredEntry entry, boolean validateAll) throws IOException {
    synchronized (entry) {
      try {
        if (entry.open == null) {
          entry.open = openMapped(entry.id, entry.path, entry.created, false);
        }
        if (validateAll && !entry.validated) {
          validate(entry.open.reader());
          entry.validated = true;
        }
        return entry.open;
      } catch (NoSuchFileException e) {
        forget(entry); // deleted meanwhile, here or behind the store's back
        throw unknown(entry.id);
      } catch (java.io.UncheckedIOException e) {
        entry.open = null; // an I/O error (mapping a region), not a property of the file
        throw e.getCause();
      } catch (RuntimeException e) {
        entry.open = null;
        if (entry.deleting.get() || !Files.exists(entry.path)) {
          forget(entry);
          throw unknown(entry.id);
        }
        quarantine.withdraw(entry.id, entry.path, String.valueOf(e.getMessage()));
        forget(entry);
        throw unknown(entry.id);
      }
    }
  }

  private void forget(StoredEntry entry) {
    if (index.remove(entry.id, entry)) {
      used.addAndGet(-entry.size);
    }
  }

  private boolean visible(StoredEntry entry) {
    return !entry.deleting.get() && !expired(entry);
  }

  private boolean expired(StoredEntry entry) {
    return timeToLive != null && !clock.instant().isBefore(entry.created.plus(timeToLive));
  }

  private UnknownFileException unknown(String id) {
    Quarantined withdrawn = quarantine.find(id);
    if (withdrawn != null) {
      return new UnknownFileException("the stored file '" + id + "' failed validation and was withdrawn"
          + (withdrawn.moved() ? " to the quarantine folder" : "") + ": " + withdrawn.reason());
    }
    return new UnknownFileException("no stored file has the id '" + id + "'");
  }

  private long quotaRoom() {
    return quotaBytes == 0 ? Long.MAX_VALUE : quotaBytes - used.get();
  }

  private void reserve(long size) {
    if (quotaBytes == 0) {
      used.addAndGet(size);
      return;
    }
    long now;
    do {
      now = used.get();
      if (now + size > quotaBytes) {
        throw new StoreFullException("the file of " + size + " bytes does not fit in the store's quota of "
            + quotaBytes + " bytes (" + Math.max(0, quotaBytes - now) + " left; quiver.storage.quota);"
            + " nothing was stored");
      }
    } while (!used.compareAndSet(now, now + size));
  }

  /** The path of a valid id; a malformed id is unknown (so it never reaches the file system). */
  private Path pathOf(String id) {
    if (!FileIds.isValid(id)) {
      throw new UnknownFileException(
          "no stored file has the id '" + printable(id) + "' (ids are " + FileIds.shape() + ")");
    }
    return dir.resolve(id + SUFFIX);
  }

  /** Writes a new temporary file; the first limit, quota or disk failure wins over what wraps it. */
  private long write(Path temp, Upload upload, String what, java.util.function.LongSupplier quotaRoom,
      boolean force) throws IOException {
    try (TempFileWriter out = TempFileWriter.create(temp, maxFileBytes, quotaRoom, what, faults)) {
      try {
        upload.writeTo(out);
        if (force) {
          out.finish();
        } else {
          out.flush();
        }
      } catch (IOException | RuntimeException e) {
        RuntimeException failure = out.failure();
        if (failure != null && failure != e) {
          failure.addSuppressed(e);
          throw failure;
        }
        throw e;
      }
      return out.count();
    }
  }

  /** Maps {@code path} and opens it; with {@code validateAll} every batch is decoded and validated. */
  private OpenFile openMapped(String id, Path path, Instant created, boolean validateAll)
      throws IOException {
    MappedByteSource bytes = MappedByteSource.open(path);
    try {
      FileReader reader = FileReader.open(bytes, limits);
      if (validateAll) {
        validate(reader);
      }
      return new OpenFile(describe(id, reader, bytes.size(), created), reader, bytes);
    } catch (RuntimeException e) {
      bytes.close();
      throw e;
    }
  }

  private static void validate(FileReader reader) {
    for (int i = 0; i < reader.batchCount(); i++) {
      reader.readBatch(i);
    }
  }

  private static StoredFile describe(String id, FileReader reader, long size, Instant created) {
    int batches = reader.batchCount();
    long rows = 0;
    for (int i = 0; i < batches; i++) {
      rows += reader.batchRows(i);
    }
    return new StoredFile(id, size, batches, rows, reader.schema(), created);
  }

  private void prepareTempDir() {
    try {
      Files.createDirectories(tempDir);
      try (DirectoryStream<Path> stale = Files.newDirectoryStream(tempDir)) {
        for (Path file : stale) {
          LOG.info("removing stale temporary file {}", file.getFileName());
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // A read-only store still serves its files; uploads will answer 503.
      LOG.warn("store {}: cannot prepare the temporary folder ({}); uploads will fail", dir, e.toString());
    }
  }

  private ScheduledExecutorService startSweeper(Duration ttl) {
    long period = Math.max(1000, Math.min(ttl.toMillis() / 4, 60_000));
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "quiver-store-expiry");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    return executor;
  }

  /** Deletes the expired files (they are already invisible). */
  void sweep() {
    for (StoredEntry entry : index.values()) {
      if (expired(entry)) {
        try {
          delete(entry.id);
          LOG.info("deleted expired file {}", entry.id);
        } catch (IOException | RuntimeException e) {
          LOG.warn("cannot delete expired file {}: {}", entry.id, e.toString());
        }
      }
    }
  }

  static void forceDirectory(Path directory) {
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
