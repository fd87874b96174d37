package io.icegate.query.engine;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
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
    @Bindable(defaultValue = "30s") Duration timeout,
    @Bindable(defaultValue = "1073741824") long maxBytesScanned,
    @Bindable(defaultValue = "20000000") long maxRowsScanned,
    @Bindable(defaultValue = "100000") long maxResultRows,
    @Bindable(defaultValue = "67108864") long maxResultBytes) {
  public QueryLimits {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Invalid icegate.query.timeout: must be positive");
    }
    if (maxBytesScanned <= 0 || maxRowsScanned <= 0 || maxResultRows <= 0 || maxResultBytes <= 0) {
      throw new IllegalArgumentException("Invalid icegate.query.* limit: must be positive");
    }
  }

  public static QueryLimits defaults() {
    return new QueryLimits(Duration.ofSeconds(30), 1L << 30, 20_000_000, 100_000, 64L << 20);
  }
}
