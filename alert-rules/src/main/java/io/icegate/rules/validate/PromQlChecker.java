package io.icegate.rules.validate;

import io.icegate.query.promql.parse.PromqlParseException;
import io.icegate.query.promql.parse.PromqlParser;
import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.RuleLanguage;
import java.util.Optional;

/**
 * PromQL through the engine's parser, as Prometheus' rule loader checks an expression ({@code
 * promql.ParseExpr}): grammar, function arguments and types, errors worded as Prometheus words
 * them.
 */
public final class PromQlChecker implements ExpressionChecker {
  @Override
  public RuleLanguage language() {
    return RuleLanguage.PROMQL;
  }

  @Override
  public void check(String expr, boolean alerting) {
    try {
      PromqlParser.parse(expr);
    } catch (PromqlParseException e) {
      String[] lineColumn = PromqlParseException.positionText(expr, e.position()).split(":");
      throw new InvalidExpressionException(
          e.getMessage(),
          Optional.of(
              new InvalidRuleException.Position(
                  Integer.parseInt(lineColumn[0]), Integer.parseInt(lineColumn[1]))));
    }
  }
}
