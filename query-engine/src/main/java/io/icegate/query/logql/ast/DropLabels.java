package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code | drop a, b="v"}: removes the listed labels (a matcher removes it only on a match). */
public record DropLabels(List<LabelTerm> terms) implements PipelineStage {
  public DropLabels {
    terms = List.copyOf(requireNonNull(terms, "terms is null"));
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
