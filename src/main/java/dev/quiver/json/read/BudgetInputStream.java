package dev.quiver.json.read;

import dev.quiver.columnar.LimitExceededException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts bytes read and refuses to read past a moving limit, so that a single huge row (or schema) fails
 * with {@link LimitExceededException} before it is held in memory.
 */
public final class BudgetInputStream extends FilterInputStream {
  private long count;
  private long limit = Long.MAX_VALUE;
  private String what = "";
  private long rowIndex = -1;
  private long rowMaxBytes;
  /** The most bytes recorded (the JSON text of the rows the schema is inferred from). */
  private static final long MAX_RECORDING = 1L << 30;
  private static final int CHUNK_BITS = 18;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private java.util.ArrayList<byte[]> recording;
  private long recorded;

  public BudgetInputStream(InputStream in) {
    super(in);
  }

  /** Keeps a copy of every byte read from now on, until {@link #stopRecording()}. */
  public void startRecording() {
    recording = new java.util.ArrayList<>();
    recorded = 0;
  }

  public void stopRecording() {
    recording = null;
  }

  /**
   * The recorded bytes [from, to) (offsets counted from the start of the stream, recording having started
   * at its start).
   */
  public byte[] recorded(long from, long to) {
    byte[] out = new byte[(int) (to - from)];
    int done = 0;
    while (done < out.length) {
      long at = from + done;
      byte[] chunk = recording.get((int) (at >>> CHUNK_BITS));
      int offset = (int) (at & (CHUNK - 1));
      int n = Math.min(out.length - done, CHUNK - offset);
      System.arraycopy(chunk, offset, out, done, n);
      done += n;
    }
    return out;
  }

  private void record(byte[] b, int off, int n) {
    if (recorded + n > MAX_RECORDING) {
      throw new LimitExceededException("the rows the schema is inferred from are larger than "
          + MAX_RECORDING + " bytes; send an explicit schema or use a smaller batchSize");
    }
    int done = 0;
    while (done < n) {
      int offset = (int) (recorded & (CHUNK - 1));
      if (offset == 0) {
        recording.add(new byte[CHUNK]);
      }
      int k = Math.min(n - done, CHUNK - offset);
      System.arraycopy(b, off + done, recording.get(recording.size() - 1), offset, k);
      done += k;
      recorded += k;
    }
  }

  /** Allows {@code maxBytes} more bytes (plus the parser's read-ahead) for the thing described. */
  public void budget(long maxBytes, String description) {
    limit = maxBytes >= Long.MAX_VALUE - count ? Long.MAX_VALUE : count + maxBytes;
    what = description;
    rowIndex = -1;
  }

  /**
   * Allows {@code maxBytes} more bytes for row {@code index}: the same as {@code budget(maxBytes, "row N is
   * larger than M bytes")}, with the message built only when the budget is exceeded.
   */
  public void budgetRow(long maxBytes, long index) {
    limit = maxBytes >= Long.MAX_VALUE - count ? Long.MAX_VALUE : count + maxBytes;
    rowIndex = index;
    rowMaxBytes = maxBytes;
  }

  private String what() {
    return rowIndex < 0 ? what : "row " + rowIndex + " is larger than " + rowMaxBytes + " bytes";
  }

  private void check(long next) {
    if (count + next > limit && next > 0) {
      throw new LimitExceededException(what());
    }
  }

  @Override
  public int read() throws IOException {
    check(1);
    int b = super.read();
    if (b >= 0) {
      if (recording != null) {
        record(new byte[] {(byte) b}, 0, 1);
      }
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    long room = limit - count;
    if (room <= 0 && len > 0) {
      check(len);
    }
    int n = super.read(b, off, (int) Math.min(len, Math.max(room, 1)));
    if (n > 0) {
      if (recording != null) {
        record(b, off, n);
      }
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    if (recording != null) {
      byte[] skipped = new byte[(int) Math.min(n, 8192)];
      int r = read(skipped, 0, skipped.length);
      return Math.max(r, 0);
    }
    check(n);
    long skipped = super.skip(n);
    count += skipped;
    return skipped;
  }
}
