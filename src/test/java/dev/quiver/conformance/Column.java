package dev.quiver.conformance;

/** The columns of the conformance table: what a step of a case exercised. */
enum Column {
  STREAM_READ("stream read"),
  STREAM_WRITE("stream write"),
  FILE_READ("file read"),
  FILE_WRITE("file write"),
  HTTP("HTTP");

  final String label;

  Column(String label) {
    this.label = label;
  }
}
