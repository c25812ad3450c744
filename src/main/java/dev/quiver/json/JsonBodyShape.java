package dev.quiver.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Tells the shapes of a JSON request body apart by their keys (HTTP contract): JSON rows (an array of row
 * objects, or {"schema": ..., "rows": [...]}) or Arrow integration JSON ({"schema": ..., "dictionaries":
 * [...], "batches": [...]}). The first top-level key other than "schema" decides ("batches" or
 * "dictionaries": integration; anything else: rows, whose reader reports what is wrong). The bytes read to
 * decide (at most the "schema" member and a little read-ahead, capped by {@link JsonLimits#maxRowBytes()})
 * are replayed in front of the rest of the body.
 */
public final class JsonBodyShape {
  /** The two JSON shapes. */
  public enum Shape { ROWS, INTEGRATION }

  /** The shape and the whole body, to be read from its start. */
  public record Sniffed(Shape shape, InputStream body) {}

  private JsonBodyShape() {}

  public static Sniffed sniff(InputStream body, JsonLimits limits) {
    Recording recording = new Recording(body, limits.maxRowBytes() + (64 << 10));
    Shape shape;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(2 * limits.maxNestingDepth() + 8)
            .maxStringLength(limits.maxStringLength())
            .build())
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .build();
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), recording)) {
      shape = decide(p);
    } catch (JacksonException | Recording.Full e) {
      shape = Shape.ROWS; // the rows reader reports malformed JSON and size limits with its own messages
    }
    InputStream replay = new SequenceInputStream(new ByteArrayInputStream(recording.bytes()), body);
    return new Sniffed(shape, replay);
  }

  private static Shape decide(JsonParser p) {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return Shape.ROWS;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      if (key.equals("batches") || key.equals("dictionaries")) {
        return Shape.INTEGRATION;
      }
      if (!key.equals("schema")) {
        return Shape.ROWS;
      }
      p.nextToken();
      p.skipChildren();
    }
    return Shape.ROWS;
  }

  /** Keeps a copy of every byte read, up to a cap. */
  private static final class Recording extends FilterInputStream {
    static final class Full extends RuntimeException {
      Full() {
        super(null, null, false, false);
      }
    }

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final long cap;

    Recording(InputStream in, long cap) {
      super(in);
      this.cap = cap;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (copy.size() >= cap) {
        throw new Full();
      }
      int n;
      try {
        n = super.read(b, off, (int) Math.min(len, cap - copy.size()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (n > 0) {
        copy.write(b, off, n);
      }
      return n;
    }

    byte[] bytes() {
      return copy.toByteArray();
    }
  }
}
