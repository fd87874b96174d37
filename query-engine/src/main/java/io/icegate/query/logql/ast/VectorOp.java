package io.icegate.query.logql.ast;

import java.util.Locale;
import java.util.Optional;

/** The vector aggregations over the series of an inner metric query. */
public enum VectorOp {
  SUM,
  AVG,
  MIN,
  MAX,
  COUNT,
  STDDEV,
  STDVAR,
  TOPK,
  BOTTOMK,
  SORT,
  SORT_DESC;

  /** The function name as written in LogQL. */
  public String function() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code topk} and {@code bottomk} need their {@code k}; nothing else takes a parameter. */
  public boolean requiresParameter() {
    return this == TOPK || this == BOTTOMK;
  }

  /** The operation named {@code function} (case-insensitive). */
  public static Optional<VectorOp> fromFunction(String function) {
    for (VectorOp op : values()) {
      if (op.function().equalsIgnoreCase(function)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
