package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code | keep a, b="v"}: keeps only the listed labels (a matcher keeps it only on a match). */
public record KeepLabels(List<LabelTerm> terms) implements PipelineStage {
  public KeepLabels {
    terms = List.copyOf(requireNonNull(terms, "terms is null"));
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
