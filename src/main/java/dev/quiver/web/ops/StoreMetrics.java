package dev.quiver.web.ops;

import dev.quiver.store.FileIds;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Gauges of the store: {@code quiver.store.files} (stored files) and {@code quiver.store.bytes} (their
 * total size). Both come from one listing of the storage directory's {@code <id>.arrow} entries (no file
 * is opened or mapped), taken at most once per {@code maxAge} nanoseconds however often metrics are
 * scraped.
 */
public final class StoreMetrics implements MeterBinder {
  private static final String SUFFIX = ".arrow";

  private final Path dir;
  private final long maxAgeNanos;
  private final LongSupplier clock;
  private long takenAt;
  private boolean taken;
  private long files;
  private long bytes;

  public StoreMetrics(Path dir, long maxAgeNanos) {
    this(dir, maxAgeNanos, System::nanoTime);
  }

  StoreMetrics(Path dir, long maxAgeNanos, LongSupplier clock) {
    if (maxAgeNanos < 0) {
      throw new IllegalArgumentException("maxAgeNanos < 0: " + maxAgeNanos);
    }
    this.dir = dir;
    this.maxAgeNanos = maxAgeNanos;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("quiver.store.files", this, s -> s.refreshed().files)
        .description("stored Arrow files")
        .baseUnit("files")
        .register(registry);
    Gauge.builder("quiver.store.bytes", this, s -> s.refreshed().bytes)
        .description("total size of the stored Arrow files")
        .baseUnit("bytes")
        .register(registry);
  }

  private synchronized StoreMetrics refreshed() {
    long now = clock.getAsLong();
    if (!taken || now - takenAt >= maxAgeNanos) {
      scan();
      takenAt = now;
      taken = true;
    }
    return this;
  }

  private void scan() {
    long count = 0;
    long total = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!FileIds.isValid(name.substring(0, name.length() - SUFFIX.length()))) {
          continue;
        }
        try {
          total += Files.size(entry);
          count++;
        } catch (NoSuchFileException e) {
          // deleted while listing
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    files = count;
    bytes = total;
  }
}
