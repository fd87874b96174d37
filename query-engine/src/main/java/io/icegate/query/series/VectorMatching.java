package io.icegate.query.series;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * The matching clause of a vector/vector operation.
 *
 * @param cardinality one-to-one, {@code group_left}, {@code group_right} (set operators ignore it)
 * @param on true for {@code on (...)}, false for {@code ignoring (...)} (and for no clause)
 * @param matchingLabels the labels listed in {@code on}/{@code ignoring}
 * @param include the extra labels listed in {@code group_left (...)}/{@code group_right (...)},
 *     copied from the "one" side
 */
public record VectorMatching(
    Cardinality cardinality, boolean on, List<String> matchingLabels, List<String> include) {
  public VectorMatching {
    requireNonNull(cardinality, "cardinality is null");
    matchingLabels = List.copyOf(requireNonNull(matchingLabels, "matchingLabels is null"));
    include = List.copyOf(requireNonNull(include, "include is null"));
  }

  /** No clause: one-to-one on all labels. */
  public static VectorMatching defaults() {
    return new VectorMatching(Cardinality.ONE_TO_ONE, false, List.of(), List.of());
  }

  public static VectorMatching on(String... labels) {
    return new VectorMatching(Cardinality.ONE_TO_ONE, true, List.of(labels), List.of());
  }

  public static VectorMatching ignoring(String... labels) {
    return new VectorMatching(Cardinality.ONE_TO_ONE, false, List.of(labels), List.of());
  }

  /** This clause with {@code group_left (include...)}. */
  public VectorMatching groupLeft(String... includeLabels) {
    return new VectorMatching(Cardinality.MANY_TO_ONE, on, matchingLabels, List.of(includeLabels));
  }

  /** This clause with {@code group_right (include...)}. */
  public VectorMatching groupRight(String... includeLabels) {
    return new VectorMatching(Cardinality.ONE_TO_MANY, on, matchingLabels, List.of(includeLabels));
  }

  /** The labels two samples must share to match. */
  Labels signature(Labels labels, Set<String> matchingSet) {
    return on ? labels.keep(matchingSet) : labels.drop(matchingSet);
  }
}
