package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code by (a, b)} or {@code without (a, b)}; an empty {@code by ()} groups everything. */
public record Grouping(boolean without, List<String> labels) {
  public Grouping {
    labels = List.copyOf(requireNonNull(labels, "labels is null"));
  }

  /** {@code by (labels)}. */
  public static Grouping by(String... labels) {
    return new Grouping(false, List.of(labels));
  }

  /** {@code without (labels)}. */
  public static Grouping withoutLabels(String... labels) {
    return new Grouping(true, List.of(labels));
  }

  @Override
  public String toString() {
    return LogQLFormatter.grouping(this);
  }
}
