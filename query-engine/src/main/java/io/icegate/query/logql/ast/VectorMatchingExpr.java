package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code on(labels)} / {@code ignoring(labels)} with an optional {@code group_left(include)} or
 * {@code group_right(include)}: how the two sides of a vector/vector operation pair up.
 */
public record VectorMatchingExpr(
    boolean on, List<String> labels, Cardinality cardinality, List<String> include) {
  /** Which side may have several series per match group. */
  public enum Cardinality {
    ONE_TO_ONE,
    /** {@code group_left}: many on the left, one on the right. */
    MANY_TO_ONE,
    /** {@code group_right}: one on the left, many on the right. */
    ONE_TO_MANY
  }

  public VectorMatchingExpr {
    labels = List.copyOf(requireNonNull(labels, "labels is null"));
    requireNonNull(cardinality, "cardinality is null");
    include = List.copyOf(requireNonNull(include, "include is null"));
    if (cardinality == Cardinality.ONE_TO_ONE && !include.isEmpty()) {
      throw new IllegalArgumentException("Include labels need group_left or group_right");
    }
  }
}
