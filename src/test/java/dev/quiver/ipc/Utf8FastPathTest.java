package dev.quiver.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The 8-bytes-at-a-time ASCII skips of {@link Utf8} find the same first invalid byte as byte-wise. */
class Utf8FastPathTest {
  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void asciiRunsAroundInvalidBytesAtEveryPosition() {
    for (int len = 1; len <= 40; len++) {
      for (int bad = 0; bad < len; bad++) {
        byte[] b = new byte[len];
        java.util.Arrays.fill(b, (byte) 'a');
        b[bad] = (byte) 0xFF;
        assertThat(Utf8.firstInvalid(le(b), 0, len)).as("len %d bad %d", len, bad).isEqualTo(bad);
        assertThat(Utf8.isAscii(le(b), 0, len)).isFalse();
        assertThat(Utf8.isAscii(le(b), 0, bad)).isTrue();
        assertThat(Utf8.firstInvalid(le(b), 0, bad)).isEqualTo(-1);
      }
    }
  }

  @Test
  void multiByteSequencesAfterAsciiRuns() {
    byte[] ok = "abcdefghij\u00e9klmnopqrstuv\u20acwxyz0123456789\uD83D\uDE00!".getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8.firstInvalid(le(ok), 0, ok.length)).isEqualTo(-1);
    assertThat(Utf8.isAscii(le(ok), 0, ok.length)).isFalse();
    byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 2); // cuts the 4-byte emoji
    assertThat(Utf8.firstInvalid(le(truncated), 0, truncated.length)).isEqualTo(ok.length - 5);
    byte[] overlong = "abcdefghijklmnop".getBytes(StandardCharsets.US_ASCII);
    overlong[9] = (byte) 0xC0;
    overlong[10] = (byte) 0x80;
    assertThat(Utf8.firstInvalid(le(overlong), 0, overlong.length)).isEqualTo(9);
  }
}
