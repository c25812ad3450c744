package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.ipc.ArrowFormatException;
import dev.quiver.ipc.IpcLimits;
import dev.quiver.web.ArrowJavaIo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStoreTest {
  @TempDir
  Path root;

  private Path dir() {
    return root.resolve("store");
  }

  private LocalFileStore store(long maxBytes) throws IOException {
    return new LocalFileStore(dir(), IpcLimits.defaults(), maxBytes);
  }

  @Test
  void createsItsDirectories() throws IOException {
    store(1 << 20);
    assertThat(dir().resolve(".tmp")).isDirectory();
  }

  @Test
  void storesValidatesAndReadsBack() throws IOException {
    LocalFileStore store = store(1 << 20);
    byte[] file = ArrowJavaIo.sample(true, 2, 3);
    StoredFile stored = store.create(out -> out.write(file));
    assertThat(FileIds.isValid(stored.id())).isTrue();
    assertThat(stored.bytes()).isEqualTo(file.length);
    assertThat(stored.batches()).isEqualTo(2);
    assertThat(stored.rows()).isEqualTo(5);
    assertThat(stored.schema().fields()).extracting(f -> f.name()).containsExactly("id", "name", "score");
    assertThat(Files.readAllBytes(dir().resolve(stored.id() + ".arrow"))).isEqualTo(file);
    OpenFile open = store.open(stored.id());
    assertThat(open.file()).isEqualTo(stored);
    assertThat(open.reader().batchRows(1)).isEqualTo(3);
    ByteBuffer all = open.bytes().slice(0, file.length);
    byte[] copy = new byte[file.length];
    all.get(copy);
    assertThat(copy).isEqualTo(file);
    assertThat(store.list()).containsExactly(stored);
    assertTempEmpty();
  }

  @Test
  void storedFilesSurviveARestart() throws IOException {
    LocalFileStore first = store(1 << 20);
    StoredFile a = first.create(out -> out.write(ArrowJavaIo.sample(true, 1)));
    StoredFile b = first.create(out -> out.write(ArrowJavaIo.sample(true, 2, 2)));
    LocalFileStore second = store(1 << 20);
    assertThat(second.list()).extracting(StoredFile::id).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(second.open(b.id()).file()).isEqualTo(b);
    assertThat(second.open(b.id()).reader().readBatch(1).length()).isEqualTo(2);
  }

  @Test
  void deleteRemovesTheFileAndTheCachedReader() throws IOException {
    LocalFileStore store = store(1 << 20);
    StoredFile stored = store.create(out -> out.write(ArrowJavaIo.sample(true, 1)));
    store.open(stored.id());
    assertThat(store.delete(stored.id())).isTrue();
    assertThat(dir().resolve(stored.id() + ".arrow")).doesNotExist();
    assertThatThrownBy(() -> store.open(stored.id())).isInstanceOf(UnknownFileException.class)
        .hasMessageContaining(stored.id());
    assertThat(store.delete(stored.id())).isFalse();
    assertThat(store.list()).isEmpty();
  }

  @Test
  void malformedIdsNeverReachTheFileSystem() throws IOException {
    LocalFileStore store = store(1 << 20);
    Path outside = root.resolve("outside.arrow");
    Files.write(outside, ArrowJavaIo.sample(true, 1));
    for (String id : new String[] {"../outside", "..", "", "/etc/passwd", "../store/../outside",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ", null}) {
      assertThatThrownBy(() -> store.open(id)).as(String.valueOf(id))
          .isInstanceOf(UnknownFileException.class);
      assertThatThrownBy(() -> store.delete(id)).as(String.valueOf(id))
          .isInstanceOf(UnknownFileException.class);
    }
    assertThat(outside).exists();
  }

  @Test
  void unknownValidIdIsUnknown() throws IOException {
    LocalFileStore store = store(1 << 20);
    String id = FileIds.newId();
    assertThatThrownBy(() -> store.open(id)).isInstanceOf(UnknownFileException.class)
        .hasMessageContaining(id);
  }

  @Test
  void listingIgnoresOtherFiles() throws IOException {
    LocalFileStore store = store(1 << 20);
    Files.writeString(dir().resolve("notes.arrow"), "not an id");
    Files.writeString(dir().resolve("README"), "hello");
    StoredFile stored = store.create(out -> out.write(ArrowJavaIo.sample(true, 1)));
    assertThat(store.list()).containsExactly(stored);
  }

  @Test
  void staleTemporaryFilesAreRemovedAtStartup() throws IOException {
    Files.createDirectories(dir().resolve(".tmp"));
    Files.write(dir().resolve(".tmp/abc.part"), new byte[100]);
    Files.write(dir().resolve(".tmp/spool-1.part"), new byte[10]);
    store(1 << 20);
    assertTempEmpty();
  }

  @Test
  void aFailingUploadLeavesNothing() throws IOException {
    LocalFileStore store = store(1 << 20);
    assertThatThrownBy(() -> store.create(out -> {
      out.write(new byte[5000]);
      throw new IOException("client went away");
    })).isInstanceOf(IOException.class).hasMessage("client went away");
    assertNothingStored();
  }

  @Test
  void invalidArrowIsRefusedAndLeavesNothing() throws IOException {
    LocalFileStore store = store(1 << 20);
    byte[] file = ArrowJavaIo.sample(true, 2, 2);
    byte[] corrupt = file.clone();
    corrupt[corrupt.length - 3] ^= 0x55; // the trailing magic
    assertThatThrownBy(() -> store.create(out -> out.write(corrupt)))
        .isInstanceOf(ArrowFormatException.class);
    assertThatThrownBy(() -> store.create(out -> out.write(new byte[] {1, 2, 3})))
        .isInstanceOf(ArrowFormatException.class);
    assertThatThrownBy(() -> store.create(out -> out.write(ArrowJavaIo.sample(false, 2))))
        .isInstanceOf(ArrowFormatException.class);
    assertNothingStored();
  }

  @Test
  void tooLargeIsRefusedEvenWhenTheWriterWrapsTheError() throws IOException {
    LocalFileStore store = store(1000);
    assertThatThrownBy(() -> store.create(out -> out.write(new byte[1001])))
        .isInstanceOf(UploadTooLargeException.class).hasMessageContaining("1000");
    assertThatThrownBy(() -> store.create(out -> {
      try {
        for (int i = 0; i < 2000; i++) {
          out.write(i);
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException("wrapped", e);
      }
    })).isInstanceOf(UploadTooLargeException.class);
    assertNothingStored();
  }

  @Test
  void spoolCopiesAndDeletesOnClose() throws IOException {
    LocalFileStore store = store(1000);
    byte[] body = new byte[700];
    body[699] = 42;
    try (Spool spool = store.spool(new ByteArrayInputStream(body))) {
      assertThat(spool.bytes().size()).isEqualTo(700);
      assertThat(spool.bytes().slice(699, 1).get(0)).isEqualTo((byte) 42);
      try (Stream<Path> temp = Files.list(dir().resolve(".tmp"))) {
        assertThat(temp).hasSize(1);
      }
    }
    assertTempEmpty();
    assertThatThrownBy(() -> store.spool(new ByteArrayInputStream(new byte[1001])))
        .isInstanceOf(UploadTooLargeException.class);
    assertTempEmpty();
  }

  @Test
  void concurrentCreates() throws Exception {
    LocalFileStore store = store(1 << 20);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<StoredFile>> futures = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int batches = i % 4 + 1;
        futures.add(pool.submit(() -> {
          int[] lengths = new int[batches];
          java.util.Arrays.fill(lengths, 2);
          byte[] file = ArrowJavaIo.sample(true, lengths);
          return store.create(out -> out.write(file));
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get().batches()).isEqualTo(i % 4 + 1);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(store.list()).hasSize(12);
    assertTempEmpty();
  }

  private void assertNothingStored() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly(".tmp");
    }
    assertTempEmpty();
  }

  private void assertTempEmpty() throws IOException {
    try (Stream<Path> temp = Files.list(dir().resolve(".tmp"))) {
      assertThat(temp).isEmpty();
    }
  }
}
