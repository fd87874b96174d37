package io.icegate.query.series;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code by (...)} / {@code without (...)} clause of an aggregation. {@code without} also drops
 * {@code __name__}, as Prometheus and Loki do; {@code by ()} keeps nothing.
 *
 * @param without true for {@code without}, false for {@code by}
 * @param labels the label names listed
 */
public record Grouping(boolean without, List<String> labels) {
  public Grouping {
    labels = List.copyOf(requireNonNull(labels, "labels is null"));
  }

  /** No clause at all: everything aggregates into one group. */
  public static Grouping none() {
    return new Grouping(false, List.of());
  }

  public static Grouping by(String... names) {
    return new Grouping(false, List.of(names));
  }

  public static Grouping without(String... names) {
    return new Grouping(true, List.of(names));
  }

  /** A projection function for this grouping, with a set for fast membership tests. */
  public Projection projection() {
    Set<String> set = new LinkedHashSet<>(labels);
    if (without) {
      set.add(Labels.METRIC_NAME);
    }
    return new Projection(without, Set.copyOf(set));
  }

  /** The labels of a group, computed from a member's labels. */
  public record Projection(boolean without, Set<String> names) {
    public Labels apply(Labels labels) {
      return without ? labels.drop(names) : labels.keep(names);
    }
  }
}
