package io.icegate.query.logql.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code | keep a, b="v"}: deletes every label not listed (a listed matcher keeps its label only
 * when the value matches). Error labels are never removed by {@code keep}, as in Loki.
 */
public final class KeepLabelsStage implements Stage {
  private final List<NamedMatcher> labels;
  private final List<String> names = new ArrayList<>();
  private final List<String> values = new ArrayList<>();

  public KeepLabelsStage(List<NamedMatcher> labels) {
    this.labels = List.copyOf(labels);
  }

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder builder) {
    if (labels.isEmpty()) {
      return line;
    }
    names.clear();
    values.clear();
    builder.forEach(
        (category, name, value) -> {
          names.add(name);
          values.add(value);
        });
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.equals(LabelsBuilder.ERROR_LABEL)
          || name.equals(LabelsBuilder.ERROR_DETAILS_LABEL)) {
        continue;
      }
      if (!kept(name, values.get(i))) {
        builder.delete(name);
      }
    }
    return line;
  }

  private boolean kept(String name, String value) {
    for (NamedMatcher label : labels) {
      if (label.name().equals(name)
          && (label.matcher().isEmpty() || label.matcher().get().matches(value))) {
        return true;
      }
    }
    return false;
  }
}
