package dev.quiver.json;

/** Jackson's exception messages turned into Quiver's: limits named as ours, no "[Source: ...]" noise. */
public final class JacksonMessages {
  private JacksonMessages() {}

  /**
   * What a Jackson stream constraint refused, in our words; with {@code limits} (null: without) the
   * nesting and string limits are given as numbers.
   */
  public static String limit(String jackson, JsonLimits limits) {
    String m = jackson == null ? "" : jackson;
    if (m.contains("nesting depth")) {
      return limits == null
          ? "JSON nested too deeply (the nesting depth limit)"
          : "JSON nested deeper than " + limits.maxNestingDepth() + " levels (the nesting depth limit)";
    } else if (m.contains("String value length")) {
      return limits == null
          ? "a string longer than the string length limit"
          : "a string longer than " + limits.maxStringLength() + " characters (the string length limit)";
    } else if (m.contains("Number value length")) {
      return "a number with too many digits";
    } else if (m.contains("Name length")) {
      return "a key that is too long";
    }
    return clean(m);
  }

  /** The message without Jackson's source descriptions. */
  public static String clean(String message) {
    if (message == null) {
      return "";
    }
    return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
        .replaceAll("\\s*\\[Source:[^\\]]*\\]", "");
  }
}
