package dev.quiver.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A seam for tests: called before each disk operation of the write path, it may throw the error a full or
 * read-only disk would give. Production stores use {@link #NONE}.
 */
interface DiskFaults {
  DiskFaults NONE = new DiskFaults() {};

  default void beforeCreate(Path temp) throws IOException {}

  default void beforeWrite(Path temp, long position, int length) throws IOException {}

  default void beforeForce(Path temp) throws IOException {}

  default void beforeRename(Path temp, Path target) throws IOException {}

  default void beforeDelete(Path file) throws IOException {}
}
