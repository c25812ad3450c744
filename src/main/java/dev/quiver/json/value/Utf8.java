package dev.quiver.json.value;

/**
 * Encodes chars to UTF-8 exactly as {@code String.getBytes(StandardCharsets.UTF_8)} does (an unpaired
 * surrogate becomes '?'), without creating the String.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * Encodes {@code src[offset, offset + length)} into {@code dst} from index 0 and returns the byte count;
   * {@code dst} must hold at least {@code 3 * length} bytes.
   */
  public static int encode(char[] src, int offset, int length, byte[] dst) {
    int n = 0;
    int end = offset + length;
    int i = offset;
    while (i < end) {
      char c = src[i++];
      if (c < 0x80) {
        dst[n++] = (byte) c;
      } else if (c < 0x800) {
        dst[n++] = (byte) (0xC0 | (c >> 6));
        dst[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i < end && Character.isLowSurrogate(src[i])) {
          int cp = Character.toCodePoint(c, src[i++]);
          dst[n++] = (byte) (0xF0 | (cp >> 18));
          dst[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          dst[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          dst[n++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          dst[n++] = (byte) '?';
        }
      } else {
        dst[n++] = (byte) (0xE0 | (c >> 12));
        dst[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        dst[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return n;
  }
}
