package dev.quiver.web.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids: taken from an incoming {@code X-Request-Id} header when it is short and made of safe
 * characters (so a caller's id can be followed across services, and nothing can be injected into a log
 * line or header), otherwise generated. The id is returned in the {@code X-Request-Id} response header, in
 * every problem response as {@code requestId}, and is in the logging MDC as {@code requestId} while the
 * request runs.
 *
 * <p>A generated id is a random (version 4) UUID drawn from {@link ThreadLocalRandom}: an id must be
 * unique, not secret, and {@link UUID#randomUUID()}'s cryptographic generator reads the operating
 * system's random source under a lock on every call, a measurable part of serving a small response.
 */
public final class RequestIds {
  private RequestIds() {}

  /** The request and response header. */
  public static final String HEADER = "X-Request-Id";
  /** The MDC key (and structured-log field) of the id. */
  public static final String MDC_KEY = "requestId";
  /** The request attribute holding the id of the current request. */
  public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

  /** The most characters an incoming id may have. */
  public static final int MAX_LENGTH = 64;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1," + MAX_LENGTH + "}");

  /** {@code incoming} when it is a usable id, else a new random one. */
  public static String acceptOrGenerate(String incoming) {
    if (incoming != null && SAFE.matcher(incoming).matches()) {
      return incoming;
    }
    return randomUuid().toString();
  }

  /** A version 4 (random), IETF variant UUID. */
  static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long least = (random.nextLong() & ~(3L << 62)) | (2L << 62); // variant 10
    return new UUID(most, least);
  }

  /** The id of {@code request}, or null outside a request the request-log filter saw. */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id instanceof String s ? s : null;
  }
}
