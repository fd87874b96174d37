package io.icegate.bench.query;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.http.loki.LokiJson;
import io.icegate.query.logql.metric.LokiMetricLimits;
import io.icegate.query.loki.Direction;
import io.icegate.query.loki.LokiApi;
import io.icegate.query.loki.LokiConfiguration;
import io.icegate.query.loki.LokiResult;

/**
 * What {@code /loki/api/v1/query_range} runs, in process (only HTTP transport and parameter parsing
 * left out): the engine's {@link LokiApi#queryRange} plans, scans and evaluates, and the query
 * service's {@link LokiJson} renders Loki's JSON, as its Loki controller does.
 */
final class LokiQueryRange {
  private final LokiApi api;

  LokiQueryRange(LakeScanner scanner, QueryLimits limits) {
    this.api =
        new LokiApi(scanner, limits, LokiConfiguration.defaults(), LokiMetricLimits.defaults());
  }

  /**
   * The parameters of one call, parsed: nanoseconds since the epoch, newest entries first.
   *
   * @param step the step of a metric query; log queries ignore it
   */
  record Params(String query, long start, long end, long step, int limit) {
    /** A log query, with Loki's default step (range / 250, at least 1 s). */
    static Params logs(String query, long start, long end, int limit) {
      long step = Math.max((end - start) / 250 / 1_000_000_000L, 1) * 1_000_000_000L;
      return new Params(query, start, end, step, limit);
    }

    /** A metric query, with Loki's default limit. */
    static Params metric(String query, long start, long end, long step) {
      return new Params(query, start, end, step, 100);
    }
  }

  /** Loki's JSON answer and what the scan read. */
  record Result(byte[] json, long bytesScanned, long rowsScanned) {}

  Result run(TenantId tenant, Params params) {
    LokiResult result =
        api.queryRange(
            tenant,
            params.query(),
            params.start(),
            params.end(),
            params.step(),
            params.limit(),
            Direction.BACKWARD,
            false);
    return new Result(
        LokiJson.result(result), result.stats().bytesScanned(), result.stats().rowsScanned());
  }
}
