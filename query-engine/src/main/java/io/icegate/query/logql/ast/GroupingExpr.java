package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code by (a, b)} or {@code without (a, b)}; an empty {@code by ()} groups everything. */
public record GroupingExpr(boolean without, List<String> labels) {
  public GroupingExpr {
    labels = List.copyOf(requireNonNull(labels, "labels is null"));
  }

  /** {@code by (labels)}. */
  public static GroupingExpr by(String... labels) {
    return new GroupingExpr(false, List.of(labels));
  }

  /** {@code without (labels)}. */
  public static GroupingExpr withoutLabels(String... labels) {
    return new GroupingExpr(true, List.of(labels));
  }

  @Override
  public String toString() {
    return LogQLFormatter.grouping(this);
  }
}
