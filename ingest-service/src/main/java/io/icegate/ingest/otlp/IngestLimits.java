package io.icegate.ingest.otlp;

import static io.icegate.lake.config.ConfigChecks.atLeast;
import static io.icegate.lake.config.ConfigChecks.between;
import static io.icegate.lake.config.ConfigChecks.orDefault;
import static io.icegate.lake.config.ConfigChecks.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
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
    @Nullable @ReadableBytes Long maxRequestBytes,
    @Nullable @ReadableBytes Long maxDecompressedBytes,
    @Nullable Integer maxAttributesPerRecord,
    @Nullable Integer maxAttributeValueLength,
    @Nullable Integer maxAnyValueNesting,
    @Nullable @ReadableBytes Long maxInFlightBytes,
    @Nullable @ReadableBytes Long tenantRateBytesPerSecond,
    @Nullable @ReadableBytes Long tenantBurstBytes,
    @Nullable Duration retryAfter) {
  public static final long DEFAULT_MAX_REQUEST_BYTES = 16L << 20;
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 64L << 20;
  public static final int DEFAULT_MAX_ATTRIBUTES_PER_RECORD = 128;
  public static final int DEFAULT_MAX_ATTRIBUTE_VALUE_LENGTH = 65536;
  public static final int DEFAULT_MAX_ANY_VALUE_NESTING = 32;
  public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 256L << 20;
  public static final long DEFAULT_TENANT_RATE_BYTES_PER_SECOND = 64L << 20;
  public static final long DEFAULT_TENANT_BURST_BYTES = 128L << 20;
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  private static final String PREFIX = "icegate.ingest.limits.";

  public IngestLimits {
    maxRequestBytes =
        positive(
            PREFIX + "max-request-bytes", orDefault(maxRequestBytes, DEFAULT_MAX_REQUEST_BYTES));
    maxDecompressedBytes =
        positive(
            PREFIX + "max-decompressed-bytes",
            orDefault(maxDecompressedBytes, DEFAULT_MAX_DECOMPRESSED_BYTES));
    maxAttributesPerRecord =
        atLeast(
            PREFIX + "max-attributes-per-record",
            orDefault(maxAttributesPerRecord, DEFAULT_MAX_ATTRIBUTES_PER_RECORD),
            0);
    maxAttributeValueLength =
        positive(
            PREFIX + "max-attribute-value-length",
            orDefault(maxAttributeValueLength, DEFAULT_MAX_ATTRIBUTE_VALUE_LENGTH));
    // protobuf's own decoder stops at 100 message levels, soon after 32 AnyValue levels
    maxAnyValueNesting =
        between(
            PREFIX + "max-any-value-nesting",
            orDefault(maxAnyValueNesting, DEFAULT_MAX_ANY_VALUE_NESTING),
            1,
            32);
    maxInFlightBytes =
        positive(
            PREFIX + "max-in-flight-bytes",
            orDefault(maxInFlightBytes, DEFAULT_MAX_IN_FLIGHT_BYTES));
    tenantRateBytesPerSecond =
        positive(
            PREFIX + "tenant-rate-bytes-per-second",
            orDefault(tenantRateBytesPerSecond, DEFAULT_TENANT_RATE_BYTES_PER_SECOND));
    tenantBurstBytes =
        positive(
            PREFIX + "tenant-burst-bytes", orDefault(tenantBurstBytes, DEFAULT_TENANT_BURST_BYTES));
    retryAfter = positive(PREFIX + "retry-after", orDefault(retryAfter, DEFAULT_RETRY_AFTER));
  }

  /** The documented defaults. */
  public static IngestLimits defaults() {
    return new IngestLimits(null, null, null, null, null, null, null, null, null);
  }
}
