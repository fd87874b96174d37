package io.icegate.query.series;

/**
 * Where Loki and Prometheus differ in the shared operator code. Each difference is one method, so
 * the vector matching and aggregation code stays one implementation.
 */
public enum Dialect {
  /** LogQL as Loki evaluates it ({@code pkg/logql/evaluator.go}, {@code syntax/ast.go}). */
  LOKI,
  /** PromQL as Prometheus evaluates it ({@code promql/engine.go}). */
  PROMETHEUS;

  /** Loki's {@code MergeBinOp} guards division by zero with NaN; Prometheus answers ±Inf. */
  public boolean divisionByZeroIsNaN() {
    return this == LOKI;
  }

  /**
   * Prometheus drops {@code __name__} from the results of arithmetic and of {@code bool}
   * comparisons; Loki keeps labels as they are (log series have no metric name).
   */
  public boolean dropsMetricName(BinaryOperator op, boolean returnBool) {
    return this == PROMETHEUS
        && (op.kind() == BinaryOperator.Kind.ARITHMETIC || (op.isComparison() && returnBool));
  }

  /** The error for two samples with one signature on the "one" side. */
  String duplicateSeriesMessage(String side, Labels signature, Sample first, Sample second) {
    if (this == LOKI) {
      return "found duplicate series on the "
          + side
          + " hand-side;many-to-many matching not allowed: matching labels must be unique on one"
          + " side";
    }
    return "found duplicate series for the match group "
        + signature
        + " on the "
        + side
        + " hand-side of the operation: ["
        + first.labels()
        + ", "
        + second.labels()
        + "];many-to-many matching not allowed: matching labels must be unique on one side";
  }
}
