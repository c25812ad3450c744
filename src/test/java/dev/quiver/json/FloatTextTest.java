package dev.quiver.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.json.value.Float16;
import dev.quiver.json.value.FloatText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Float text is round-tripping and shortest, checked against BigDecimal arithmetic. */
class FloatTextTest {

  private static int digits(String text) {
    return new BigDecimal(text).stripTrailingZeros().precision();
  }

  @Test
  void everyHalfFloatRoundTrips() {
    for (int bits = 0; bits < 0x10000; bits++) {
      float f = Float16.toFloat((short) bits);
      if (Float.isNaN(f) || Float.isInfinite(f)) {
        continue;
      }
      String text = FloatText.format(f, FloatText.Kind.HALF);
      assertThat(Float16.fromDouble(Double.parseDouble(text))).as(text).isEqualTo((short) bits);
    }
  }

  @Test
  void randomFloatsAndDoublesAreShortestAndRoundTrip() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (!Double.isNaN(d) && !Double.isInfinite(d) && d != 0) {
        String text = FloatText.format(d, FloatText.Kind.DOUBLE);
        assertThat(Double.parseDouble(text)).as(text).isEqualTo(d);
        int n = digits(text);
        if (n > 1) {
          BigDecimal shorter = new BigDecimal(d).round(new MathContext(n - 1, RoundingMode.HALF_EVEN));
          assertThat(shorter.doubleValue()).as("shorter than " + text).isNotEqualTo(d);
        }
      }
      float f = Float.intBitsToFloat(random.nextInt());
      if (!Float.isNaN(f) && !Float.isInfinite(f) && f != 0) {
        String text = FloatText.format(f, FloatText.Kind.SINGLE);
        assertThat(Float.parseFloat(text)).as(text).isEqualTo(f);
        int n = digits(text);
        if (n > 1) {
          BigDecimal shorter = new BigDecimal(f).round(new MathContext(n - 1, RoundingMode.HALF_EVEN));
          assertThat(shorter.floatValue()).as("shorter than " + text).isNotEqualTo(f);
        }
      }
    }
  }

  @Test
  void knownJava17Surpluses() {
    assertThat(FloatText.format(2.82879384806159E17, FloatText.Kind.DOUBLE)).isEqualTo("2.82879384806159E17");
    assertThat(FloatText.format(8.41E21, FloatText.Kind.DOUBLE)).isEqualTo("8.41E21");
    assertThat(FloatText.format(Double.MIN_VALUE, FloatText.Kind.DOUBLE)).isEqualTo("5.0E-324");
    assertThat(FloatText.format(1.0E23, FloatText.Kind.DOUBLE)).isEqualTo("1.0E23");
    assertThat(FloatText.format(0.1f, FloatText.Kind.SINGLE)).isEqualTo("0.1");
    assertThat(FloatText.format(100, FloatText.Kind.DOUBLE)).isEqualTo("100.0");
  }
}
