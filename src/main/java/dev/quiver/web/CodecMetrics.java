package dev.quiver.web;

import dev.quiver.columnar.RecordBatch;
import dev.quiver.columnar.Schema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Quiver's own meters, counted in the web layer (the codec knows nothing of them):
 * <ul>
 *   <li>{@code quiver.batches} and {@code quiver.rows} (counters) with {@code direction} =
 *       {@code decoded} | {@code encoded} and {@code format} = stream | file | json | ndjson;
 *   <li>{@code quiver.upload} (timer of POST /files) with {@code input} and {@code outcome};
 *   <li>{@code quiver.convert} (timer of POST /convert) with {@code input}, {@code output} and
 *       {@code outcome} (success | failure).
 * </ul>
 */
@Component
final class CodecMetrics {
  static final String BATCHES = "quiver.batches";
  static final String ROWS = "quiver.rows";
  static final String UPLOAD = "quiver.upload";
  static final String CONVERT = "quiver.convert";

  private final MeterRegistry registry;

  CodecMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Work to time; {@link #timed} records its duration with outcome success or failure. */
  interface Timed<T> {
    T run() throws java.io.IOException;
  }

  <T> T upload(Representation input, Timed<T> work) throws java.io.IOException {
    return timed(Timer.builder(UPLOAD).description("POST /files: receiving, encoding, validating, storing")
        .tag("input", input.formatName), work);
  }

  <T> T convert(Representation input, Representation output, Timed<T> work) throws java.io.IOException {
    return timed(Timer.builder(CONVERT).description("POST /convert: reading, converting, writing")
        .tag("input", input.formatName).tag("output", output.formatName), work);
  }

  private <T> T timed(Timer.Builder timer, Timed<T> work) throws java.io.IOException {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "failure";
    try {
      T result = work.run();
      outcome = "success";
      return result;
    } finally {
      sample.stop(timer.tag("outcome", outcome).register(registry));
    }
  }

  /** Counts {@code batches} batches of {@code rows} rows decoded from {@code format} (not streamed). */
  void decoded(Representation format, long batches, long rows) {
    count("decoded", format, batches, rows);
  }

  /**
   * {@code source}, counting each batch it hands out as decoded from {@code input}; with an
   * {@code output}, also as encoded to it once the consumer has written it. A batch counts as written when
   * the consumer comes back for the next one ({@code hasNext()}), which is how {@link Transcoder#copy}
   * loops: a batch whose writing failed is not counted as encoded.
   */
  BatchSource counted(BatchSource source, Representation input, Representation output) {
    return new BatchSource() {
      private long pendingRows = -1;

      @Override
      public Schema schema() {
        return source.schema();
      }

      @Override
      public boolean hasNext() {
        confirm();
        return source.hasNext();
      }

      @Override
      public RecordBatch next() {
        confirm();
        RecordBatch batch = source.next();
        count("decoded", input, 1, batch.length());
        pendingRows = batch.length();
        return batch;
      }

      @Override
      public void close() {
        source.close();
      }

      private void confirm() {
        if (pendingRows >= 0 && output != null) {
          count("encoded", output, 1, pendingRows);
        }
        pendingRows = -1;
      }
    };
  }

  private void count(String direction, Representation format, long batches, long rows) {
    Counter.builder(BATCHES).description("record batches decoded from or encoded to a representation")
        .tag("direction", direction).tag("format", format.formatName)
        .register(registry).increment(batches);
    Counter.builder(ROWS).description("rows in the record batches decoded or encoded")
        .tag("direction", direction).tag("format", format.formatName)
        .register(registry).increment(rows);
  }
}
