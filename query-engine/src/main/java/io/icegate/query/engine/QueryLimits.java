package io.icegate.query.engine;

import static io.icegate.lake.config.ConfigChecks.orDefault;
import static io.icegate.lake.config.ConfigChecks.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * The {@code icegate.query.*} limits every query runs under, whatever its language. Exceeding one
 * ends the query with {@link QueryLimitExceededException} naming the key to raise.
 *
 * @param timeout wall-clock time of one query, planning included (default 30 s; keep it below the
 *     WAL grace period, DESIGN.md §6)
 * @param maxBytesScanned bytes read from object storage by one query: catalog metadata, manifests,
 *     data files and WAL segments (default 1 GiB)
 * @param maxRowsScanned rows one query may read from the lake, over all its table scans (default 20
 *     million)
 * @param maxResultRows rows one answer may hold (default 100,000)
 * @param maxResultBytes approximate size of one answer (default 64 MiB)
 */
@ConfigurationProperties("icegate.query")
public record QueryLimits(
    @Nullable Duration timeout,
    @Nullable @ReadableBytes Long maxBytesScanned,
    @Nullable Long maxRowsScanned,
    @Nullable Long maxResultRows,
    @Nullable @ReadableBytes Long maxResultBytes) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_BYTES_SCANNED = 1L << 30;
  public static final long DEFAULT_MAX_ROWS_SCANNED = 20_000_000;
  public static final long DEFAULT_MAX_RESULT_ROWS = 100_000;
  public static final long DEFAULT_MAX_RESULT_BYTES = 64L << 20;

  public QueryLimits {
    timeout = positive("icegate.query.timeout", orDefault(timeout, DEFAULT_TIMEOUT));
    maxBytesScanned =
        positive(
            "icegate.query.max-bytes-scanned",
            orDefault(maxBytesScanned, DEFAULT_MAX_BYTES_SCANNED));
    maxRowsScanned =
        positive(
            "icegate.query.max-rows-scanned", orDefault(maxRowsScanned, DEFAULT_MAX_ROWS_SCANNED));
    maxResultRows =
        positive(
            "icegate.query.max-result-rows", orDefault(maxResultRows, DEFAULT_MAX_RESULT_ROWS));
    maxResultBytes =
        positive(
            "icegate.query.max-result-bytes", orDefault(maxResultBytes, DEFAULT_MAX_RESULT_BYTES));
  }

  public static QueryLimits defaults() {
    return new QueryLimits(null, null, null, null, null);
  }
}
