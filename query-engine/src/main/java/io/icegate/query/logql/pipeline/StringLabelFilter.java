package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * {@code | name = "value"} (and {@code != =~ !~}). A missing label matches as "". It is the only
 * filter that decides on {@code __error__} and {@code __error_details__}.
 */
public final class StringLabelFilter implements LabelFilter {
  private final String name;
  private final StringMatcher matcher;

  public StringLabelFilter(String name, StringMatcher matcher) {
    this.name = requireNonNull(name, "name is null");
    this.matcher = requireNonNull(matcher, "matcher is null");
  }

  public String name() {
    return name;
  }

  public StringMatcher matcher() {
    return matcher;
  }

  @Override
  public boolean test(LabelsBuilder labels) {
    if (LabelsBuilder.ERROR_LABEL.equals(name)) {
      return matcher.matches(labels.error());
    }
    if (LabelsBuilder.ERROR_DETAILS_LABEL.equals(name)) {
      return matcher.matches(labels.errorDetails());
    }
    String value = labels.get(name);
    return matcher.matches(value == null ? "" : value);
  }
}
