package dev.quiver.web;

import dev.quiver.ipc.BodyCompression;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Content negotiation of the HTTP contract: the input representation comes from {@code Content-Type}, the
 * output from {@code Accept} (quality values and specificity respected), and {@code ?format=} overrides
 * {@code Accept}. Every endpoint lists the representations it offers, its default first: that is the answer
 * to a missing {@code Accept} or {@code *}{@code /*}, and wins ties.
 */
final class Negotiation {
  private Negotiation() {}

  private static final List<Representation> INPUTS =
      List.of(Representation.STREAM, Representation.FILE, Representation.JSON, Representation.NDJSON);

  /** The input representation of a {@code Content-Type}; 415 when missing or unsupported. */
  static Representation input(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw Problems.unsupportedMediaType(
          "the request has no Content-Type; send one of " + names(INPUTS));
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      throw Problems.unsupportedMediaType(
          "malformed Content-Type '" + contentType + "': " + e.getMessage() + "; send one of "
              + names(INPUTS));
    }
    for (Representation r : INPUTS) {
      if (r.mediaType.equalsTypeAndSubtype(type)) {
        return r;
      }
    }
    throw Problems.unsupportedMediaType(
        "Content-Type " + type.getType() + "/" + type.getSubtype() + " is not supported; send one of "
            + names(INPUTS));
  }

  /**
   * The output representation among {@code offered} (default first) for an {@code Accept} header and a
   * {@code ?format=} parameter (either may be null).
   */
  static Representation output(String accept, String format, List<Representation> offered) {
    if (format != null) {
      Representation named = Representation.ofFormat(format);
      if (named == null) {
        throw Problems.badRequest(
            "unknown format '" + format + "': use one of stream, file, json, ndjson, integration");
      }
      requireOffered(named, offered, "format=" + named.formatName);
      return named;
    }
    if (accept == null || accept.isBlank()) {
      return offered.get(0);
    }
    List<MediaType> ranges;
    try {
      ranges = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      throw Problems.badRequest("malformed Accept header '" + accept + "': " + e.getMessage());
    }
    Representation best = null;
    double bestQuality = 0;
    int bestSpecificity = -1;
    for (Representation r : offered) {
      if (r == Representation.INTEGRATION) {
        continue; // shares application/json with JSON rows: only ?format=integration selects it
      }
      MediaType range = mostSpecificRange(ranges, r.mediaType);
      if (range == null) {
        continue;
      }
      double quality = range.getQualityValue();
      int specificity = specificity(range);
      if (quality > 0 && (quality > bestQuality
          || (quality == bestQuality && specificity > bestSpecificity))) {
        best = r;
        bestQuality = quality;
        bestSpecificity = specificity;
      }
    }
    if (best == null) {
      throw Problems.notAcceptable(
          "no representation offered here (" + names(offered) + ") is acceptable to 'Accept: "
              + accept + "'; or choose one with ?format=");
    }
    return best;
  }

  /**
   * The Arrow buffer compression of an {@code output} response: {@code ?compression=zstd|lz4|none} if given,
   * else the first codec the server supports among the {@code codecs} parameter of the Accept ranges that
   * include the output's media type, zstd preferred over lz4 ({@code Accept:
   * application/vnd.apache.arrow.stream; codecs="zstd, lz4"}); uncompressed when nothing is asked for or
   * none of the asked codecs is supported. Non-Arrow outputs are never compressed (the parameter is still
   * checked). Never HTTP Content-Encoding.
   */
  static BodyCompression compression(String accept, String compression, Representation output) {
    BodyCompression asked = null;
    if (compression != null) {
      asked = switch (compression.trim().toLowerCase(Locale.ROOT)) {
        case "none" -> BodyCompression.NONE;
        case "zstd" -> BodyCompression.ZSTD;
        case "lz4", "lz4_frame" -> BodyCompression.LZ4_FRAME;
        default -> throw Problems.badRequest(
            "unknown compression '" + compression + "': use zstd, lz4 or none");
      };
    }
    if (!output.isArrow()) {
      return BodyCompression.NONE;
    }
    if (asked != null) {
      return asked;
    }
    if (accept == null || accept.isBlank()) {
      return BodyCompression.NONE;
    }
    Set<String> codecs = new HashSet<>();
    try {
      for (MediaType range : MediaType.parseMediaTypes(accept)) {
        String listed = range.getParameter("codecs");
        if (listed != null && range.getQualityValue() > 0 && range.includes(output.mediaType)) {
          for (String codec : listed.replace("\"", "").split(",")) {
            codecs.add(codec.trim().toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (InvalidMediaTypeException e) {
      throw Problems.badRequest("malformed Accept header '" + accept + "': " + e.getMessage());
    }
    if (codecs.contains("zstd")) {
      return BodyCompression.ZSTD;
    }
    return codecs.contains("lz4") || codecs.contains("lz4_frame") ? BodyCompression.LZ4_FRAME
        : BodyCompression.NONE;
  }

  /** The Content-Type of an output: an Arrow one names its buffer compression ({@code ; codecs=zstd}). */
  static String contentType(Representation output, BodyCompression compression) {
    return switch (compression) {
      case NONE -> output.mediaType.toString();
      case ZSTD -> output.mediaType + "; codecs=zstd";
      case LZ4_FRAME -> output.mediaType + "; codecs=lz4";
    };
  }

  private static void requireOffered(Representation r, List<Representation> offered, String what) {
    if (!offered.contains(r)) {
      throw Problems.notAcceptable(what + " is not available here; available: " + names(offered));
    }
  }

  /** The accepted range that includes {@code type} most specifically, or null. */
  private static MediaType mostSpecificRange(List<MediaType> ranges, MediaType type) {
    MediaType best = null;
    for (MediaType range : ranges) {
      if (range.includes(type) && (best == null || specificity(range) > specificity(best))) {
        best = range;
      }
    }
    return best;
  }

  private static int specificity(MediaType range) {
    if (range.isWildcardType()) {
      return 0;
    }
    return range.isWildcardSubtype() ? 1 : 2;
  }

  private static String names(List<Representation> representations) {
    return representations.stream()
        .filter(r -> r != Representation.INTEGRATION)
        .map(r -> r.mediaType.getType() + "/" + r.mediaType.getSubtype() + " (format=" + r.formatName + ")")
        .collect(Collectors.joining(", "));
  }
}
