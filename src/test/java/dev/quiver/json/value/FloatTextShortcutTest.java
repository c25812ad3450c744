package dev.quiver.json.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FloatText#format}'s shortcut gives what the digit search gives. */
class FloatTextShortcutTest {
  @Test
  void shortcutEqualsSearch() {
    SplittableRandom random = new SplittableRandom(3);
    for (int k = 0; k < 400_000; k++) {
      double v;
      switch (k % 4) {
        case 0 -> v = Double.longBitsToDouble(random.nextLong());
        case 1 -> v = Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(8));
        case 2 -> v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(24) - 8);
        default -> v = random.nextInt(20_000_000) / 1000.0 * (random.nextBoolean() ? 1 : -1);
      }
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        continue;
      }
      assertThat(FloatText.format(v, FloatText.Kind.DOUBLE)).as("%s", v)
          .isEqualTo(FloatText.search(v, FloatText.Kind.DOUBLE));
      float f = (float) v;
      if (!Float.isInfinite(f)) {
        assertThat(FloatText.format(f, FloatText.Kind.SINGLE)).as("%s", f)
            .isEqualTo(FloatText.search(f, FloatText.Kind.SINGLE));
      }
    }
    for (double v : new double[] {1e-3, 9.999999e-4, 1e7, 9999999.999999998, 100.0, 0.1, -0.001, 1234567.0,
        123456789012345.6, 0.0012345678901234567, Double.MIN_NORMAL, Double.MAX_VALUE}) {
      assertThat(FloatText.format(v, FloatText.Kind.DOUBLE)).isEqualTo(FloatText.search(v, FloatText.Kind.DOUBLE));
    }
  }
}
