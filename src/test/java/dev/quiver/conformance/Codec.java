package dev.quiver.conformance;

import dev.quiver.ipc.BodyCompression;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.vector.compression.CompressionUtil;

/** The body compression codecs, as our writers, arrow-java and the wire name them. */
enum Codec {
  LZ4("lz4", BodyCompression.LZ4_FRAME, CompressionUtil.CodecType.LZ4_FRAME, CompressionType.LZ4_FRAME,
      "body compression (lz4_frame)"),
  ZSTD("zstd", BodyCompression.ZSTD, CompressionUtil.CodecType.ZSTD, CompressionType.ZSTD,
      "body compression (zstd)");

  final String suffix;
  final BodyCompression ours;
  final CompressionUtil.CodecType arrowJava;
  final byte wire;
  final String feature;

  Codec(String suffix, BodyCompression ours, CompressionUtil.CodecType arrowJava, byte wire, String feature) {
    this.suffix = suffix;
    this.ours = ours;
    this.arrowJava = arrowJava;
    this.wire = wire;
    this.feature = feature;
  }
}
