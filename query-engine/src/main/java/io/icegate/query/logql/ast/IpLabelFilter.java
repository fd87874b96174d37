package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** {@code label = ip("192.168.0.0/16")} or {@code !=}: the label is (not) an address in range. */
public record IpLabelFilter(String label, boolean negated, String pattern)
    implements LabelFilterExpr {
  public IpLabelFilter {
    requireNonNull(label, "label is null");
    requireNonNull(pattern, "pattern is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.labelFilter(this);
  }
}
