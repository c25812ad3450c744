package dev.quiver.web;

import dev.quiver.ipc.IpcLimits;
import dev.quiver.json.JsonLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Quiver's settings ({@code quiver.*}): every limit and option of the service, with its default. Each one
 * is also settable by environment variable (Spring's relaxed binding: {@code quiver.limits.max-upload-bytes}
 * is {@code QUIVER_LIMITS_MAXUPLOADBYTES}); the README's configuration table lists them all, and a test
 * keeps that table and application.properties in step with this class.
 *
 * @param storage where stored files live
 * @param limits request-level limits
 * @param ipc caps on Arrow IPC input
 * @param json caps on JSON input
 * @param auth optional bearer-token authentication of the data endpoints
 */
@ConfigurationProperties("quiver")
public record QuiverProperties(
    @DefaultValue Storage storage,
    @DefaultValue Limits limits,
    @DefaultValue Ipc ipc,
    @DefaultValue Json json,
    @DefaultValue Auth auth) {

  /**
   * @param dir the storage directory ({@code QUIVER_STORAGE_DIR}); relative to the working directory
   * @param quota optional: the most bytes stored in all (uploads beyond it answer 507); unset or 0 = none
   * @param timeToLive optional: how long a stored file is kept (e.g. {@code 7d}); unset = until deleted
   */
  public record Storage(@DefaultValue("data") String dir,
      @DataSizeUnit(DataUnit.BYTES) DataSize quota, java.time.Duration timeToLive) {}

  /**
   * @param maxUploadBytes the largest stored file, and the largest Arrow file body /convert accepts
   *     (bytes, or a size such as {@code 4GB})
   * @param maxBatchSize the largest {@code ?batchSize=}
   * @param defaultBatchSize rows per record batch when encoding JSON rows without {@code ?batchSize=}
   */
  public record Limits(
      @DefaultValue("4GB") @DataSizeUnit(DataUnit.BYTES) DataSize maxUploadBytes,
      @DefaultValue("1048576") int maxBatchSize,
      @DefaultValue("65536") int defaultBatchSize) {
    public Limits {
      if (maxUploadBytes.toBytes() < 0) {
        throw new IllegalArgumentException("quiver.limits.max-upload-bytes < 0: " + maxUploadBytes);
      }
      if (maxBatchSize < 1) {
        throw new IllegalArgumentException("quiver.limits.max-batch-size < 1: " + maxBatchSize);
      }
      if (defaultBatchSize < 1 || defaultBatchSize > maxBatchSize) {
        throw new IllegalArgumentException(
            "quiver.limits.default-batch-size not in 1.." + maxBatchSize + ": " + defaultBatchSize);
      }
    }
  }

  /**
   * @param maxMetadataBytes the largest flatbuffer metadata of one message
   * @param maxBodyBytes the largest body of one message
   * @param maxNestingDepth the deepest field nesting
   * @param maxFields the most fields in a schema, nested ones included
   * @param maxBatchValues the most values in one record or dictionary batch: its rows, and the lengths of
   *     all its arrays added up (a null-typed array costs no bytes whatever its length)
   */
  public record Ipc(
      @DefaultValue("67108864") int maxMetadataBytes,
      @DefaultValue("2147483583") long maxBodyBytes,
      @DefaultValue("64") int maxNestingDepth,
      @DefaultValue("10000") int maxFields,
      @DefaultValue("268435456") long maxBatchValues) {
    public IpcLimits toLimits() {
      return new IpcLimits(maxMetadataBytes, maxBodyBytes, maxNestingDepth, maxFields,
          IpcLimits.DEFAULT_MAX_DECOMPRESSED_BYTES, maxBatchValues);
    }
  }

  /**
   * @param maxNestingDepth the deepest nesting of JSON arrays and objects
   * @param maxStringLength the longest JSON string, in bytes
   */
  public record Json(
      @DefaultValue("64") int maxNestingDepth, @DefaultValue("16777216") int maxStringLength) {
    public JsonLimits toLimits() {
      return new JsonLimits(maxNestingDepth, maxStringLength);
    }
  }

  /**
   * @param token when set (not blank), every data endpoint ({@code /convert}, {@code /files/**}) requires
   *     {@code Authorization: Bearer <token>}; empty (the default) turns authentication off. Health stays
   *     open either way.
   */
  public record Auth(@DefaultValue("") String token) {
    public Auth {
      token = token == null ? "" : token.strip();
    }

    /** Whether a token is configured. */
    public boolean enabled() {
      return !token.isEmpty();
    }

    /** Never shows the token (these properties may end up in a log or an error message). */
    @Override
    public String toString() {
      return "Auth[token=" + (enabled() ? "******" : "") + "]";
    }
  }
}
