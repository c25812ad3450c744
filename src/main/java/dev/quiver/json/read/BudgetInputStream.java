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

  public BudgetInputStream(InputStream in) {
    super(in);
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
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    check(n);
    long skipped = super.skip(n);
    count += skipped;
    return skipped;
  }
}
