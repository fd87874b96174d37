package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/** {@code | addr = ip("10.0.0.0/8")} or {@code !=}: the label's value is an address in range. */
public final class IpLabelFilter implements LabelFilter {
  private final String name;
  private final boolean equal;
  private final IpMatcher matcher;

  public IpLabelFilter(String name, boolean equal, String expression) {
    this.name = requireNonNull(name, "name is null");
    this.equal = equal;
    this.matcher = IpMatcher.parse(expression);
  }

  @Override
  public boolean test(LabelsBuilder labels) {
    if (labels.hasError()) {
      return true;
    }
    String v = labels.get(name);
    if (v == null) {
      return false;
    }
    return matcher.matches(v.trim()) == equal;
  }
}
