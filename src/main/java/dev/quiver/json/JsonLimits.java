package dev.quiver.json;

/** Caps on JSON input: nesting depth, string length in bytes. */
public record JsonLimits(int maxNestingDepth, int maxStringLength) {
  public static JsonLimits defaults() {
    return new JsonLimits(64, 16 << 20);
  }
}
