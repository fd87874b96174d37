package io.icegate.rules.validate;

import io.icegate.query.logql.parse.LogQL;
import io.icegate.query.logql.parse.LogQLParseException;
import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.RuleLanguage;
import java.util.Optional;

/**
 * LogQL through the engine's parser. Rules must be metric queries: as in Loki's ruler, a log query
 * has no value to compare or record.
 */
public final class LogQlChecker implements ExpressionChecker {
  @Override
  public RuleLanguage language() {
    return RuleLanguage.LOGQL;
  }

  @Override
  public void check(String expr, boolean alerting) {
    try {
      LogQL.parseMetricQuery(expr);
    } catch (LogQLParseException e) {
      Optional<InvalidRuleException.Position> position =
          e.line() > 0
              ? Optional.of(new InvalidRuleException.Position(e.line(), e.column()))
              : Optional.empty();
      throw new InvalidExpressionException(e.getMessage(), position);
    }
  }
}
