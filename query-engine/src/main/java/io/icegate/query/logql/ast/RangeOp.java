package io.icegate.query.logql.ast;

import java.util.Locale;
import java.util.Optional;

/** The range aggregations, with Loki's rules on unwrap, grouping and the parameter. */
public enum RangeOp {
  COUNT_OVER_TIME(Unwrapping.FORBIDDEN, false),
  RATE(Unwrapping.OPTIONAL, false),
  RATE_COUNTER(Unwrapping.REQUIRED, false),
  BYTES_OVER_TIME(Unwrapping.FORBIDDEN, false),
  BYTES_RATE(Unwrapping.FORBIDDEN, false),
  ABSENT_OVER_TIME(Unwrapping.OPTIONAL, false),
  SUM_OVER_TIME(Unwrapping.REQUIRED, false),
  AVG_OVER_TIME(Unwrapping.REQUIRED, true),
  MIN_OVER_TIME(Unwrapping.REQUIRED, true),
  MAX_OVER_TIME(Unwrapping.REQUIRED, true),
  STDVAR_OVER_TIME(Unwrapping.REQUIRED, true),
  STDDEV_OVER_TIME(Unwrapping.REQUIRED, true),
  QUANTILE_OVER_TIME(Unwrapping.REQUIRED, true),
  FIRST_OVER_TIME(Unwrapping.REQUIRED, true),
  LAST_OVER_TIME(Unwrapping.REQUIRED, true);

  /** Whether the aggregation reads samples from {@code unwrap} or counts lines/bytes. */
  public enum Unwrapping {
    FORBIDDEN,
    OPTIONAL,
    REQUIRED
  }

  private final Unwrapping unwrapping;
  private final boolean groupingAllowed;

  RangeOp(Unwrapping unwrapping, boolean groupingAllowed) {
    this.unwrapping = unwrapping;
    this.groupingAllowed = groupingAllowed;
  }

  /** The function name as written in LogQL. */
  public String function() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Unwrapping unwrapping() {
    return unwrapping;
  }

  /** Loki allows {@code by}/{@code without} only on aggregations over unwrapped values. */
  public boolean groupingAllowed() {
    return groupingAllowed;
  }

  /** Only {@code quantile_over_time} takes a parameter (φ). */
  public boolean takesParameter() {
    return this == QUANTILE_OVER_TIME;
  }

  /** The operation named {@code function} (case-insensitive). */
  public static Optional<RangeOp> fromFunction(String function) {
    for (RangeOp op : values()) {
      if (op.function().equalsIgnoreCase(function)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
