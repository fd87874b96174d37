package io.icegate.query.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Query meters per API ({@code sql}, later {@code loki}, {@code prometheus}, {@code tempo}): {@code
 * icegate_query_requests_total{api,outcome}}, {@code icegate_query_duration_seconds{api}}, {@code
 * icegate_query_bytes_scanned_total{api}} and {@code icegate_query_rows_scanned_total{api}}.
 */
@Singleton
public final class QueryMetrics {
  private final MeterRegistry registry;

  public QueryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Records one finished query.
   *
   * @param outcome {@code ok}, or the error type it ended with
   */
  public void record(String api, String outcome, long nanos, long bytesScanned, long rowsScanned) {
    Counter.builder("icegate.query.requests")
        .description("Queries answered, by API and outcome")
        .tags("api", api, "outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("icegate.query.duration")
        .description("Query latency, by API")
        .tags("api", api)
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    Counter.builder("icegate.query.bytes.scanned")
        .description("Bytes read from object storage by queries")
        .baseUnit("bytes")
        .tags("api", api)
        .register(registry)
        .increment(bytesScanned);
    Counter.builder("icegate.query.rows.scanned")
        .description("Rows read from the lake by queries")
        .tags("api", api)
        .register(registry)
        .increment(rowsScanned);
  }
}
