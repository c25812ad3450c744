package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.ipc.IpcLimits;
import dev.quiver.web.ArrowJavaIo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Restart recovery: the index rebuilt from the directory, bad files quarantined, never served. */
@Timeout(60)
class StoreRecoveryTest {
  @TempDir
  Path root;

  private Path dir() {
    return root.resolve("store");
  }

  private LocalFileStore store() throws IOException {
    return new LocalFileStore(dir(), IpcLimits.defaults(), 1 << 20);
  }

  @Test
  void aTruncatedFileIsQuarantinedAtStart() throws IOException {
    LocalFileStore first = store();
    byte[] file = ArrowJavaIo.sample(true, 2, 3);
    StoredFile good = first.create(out -> out.write(file));
    String bad = FileIds.newId();
    Files.write(dir().resolve(bad + ".arrow"), java.util.Arrays.copyOf(file, file.length - 7));
    String tiny = FileIds.newId();
    Files.write(dir().resolve(tiny + ".arrow"), new byte[] {1, 2, 3});

    LocalFileStore second = store();
    assertThat(second.list()).extracting(StoredFile::id).containsExactly(good.id());
    assertThat(second.quarantined()).extracting(Quarantined::id).containsExactlyInAnyOrder(bad, tiny);
    assertThat(second.quarantined()).allMatch(Quarantined::moved);
    assertThat(dir().resolve(bad + ".arrow")).doesNotExist();
    assertThat(dir().resolve("quarantine").resolve(bad + ".arrow")).exists();
    assertThat(Files.readString(dir().resolve("quarantine").resolve(bad + ".reason.txt")))
        .contains("magic ARROW1 missing at the end");
    assertThatThrownBy(() -> second.open(bad)).isInstanceOf(UnknownFileException.class)
        .hasMessageContaining("failed validation").hasMessageContaining("quarantine");
    assertThat(second.usedBytes()).isEqualTo(file.length);
    // a third start does not see the quarantined files at all
    assertThat(store().list()).extracting(StoredFile::id).containsExactly(good.id());
  }

  @Test
  void aBadFooterIsQuarantinedWhenFirstListed() throws IOException {
    byte[] file = ArrowJavaIo.sample(true, 2, 3);
    byte[] corrupt = file.clone();
    int footerLength = ByteBuffer.wrap(file, file.length - 10, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .getInt();
    int footerStart = file.length - 10 - footerLength;
    for (int i = footerStart; i < footerStart + footerLength; i++) {
      corrupt[i] = (byte) 0xff; // ends intact, footer garbage
    }
    String id = FileIds.newId();
    Files.createDirectories(dir());
    Files.write(dir().resolve(id + ".arrow"), corrupt);
    LocalFileStore store = store();
    assertThat(store.quarantined()).isEmpty(); // passes the cheap check at start
    assertThat(store.list()).isEmpty();
    assertThat(store.quarantined()).extracting(Quarantined::id).containsExactly(id);
    assertThatThrownBy(() -> store.open(id)).isInstanceOf(UnknownFileException.class)
        .hasMessageContaining("failed validation");
    assertThat(dir().resolve("quarantine").resolve(id + ".arrow")).exists();
  }

  @Test
  void aBadBatchIsQuarantinedOnFirstOpen() throws IOException {
    byte[] file = ArrowJavaIo.sample(true, 4);
    LocalFileStore first = store();
    StoredFile stored = first.create(out -> out.write(file));
    // Overwrite the body of batch 0 in place: footer and metadata stay valid.
    OpenFile open = first.open(stored.id());
    var block = open.reader().batchBlock(0);
    long bodyStart = block.offset() + block.metadataLength();
    byte[] corrupt = file.clone();
    for (long i = bodyStart; i < bodyStart + block.bodyLength(); i++) {
      corrupt[(int) i] = (byte) 0x7f; // utf8 offsets far past the data
    }
    Files.write(dir().resolve(stored.id() + ".arrow"), corrupt);
    LocalFileStore second = store();
    assertThat(second.list()).extracting(StoredFile::id).containsExactly(stored.id()); // metadata is fine
    assertThatThrownBy(() -> second.open(stored.id())).isInstanceOf(UnknownFileException.class)
        .hasMessageContaining("failed validation");
    assertThat(second.list()).isEmpty();
    assertThat(dir().resolve("quarantine").resolve(stored.id() + ".arrow")).exists();
  }

  @Test
  void staleTemporaryFilesAreRemovedAndIgnoredFilesStay() throws IOException {
    Files.createDirectories(dir().resolve(".tmp"));
    Files.write(dir().resolve(".tmp").resolve(FileIds.newId() + ".part"), ArrowJavaIo.sample(true, 1));
    Files.writeString(dir().resolve("notes.txt"), "kept");
    LocalFileStore store = store();
    assertThat(store.list()).isEmpty();
    try (Stream<Path> temp = Files.list(dir().resolve(".tmp"))) {
      assertThat(temp).isEmpty();
    }
    assertThat(dir().resolve("notes.txt")).exists();
  }

  /** 10,000 stored files: indexed at start in well under the bound; listed and read right after. */
  @Test
  @Timeout(120)
  void tenThousandFilesAreServedWithinSecondsOfStart() throws IOException {
    int count = Integer.getInteger("quiver.store.restartFiles", 10_000);
    byte[] file = ArrowJavaIo.sample(true, 2, 3);
    Files.createDirectories(dir());
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = FileIds.newId();
      ids.add(id);
      Files.write(dir().resolve(id + ".arrow"), file);
    }
    long t0 = System.nanoTime();
    LocalFileStore store = store();
    long started = System.nanoTime();
    OpenFile one = store.open(ids.get(count / 2));
    assertThat(one.reader().readBatch(1).length()).isEqualTo(3);
    long firstRead = System.nanoTime();
    List<StoredFile> listed = store.list();
    long firstList = System.nanoTime();
    store.list();
    long secondList = System.nanoTime();
    assertThat(listed).hasSize(count);
    double startMs = (started - t0) / 1e6;
    double listMs = (firstList - firstRead) / 1e6;
    System.out.printf("restart with %d files: index %.0f ms, first read %.1f ms, first list %.0f ms,"
        + " second list %.0f ms%n", count, startMs, (firstRead - started) / 1e6, listMs,
        (secondList - firstList) / 1e6);
    assertThat(startMs).as("start time, ms").isLessThan(10_000);
    assertThat(listMs).as("first listing, ms").isLessThan(30_000);
  }
}
