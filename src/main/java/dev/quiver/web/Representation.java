package dev.quiver.web;

import java.util.Locale;
import org.springframework.http.MediaType;

/** The representations of Arrow data over HTTP, with their media types and {@code ?format=} names. */
enum Representation {
  STREAM(ArrowMediaTypes.STREAM, "stream"),
  FILE(ArrowMediaTypes.FILE, "file"),
  JSON(ArrowMediaTypes.JSON, "json"),
  NDJSON(ArrowMediaTypes.NDJSON, "ndjson"),
  /** Arrow integration-test JSON: same media type as JSON rows, chosen by {@code ?format=} only. */
  INTEGRATION(ArrowMediaTypes.JSON, "integration");

  final MediaType mediaType;
  final String formatName;

  Representation(MediaType mediaType, String formatName) {
    this.mediaType = mediaType;
    this.formatName = formatName;
  }

  boolean isArrow() {
    return this == STREAM || this == FILE;
  }

  /** The representation named by {@code ?format=}, or null. */
  static Representation ofFormat(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (Representation r : values()) {
      if (r.formatName.equals(wanted)) {
        return r;
      }
    }
    return null;
  }
}
