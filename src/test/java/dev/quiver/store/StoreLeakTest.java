package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.ipc.IpcLimits;
import dev.quiver.web.ArrowJavaIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many upload/read/delete cycles, then the file descriptors and memory mappings of the store's files are
 * back to their starting level: deletes leak nothing. Mappings of deleted files are released by the garbage
 * collector (Java 17 cannot unmap safely), so the test lets it run before counting.
 */
@Timeout(120)
class StoreLeakTest {
  @TempDir
  Path root;

  @Test
  void uploadReadDeleteCyclesLeakNoDescriptorOrMapping() throws Exception {
    ProcSelf.assumeLinux();
    Path dir = root.resolve("store");
    int cycles = Integer.getInteger("quiver.store.leakCycles", 600);
    LocalFileStore store = new LocalFileStore(dir, IpcLimits.defaults(), 1 << 24);
    byte[][] files = {ArrowJavaIo.sample(true, 2, 3), ArrowJavaIo.sample(true, 5000, 1, 7000)};
    int fdsBefore = ProcSelf.openFileDescriptors();
    assertThat(ProcSelf.mappingsUnder(dir)).isZero();
    int peakMappings = 0;
    for (int i = 0; i < cycles; i++) {
      byte[] file = files[i % files.length];
      StoredFile stored = store.create(out -> out.write(file));
      OpenFile open = store.open(stored.id());
      for (int b = 0; b < open.reader().batchCount(); b++) {
        open.reader().readBatch(b);
        for (ByteBuffer view : open.reader().batchMessage(b)) {
          assertThat(view.remaining()).isPositive();
        }
      }
      if (i % 3 == 0) {
        store.list();
      }
      assertThat(store.delete(stored.id())).isTrue();
      if (i % 100 == 0) {
        peakMappings = Math.max(peakMappings, ProcSelf.mappingsUnder(dir));
      }
    }
    assertThat(store.list()).isEmpty();
    int leftoverBeforeGc = ProcSelf.mappingsUnder(dir);
    boolean released = ProcSelf.gcUntil(() -> mappings(dir) == 0 && descriptors(dir) == 0, 10_000);
    int fdsAfter = ProcSelf.openFileDescriptors();
    System.out.printf("leak test: %d cycles; mappings of store files: peak sampled %d, %d before GC, %d after;"
        + " descriptors under the store %d; process descriptors %d before, %d after%n", cycles,
        peakMappings, leftoverBeforeGc, mappings(dir), descriptors(dir), fdsBefore, fdsAfter);
    assertThat(released).as("mappings and descriptors of deleted files released").isTrue();
    assertThat(fdsAfter).as("process file descriptors").isLessThanOrEqualTo(fdsBefore + 2);
    try (var left = Files.list(dir.resolve(".tmp"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aLargeFileSourceDroppedWithoutCloseReleasesItsDescriptor() throws Exception {
    ProcSelf.assumeLinux();
    Path dir = root.resolve("large");
    Files.createDirectories(dir);
    Path file = dir.resolve("f");
    Files.write(file, new byte[20_000]);
    for (int i = 0; i < 200; i++) {
      MappedByteSource source = MappedByteSource.open(file, 4096); // per region: keeps a channel
      source.slice(8192, 100);
    }
    Files.delete(file);
    assertThat(ProcSelf.gcUntil(() -> descriptors(dir) == 0 && mappings(dir) == 0, 10_000))
        .as("channels closed by the cleaner, mappings released").isTrue();
  }

  private static int mappings(Path dir) {
    try {
      return ProcSelf.mappingsUnder(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int descriptors(Path dir) {
    try {
      return ProcSelf.descriptorsUnder(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
