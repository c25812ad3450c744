package dev.quiver.jsinterop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The comparison and the Java canonical helpers the interop tests rely on (no node needed). */
class CanonicalJsonTest {
  private static JsonNode json(String text) {
    return CanonicalJson.parse(text, "test JSON");
  }

  @Test
  void numbersCompareByValue() {
    CanonicalJson.assertSame(json("[5, 0.1, 1e300]"), json("[5.0, 0.1, 1E+300]"), "numbers");
    assertThatThrownBy(() -> CanonicalJson.assertSame(json("[0.1]"), json("[0.10000000149011612]"), "x"))
        .hasMessageContaining("at /0");
    assertThatThrownBy(() -> CanonicalJson.assertSame(json("[\"5\"]"), json("[5]"), "x"))
        .hasMessageContaining("at /0");
  }

  @Test
  void differencesNameTheirPath() {
    JsonNode expected = json("{\"batches\":[{\"rows\":[[1,{\"a\":[1,2]}]]}]}");
    assertThatThrownBy(() -> CanonicalJson.assertSame(expected,
        json("{\"batches\":[{\"rows\":[[1,{\"a\":[1,3]}]]}]}"), "data"))
        .hasMessageContaining("data: at /batches/0/rows/0/1/a/1: expected 2, got 3");
    assertThatThrownBy(() -> CanonicalJson.assertSame(expected,
        json("{\"batches\":[{\"rows\":[[1,{\"a\":[1]}]]}]}"), "data"))
        .hasMessageContaining("at /batches/0/rows/0/1/a: expected 2 elements, got 1");
    assertThatThrownBy(() -> CanonicalJson.assertSame(expected,
        json("{\"batches\":[{\"rows\":[[1,{\"b\":[1,2]}]]}]}"), "data"))
        .hasMessageContaining("key \"a\" missing");
    assertThatThrownBy(() -> CanonicalJson.assertSame(json("[null]"), json("[0]"), "nulls"))
        .hasMessageContaining("expected null, got 0");
  }

  @Test
  void floatsHaveStringsForSpecialValues() {
    assertThat(JsCanonical.floatNode(Double.NaN).asText()).isEqualTo("NaN");
    assertThat(JsCanonical.floatNode(Double.POSITIVE_INFINITY).asText()).isEqualTo("Infinity");
    assertThat(JsCanonical.floatNode(Double.NEGATIVE_INFINITY).asText()).isEqualTo("-Infinity");
    assertThat(JsCanonical.floatNode(-0.0).asText()).isEqualTo("-0");
    assertThat(JsCanonical.floatNode(0.0).isNumber()).isTrue();
  }

  @Test
  void halfFloatsConvertExactly() {
    assertThat(JsCanonical.halfToDouble((short) 0x3c00)).isEqualTo(1.0);
    assertThat(JsCanonical.halfToDouble((short) 0x3e00)).isEqualTo(1.5);
    assertThat(JsCanonical.halfToDouble((short) 0xc080)).isEqualTo(-2.25);
    assertThat(JsCanonical.halfToDouble((short) 0x7bff)).isEqualTo(65504.0);
    assertThat(JsCanonical.halfToDouble((short) 0x0400)).isEqualTo(6.103515625e-5);
    assertThat(JsCanonical.halfToDouble((short) 0x0001)).isEqualTo(5.960464477539063e-8);
    assertThat(JsCanonical.halfToDouble((short) 0x8000)).isEqualTo(-0.0);
    assertThat(JsCanonical.halfToDouble((short) 0x7c00)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(JsCanonical.halfToDouble((short) 0xfc00)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(JsCanonical.halfToDouble((short) 0x7e00)).isNaN();
  }
}
