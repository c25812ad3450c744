package dev.quiver.web.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code storage}, part of the readiness group: UP when the storage directory can be
 * written, checked by creating, writing and deleting a probe file in its temporary directory
 * ({@code <dir>/.tmp}, where every stored file is first written) and checking the directory itself, where
 * files are renamed into place, is writable. A full or read-only volume takes the instance out of the
 * load balancer rather than failing every upload.
 */
public final class StorageHealthIndicator extends AbstractHealthIndicator {
  private final Path dir;
  private final Path tempDir;

  /** @param dir the storage directory ({@code quiver.storage.dir}) */
  public StorageHealthIndicator(Path dir) {
    super("the storage directory is not writable");
    this.dir = dir.toAbsolutePath().normalize();
    this.tempDir = this.dir.resolve(".tmp");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws IOException {
    builder.withDetail("dir", dir.toString());
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      builder.down().withDetail("error", "not a writable directory");
      return;
    }
    Path probe = Files.createTempFile(tempDir, "health-", ".probe");
    try {
      Files.write(probe, new byte[] {1});
    } finally {
      Files.deleteIfExists(probe);
    }
    builder.up().withDetail("free", Files.getFileStore(dir).getUsableSpace());
  }
}
