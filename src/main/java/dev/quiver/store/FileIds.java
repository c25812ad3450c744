package dev.quiver.store;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Stored file ids: 128 random bits as 26 lowercase base32 characters (RFC 4648 alphabet {@code a-z2-7},
 * no padding). An id is checked against a strict pattern before it is used to build a path, so no id can
 * name anything outside the storage directory.
 */
public final class FileIds {
  private FileIds() {}

  public static final int LENGTH = 26;
  private static final Pattern VALID = Pattern.compile("[a-z2-7]{26}");
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new random id. */
  public static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    StringBuilder id = new StringBuilder(LENGTH);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        id.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    id.append(ALPHABET[(buffer << (5 - bits)) & 31]); // the last 3 bits, zero-padded to 5
    return id.toString();
  }

  /** Whether {@code id} has the exact shape of a generated id (null is not). */
  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /** A short description of the id shape, for error messages. */
  public static String shape() {
    return LENGTH + " characters a-z, 2-7";
  }
}
