package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code | json}: every field of the JSON line becomes a label (nested names joined by {@code _}),
 * or, with parameters ({@code | json a="x.y[0]"}), only the listed expressions.
 */
public record JsonParser(List<LabelExtraction> extractions) implements LabelParser {
  public JsonParser {
    extractions = List.copyOf(requireNonNull(extractions, "extractions is null"));
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
