package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/**
 * A parameter of {@code json} or {@code logfmt}: the label to create and the expression to read
 * ({@code status="response.status[0]"}). A bare {@code name} reads the field of the same name, so
 * its expression is the name itself.
 */
public record LabelExtraction(String label, String expression) {
  public LabelExtraction {
    requireNonNull(label, "label is null");
    requireNonNull(expression, "expression is null");
  }
}
