package io.icegate.rules.validate;

import io.icegate.rules.model.RuleLanguage;

/** Parses the expression of a rule in one language, as evaluation will. */
public interface ExpressionChecker {
  RuleLanguage language();

  /**
   * Checks {@code expr} of an alerting ({@code alerting}) or recording rule.
   *
   * @throws InvalidExpressionException naming what is wrong and, when known, where in {@code expr}
   */
  void check(String expr, boolean alerting);
}
