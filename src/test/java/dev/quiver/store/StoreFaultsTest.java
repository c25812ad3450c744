package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.ipc.IpcLimits;
import dev.quiver.web.ArrowJavaIo;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Full disk, read-only store, quota, time to live, and reads racing deletes, on the store itself. */
@Timeout(60)
class StoreFaultsTest {
  @TempDir
  Path root;

  private Path dir() {
    return root.resolve("store");
  }

  /** Injects the errors a full or read-only disk gives, switched on and off by the test. */
  static final class Faults implements DiskFaults {
    volatile String onCreate;
    volatile String onWrite;
    volatile String onForce;
    volatile String onDelete;

    @Override
    public void beforeCreate(Path temp) throws IOException {
      fail(onCreate, temp);
    }

    @Override
    public void beforeWrite(Path temp, long position, int length) throws IOException {
      fail(onWrite, temp);
    }

    @Override
    public void beforeForce(Path temp) throws IOException {
      fail(onForce, temp);
    }

    @Override
    public void beforeDelete(Path file) throws IOException {
      fail(onDelete, file);
    }

    private static void fail(String reason, Path path) throws IOException {
      if (reason != null) {
        throw new FileSystemException(path.toString(), null, reason);
      }
    }
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private LocalFileStore store(long quota, Duration ttl, Clock clock, DiskFaults faults) throws IOException {
    return new LocalFileStore(dir(), IpcLimits.defaults(), 1 << 24, quota, ttl, clock, faults);
  }

  @Test
  void aFullDiskFailsUploadsWith507AndLeavesNothing() throws IOException {
    Faults faults = new Faults();
    LocalFileStore store = store(0, null, Clock.systemUTC(), faults);
    byte[] file = ArrowJavaIo.sample(true, 2, 3);
    StoredFile kept = store.create(out -> out.write(file));
    faults.onWrite = "No space left on device";
    assertThatThrownBy(() -> store.create(out -> out.write(ArrowJavaIo.sample(true, 70_000))))
        .isInstanceOf(StoreFullException.class).hasMessageContaining("No space left on device")
        .hasMessageContaining("nothing was stored");
    faults.onWrite = null;
    faults.onForce = "No space left on device";
    assertThatThrownBy(() -> store.create(out -> out.write(file))).isInstanceOf(StoreFullException.class);
    // a transcoder that wraps the failure does not hide it
    assertThatThrownBy(() -> store.create(out -> {
      try {
        out.write(file);
        out.flush();
      } catch (RuntimeException e) {
        throw new IllegalStateException("wrapped", e);
      }
    })).isInstanceOf(StoreFullException.class);
    faults.onForce = null;
    assertOnly(kept.id());
    // reads keep working, and writing works again once there is room
    assertThat(store.open(kept.id()).reader().readBatch(1).length()).isEqualTo(3);
    assertThat(store.create(out -> out.write(file)).bytes()).isEqualTo(file.length);
  }

  @Test
  void aReadOnlyStoreFailsUploadsAndDeletesWith503AndKeepsServing() throws IOException {
    Faults faults = new Faults();
    LocalFileStore store = store(0, null, Clock.systemUTC(), faults);
    byte[] file = ArrowJavaIo.sample(true, 2, 3);
    StoredFile kept = store.create(out -> out.write(file));
    faults.onCreate = "Read-only file system";
    faults.onDelete = "Read-only file system";
    assertThatThrownBy(() -> store.create(out -> out.write(file)))
        .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("Read-only file system");
    assertThatThrownBy(() -> store.spool(new java.io.ByteArrayInputStream(file)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> store.delete(kept.id())).isInstanceOf(StoreUnavailableException.class);
    assertThat(store.list()).extracting(StoredFile::id).containsExactly(kept.id());
    assertThat(store.open(kept.id()).reader().readBatch(0).length()).isEqualTo(2);
    faults.onCreate = null;
    faults.onDelete = null;
    assertThat(store.delete(kept.id())).isTrue();
    assertOnly();
  }

  @Test
  void theQuotaCountsStoredBytesAndFreesThemOnDelete() throws IOException {
    byte[] file = ArrowJavaIo.sample(true, 2, 3);
    LocalFileStore store = store(file.length * 3L, null, Clock.systemUTC(), DiskFaults.NONE);
    StoredFile a = store.create(out -> out.write(file));
    store.create(out -> out.write(file));
    store.create(out -> out.write(file));
    assertThat(store.usedBytes()).isEqualTo(file.length * 3L);
    assertThatThrownBy(() -> store.create(out -> out.write(file))).isInstanceOf(StoreFullException.class)
        .hasMessageContaining("quota").hasMessageContaining("quiver.storage.quota");
    assertThat(store.list()).hasSize(3);
    assertThat(store.delete(a.id())).isTrue();
    store.create(out -> out.write(file));
    assertThat(store.list()).hasSize(3);
    // a restart counts what is on disk
    store.close();
    LocalFileStore again = store(file.length * 3L, null, Clock.systemUTC(), DiskFaults.NONE);
    assertThat(again.usedBytes()).isEqualTo(file.length * 3L);
    assertThatThrownBy(() -> again.create(out -> out.write(file))).isInstanceOf(StoreFullException.class);
    try (Stream<Path> temp = Files.list(dir().resolve(".tmp"))) {
      assertThat(temp).isEmpty();
    }
  }

  @Test
  void expiredFilesAreInvisibleAtOnceAndSweptAway() throws IOException {
    TestClock clock = new TestClock();
    LocalFileStore store = store(0, Duration.ofHours(1), clock, DiskFaults.NONE);
    try {
      byte[] file = ArrowJavaIo.sample(true, 1);
      StoredFile old = store.create(out -> out.write(file));
      clock.now.set(clock.now.get().plus(Duration.ofMinutes(59)));
      assertThat(store.list()).hasSize(1);
      clock.now.set(old.created().plus(Duration.ofHours(1)));
      StoredFile fresh = store.create(out -> out.write(file));
      assertThat(store.list()).extracting(StoredFile::id).doesNotContain(old.id());
      assertThatThrownBy(() -> store.open(old.id())).isInstanceOf(UnknownFileException.class);
      assertThat(store.delete(old.id())).isFalse();
      assertThat(dir().resolve(old.id() + ".arrow")).doesNotExist(); // the delete removed it anyway
      store.sweep();
      assertOnly(fresh.id());
    } finally {
      store.close();
    }
  }

  @Test
  void theSweepDeletesExpiredFiles() throws IOException {
    TestClock clock = new TestClock();
    LocalFileStore store = store(0, Duration.ofMinutes(5), clock, DiskFaults.NONE);
    try {
      StoredFile old = store.create(out -> out.write(ArrowJavaIo.sample(true, 1)));
      clock.now.set(old.created().plus(Duration.ofMinutes(6)));
      store.sweep();
      assertOnly();
      assertThat(store.usedBytes()).isZero();
    } finally {
      store.close();
    }
  }

  @Test
  void aReadStartedBeforeADeleteCompletes() throws IOException {
    LocalFileStore store = store(0, null, Clock.systemUTC(), DiskFaults.NONE);
    byte[] file = ArrowJavaIo.sample(true, 2, 3);
    StoredFile stored = store.create(out -> out.write(file));
    OpenFile reading = store.open(stored.id());
    assertThat(store.delete(stored.id())).isTrue();
    // the reader, its batches and the raw bytes stay valid over the unlinked file's mapping
    assertThat(reading.reader().readBatch(1).length()).isEqualTo(3);
    assertThat(reading.reader().batchMessage(0)).hasSize(2);
    byte[] copy = new byte[file.length];
    reading.bytes().slice(0, file.length).get(copy);
    assertThat(copy).isEqualTo(file);
    // no later call sees it
    assertThatThrownBy(() -> store.open(stored.id())).isInstanceOf(UnknownFileException.class);
    assertThat(store.list()).isEmpty();
    assertThat(store.delete(stored.id())).isFalse();
  }

  @Test
  void aLargeFileMappedPerRegionStaysReadableAfterDelete() throws Exception {
    Path file = root.resolve("large");
    byte[] bytes = new byte[50_000];
    new java.util.Random(1).nextBytes(bytes);
    Files.write(file, bytes);
    MappedByteSource source = MappedByteSource.open(file, 4096);
    assertThat(source.perRegion()).isTrue();
    Files.delete(file);
    java.nio.ByteBuffer region = source.slice(40_000, 5000);
    assertThat(region.get(4999)).isEqualTo(bytes[44_999]);
    source.close();
    assertThat(region.get(0)).isEqualTo(bytes[40_000]); // views outlive the channel
  }

  private void assertOnly(String... ids) throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".arrow")))
          .containsExactlyInAnyOrder(Stream.of(ids).map(id -> id + ".arrow").toArray(String[]::new));
    }
    try (Stream<Path> temp = Files.list(dir().resolve(".tmp"))) {
      assertThat(temp).isEmpty();
    }
  }
}
