package dev.quiver.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Sorts the I/O errors of the write path: a full disk (ENOSPC, EDQUOT) becomes {@link StoreFullException},
 * a read-only or inaccessible directory (EROFS, EACCES, EPERM) {@link StoreUnavailableException}; anything
 * else stays as it is. The JDK reports errno only as text ("No space left on device"), so the text decides.
 */
final class DiskErrors {
  private DiskErrors() {}

  /** The store exception {@code e} stands for, or null when it is some other I/O error. */
  static RuntimeException classify(IOException e, String doing) {
    return classify(e, doing, "nothing was stored");
  }

  /** As {@link #classify(IOException, String)}, saying {@code consequence} instead of "nothing was stored". */
  static RuntimeException classify(IOException e, String doing, String consequence) {
    String text = text(e);
    if (text.contains("no space left on device") || text.contains("disk quota exceeded")
        || text.contains("not enough space") || text.contains("there is not enough space")) {
      return new StoreFullException("the disk of the store is full (" + doing + " failed: "
          + reason(e) + "); " + consequence, e);
    }
    if (e instanceof AccessDeniedException || text.contains("read-only file system")
        || text.contains("operation not permitted") || text.contains("permission denied")) {
      return new StoreUnavailableException("the store cannot write (" + doing + " failed: " + reason(e)
          + "); " + consequence + ", stored files can still be read", e);
    }
    return null;
  }

  /** {@code e} as a store exception when it is one, else {@code e} itself. */
  static IOException rethrow(IOException e, String doing) {
    return rethrow(e, doing, "nothing was stored");
  }

  static IOException rethrow(IOException e, String doing, String consequence) {
    RuntimeException classified = classify(e, doing, consequence);
    if (classified != null) {
      throw classified;
    }
    return e;
  }

  private static String text(IOException e) {
    StringBuilder all = new StringBuilder();
    all.append(e.getMessage());
    if (e instanceof FileSystemException fs) {
      all.append(' ').append(fs.getReason());
    }
    return all.toString().toLowerCase(Locale.ROOT);
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e instanceof AccessDeniedException ? "access denied" : String.valueOf(e.getMessage());
  }
}
