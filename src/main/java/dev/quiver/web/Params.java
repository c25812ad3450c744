package dev.quiver.web;

import dev.quiver.store.UploadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;

/** Parsing and checking of request parameters shared by the controllers. */
final class Params {
  private Params() {}

  /** {@code ?batchSize=}: absent gives the default; otherwise an integer in 1..max (else 400). */
  static int batchSize(String value, QuiverProperties.Limits limits) {
    if (value == null) {
      return limits.defaultBatchSize();
    }
    int max = limits.maxBatchSize();
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Problems.badRequest("batchSize must be an integer from 1 to " + max + ": '" + value + "'");
  }

  /** A batch index path segment: not an integer is 400; out of 0..count-1 is 404. */
  static int batchIndex(String value, int count, String id) {
    long index;
    try {
      index = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw Problems.badRequest("batch index must be an integer: '" + value + "'");
    }
    if (index < 0 || index >= count) {
      throw Problems.notFound("file " + id + " has no batch " + index + " (it has " + count
          + (count == 1 ? " batch" : " batches") + (count > 0 ? ", indexes 0.." + (count - 1) : "") + ")");
    }
    return (int) index;
  }

  /** 413 before reading when the declared Content-Length is already over {@code maxBytes}. */
  static void checkContentLength(HttpServletRequest request, long maxBytes) {
    long length = request.getContentLengthLong();
    if (length > maxBytes) {
      throw new UploadTooLargeException("the request body of " + length
          + " bytes is larger than the limit of " + maxBytes + " bytes (quiver.limits.max-upload-bytes)");
    }
  }
}
