package dev.quiver.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One stored file in a {@link LocalFileStore}'s index: what the directory told at start (or the upload),
 * and, once used, the opened file. The opened file is made and checked under the entry's lock.
 */
final class StoredEntry {
  final String id;
  final Path path;
  final long size;
  final Instant created;
  /** Set by the one delete that removes this file; the entry is invisible from then on. */
  final AtomicBoolean deleting = new AtomicBoolean();
  /** Guarded by this. */
  OpenFile open;
  /** Guarded by this: every batch decoded and validated. */
  boolean validated;

  StoredEntry(String id, Path path, long size, Instant created) {
    this.id = id;
    this.path = path;
    this.size = size;
    this.created = created;
  }
}
