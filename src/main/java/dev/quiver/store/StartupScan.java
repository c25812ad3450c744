package dev.quiver.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The cheap check of every stored file when a store starts: a regular file named {@code <id>.arrow}, with
 * the magic {@code ARROW1} at both ends and a footer length that fits the file. Two small reads per file,
 * nothing mapped, so that thousands of files are indexed in well under a second; the footer and batches
 * are checked on first use (see {@link LocalFileStore}).
 */
final class StartupScan {
  private StartupScan() {}

  private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 8;
  private static final int TRAILER = 4 + 6;

  /** A file found in the directory. {@code problem} is null when it passed the cheap check. */
  record Found(String id, Path path, long size, java.time.Instant modified, String problem) {}

  static List<Found> scan(Path dir) throws IOException {
    List<Found> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + LocalFileStore.SUFFIX)) {
      for (Path path : entries) {
        String name = path.getFileName().toString();
        String id = name.substring(0, name.length() - LocalFileStore.SUFFIX.length());
        if (!FileIds.isValid(id)) {
          continue; // not ours
        }
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
          continue;
        }
        if (!attributes.isRegularFile()) {
          continue;
        }
        found.add(new Found(id, path, attributes.size(), attributes.lastModifiedTime().toInstant(),
            problem(path, attributes.size())));
      }
    }
    return found;
  }

  /** What is wrong with the file's ends, or null when they look like an Arrow file's. */
  static String problem(Path path, long size) throws IOException {
    if (size < HEADER + TRAILER) {
      return "file of " + size + " bytes is too small for an Arrow file";
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer head = read(channel, 0, HEADER);
      ByteBuffer tail = read(channel, size - TRAILER, TRAILER);
      if (head == null || tail == null) {
        return "file shorter than its size while reading";
      }
      if (!magic(head, 0)) {
        return "not an Arrow file: magic ARROW1 missing at the start";
      }
      if (!magic(tail, 4)) {
        return "magic ARROW1 missing at the end (a truncated or unfinished file)";
      }
      int footerLength = tail.getInt(0);
      long maxFooter = size - HEADER - TRAILER;
      if (footerLength <= 0 || footerLength > maxFooter) {
        return "footer length " + footerLength + " out of [1, " + maxFooter + "]";
      }
      return null;
    }
  }

  private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        return null;
      }
    }
    return buffer.flip();
  }

  private static boolean magic(ByteBuffer buffer, int at) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (buffer.get(at + i) != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
