package io.icegate.query.series;

import java.util.Locale;

/** The vector aggregation operators PromQL and LogQL share. */
public enum AggregationOperator {
  SUM,
  AVG,
  MIN,
  MAX,
  COUNT,
  STDDEV,
  STDVAR,
  GROUP,
  /** {@code topk(k, v)}: keeps the input labels of the k largest per group. */
  TOPK,
  BOTTOMK,
  /** {@code quantile(φ, v)}. */
  QUANTILE,
  /** {@code count_values("label", v)}. */
  COUNT_VALUES,
  SORT,
  SORT_DESC;

  /** The name as written in a query ({@code "sort_desc"}). */
  public String functionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AggregationOperator fromName(String name) {
    for (AggregationOperator op : values()) {
      if (op.functionName().equals(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("Unknown aggregation: " + name);
  }

  /** The operators whose results keep the input series (not one sample per group). */
  public boolean keepsInputLabels() {
    return this == TOPK || this == BOTTOMK || this == SORT || this == SORT_DESC;
  }
}
