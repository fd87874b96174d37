package io.icegate.query.logql.pipeline;

import java.util.List;

/**
 * {@code | drop a, b="v", c=~"x.*"}: deletes labels, bare names always, matchers only when the
 * current value matches. Dropping {@code __error__} / {@code __error_details__} clears the error,
 * which is how a query keeps entries a parser failed on.
 */
public final class DropLabelsStage implements Stage {
  private final List<NamedMatcher> labels;

  public DropLabelsStage(List<NamedMatcher> labels) {
    this.labels = List.copyOf(labels);
  }

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder builder) {
    for (NamedMatcher label : labels) {
      String name = label.name();
      if (label.matcher().isPresent()) {
        String value = current(builder, name);
        if (!label.matcher().get().matches(value == null ? "" : value)) {
          continue;
        }
      }
      if (LabelsBuilder.ERROR_LABEL.equals(name)) {
        builder.setError("");
      } else if (LabelsBuilder.ERROR_DETAILS_LABEL.equals(name)) {
        builder.setErrorDetails("");
      } else if (builder.get(name) != null) {
        builder.delete(name);
      }
    }
    return line;
  }

  static String current(LabelsBuilder builder, String name) {
    if (LabelsBuilder.ERROR_LABEL.equals(name)) {
      return builder.error();
    }
    if (LabelsBuilder.ERROR_DETAILS_LABEL.equals(name)) {
      return builder.errorDetails();
    }
    return builder.get(name);
  }
}
