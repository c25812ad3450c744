package dev.quiver.web;

import org.springframework.http.MediaType;

/** The media types of the HTTP contract. */
public final class ArrowMediaTypes {
  private ArrowMediaTypes() {}

  public static final String STREAM_VALUE = "application/vnd.apache.arrow.stream";
  public static final String FILE_VALUE = "application/vnd.apache.arrow.file";
  public static final String JSON_VALUE = "application/json";
  public static final String NDJSON_VALUE = "application/x-ndjson";
  public static final String PROBLEM_VALUE = "application/problem+json";

  public static final MediaType STREAM = MediaType.parseMediaType(STREAM_VALUE);
  public static final MediaType FILE = MediaType.parseMediaType(FILE_VALUE);
  public static final MediaType JSON = MediaType.APPLICATION_JSON;
  public static final MediaType NDJSON = MediaType.parseMediaType(NDJSON_VALUE);
}
