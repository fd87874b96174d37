package io.icegate.ingest.otlp;

import io.icegate.lake.config.InvalidConfigurationException;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The {@code icegate.ingest.limits.*} keys: what one OTLP request and one tenant may cost. Defaults
 * are stated here once and documented in docs/ingest.md.
 *
 * @param maxRequestBytes OTLP/HTTP body as sent (compressed or not); larger answers 413
 * @param maxDecompressedBytes OTLP/HTTP body after gunzip and gRPC message size; larger answers 413
 *     (HTTP) or RESOURCE_EXHAUSTED (gRPC). Bodies are inflated in a stream that stops at this size,
 *     so a zip bomb never inflates further.
 * @param maxAttributesPerRecord attributes kept per log record, span, span event and link (beyond
 *     it the rest are dropped and counted in the record's {@code dropped_attributes_count}), and
 *     per resource, scope and data point (dropped, counted in the resource's or scope's own count)
 * @param maxAttributeValueLength string attribute values (also inside arrays and kvlists) are cut
 *     to this many characters, as the OpenTelemetry SDKs' attribute value length limit does
 * @param maxAnyValueNesting arrays and kvlists nested deeper than this (at most 32) reject the
 *     whole request with 400 / INVALID_ARGUMENT
 * @param maxInFlightBytes decoded bytes of requests accepted but not yet acknowledged; beyond it
 *     requests are answered 503 / UNAVAILABLE with a retry delay (memory stays bounded)
 * @param tenantRateBytesPerSecond per-tenant ingest rate in decoded bytes per second (token bucket)
 * @param tenantBurstBytes per-tenant bucket size; a request larger than it needs a full bucket
 * @param retryAfter the delay advertised with 503 / UNAVAILABLE (Retry-After, RetryInfo)
 */
@ConfigurationProperties("icegate.ingest.limits")
public record IngestLimits(
    @Bindable(defaultValue = "16777216") @Min(1) long maxRequestBytes,
    @Bindable(defaultValue = "67108864") @Min(1) long maxDecompressedBytes,
    @Bindable(defaultValue = "128") @Min(0) int maxAttributesPerRecord,
    @Bindable(defaultValue = "65536") @Min(1) int maxAttributeValueLength,
    @Bindable(defaultValue = "32") @Min(1) @Max(32) int maxAnyValueNesting,
    @Bindable(defaultValue = "268435456") @Min(1) long maxInFlightBytes,
    @Bindable(defaultValue = "67108864") @Min(1) long tenantRateBytesPerSecond,
    @Bindable(defaultValue = "134217728") @Min(1) long tenantBurstBytes,
    @Bindable(defaultValue = "1s") @NotNull Duration retryAfter) {

  public IngestLimits {
    positive("max-request-bytes", maxRequestBytes);
    positive("max-decompressed-bytes", maxDecompressedBytes);
    positive("max-attribute-value-length", maxAttributeValueLength);
    positive("max-in-flight-bytes", maxInFlightBytes);
    positive("tenant-rate-bytes-per-second", tenantRateBytesPerSecond);
    positive("tenant-burst-bytes", tenantBurstBytes);
    if (maxAttributesPerRecord < 0) {
      throw invalid("max-attributes-per-record", maxAttributesPerRecord, "expected 0 or more");
    }
    if (maxAnyValueNesting < 1 || maxAnyValueNesting > 32) {
      throw invalid(
          "max-any-value-nesting",
          maxAnyValueNesting,
          "expected 1 to 32 (protobuf's own decoding limit is reached soon after)");
    }
    if (retryAfter == null || retryAfter.isNegative()) {
      throw invalid("retry-after", retryAfter, "expected a positive duration");
    }
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw invalid(key, value, "expected a positive number");
    }
  }

  private static InvalidConfigurationException invalid(String key, Object value, String expected) {
    return new InvalidConfigurationException(
        "icegate.ingest.limits." + key, "invalid value " + value + ", " + expected);
  }

  /** The documented defaults. */
  public static IngestLimits defaults() {
    return new IngestLimits(
        16L << 20,
        64L << 20,
        128,
        65536,
        32,
        256L << 20,
        64L << 20,
        128L << 20,
        Duration.ofSeconds(1));
  }
}
