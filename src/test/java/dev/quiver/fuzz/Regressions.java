package dev.quiver.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The folder of inputs that once failed the fuzzer: {@code src/test/resources/fuzz/regressions}. A file is
 * named {@code stream-<crc>.bin} or {@code file-<crc>.bin} (which reader it goes through), with a
 * {@code .txt} next to it saying how it was made. {@link RegressionTest} replays every one.
 */
final class Regressions {
  private Regressions() {}

  static Path folder() {
    String base = System.getProperty("basedir", System.getProperty("user.dir"));
    return Path.of(base, "src", "test", "resources", "fuzz", "regressions");
  }

  /** Keeps a failing input; returns where it was written. */
  static Path save(byte[] bytes, boolean file, String description) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    String name = (file ? "file-" : "stream-") + Long.toHexString(crc.getValue());
    try {
      Files.createDirectories(folder());
      Path bin = folder().resolve(name + ".bin");
      Files.write(bin, bytes);
      Files.writeString(folder().resolve(name + ".txt"), description + System.lineSeparator(),
          StandardCharsets.UTF_8);
      return bin;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
