package dev.quiver.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdraws stored files that fail validation: each is moved to {@code <dir>/quarantine/<id>.arrow} with
 * {@code <id>.reason.txt} beside it, logged as a warning, and remembered (so that a request for it says
 * why it is gone). When the store cannot write, the file stays where it is but is still never served.
 */
final class Quarantine {
  private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

  private final Path folder;
  private final Clock clock;
  private final ConcurrentHashMap<String, Quarantined> withdrawn = new ConcurrentHashMap<>();

  Quarantine(Path folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
  }

  void withdraw(String id, Path file, String reason) {
    boolean moved = false;
    try {
      Files.createDirectories(folder);
      Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      Files.write(folder.resolve(id + ".reason.txt"), (reason + "\n").getBytes(StandardCharsets.UTF_8));
      LocalFileStore.forceDirectory(file.getParent());
      moved = true;
    } catch (NoSuchFileException e) {
      return; // deleted meanwhile: nothing to withdraw
    } catch (IOException e) {
      LOG.warn("cannot move {} to {} ({}); it stays in place but is not served", file.getFileName(), folder,
          e.toString());
    }
    withdrawn.put(id, new Quarantined(id, reason, clock.instant(), moved));
    LOG.warn("stored file {} failed validation and is never served{}: {}", id,
        moved ? " (moved to " + folder + ")" : "", reason);
  }

  Quarantined find(String id) {
    return withdrawn.get(id);
  }

  List<Quarantined> list() {
    List<Quarantined> all = new ArrayList<>(withdrawn.values());
    all.sort(Comparator.comparing(Quarantined::when).thenComparing(Quarantined::id));
    return all;
  }
}
