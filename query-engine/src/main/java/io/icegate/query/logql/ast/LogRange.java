package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The range-vector argument of a range aggregation: a log query, the window {@code [range]}, an
 * optional {@code offset} (zero when absent) and an optional {@code unwrap}.
 */
public record LogRange(
    LogSelector selector, Duration range, Duration offset, Optional<Unwrap> unwrap) {
  public LogRange {
    requireNonNull(selector, "selector is null");
    requireNonNull(range, "range is null");
    requireNonNull(offset, "offset is null");
    requireNonNull(unwrap, "unwrap is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.logRange(this);
  }
}
