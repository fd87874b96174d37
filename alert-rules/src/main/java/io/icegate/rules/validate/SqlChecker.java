package io.icegate.rules.validate;

import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.RuleLanguage;
import java.util.Optional;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * SQL parsed by Calcite with the settings the engine's SQL API runs it with (double-quoted
 * identifiers, case-insensitive, lenient conformance). Only parsed, not validated against the
 * tables: that needs the lake view, which evaluation has and the write path does not.
 */
public final class SqlChecker implements ExpressionChecker {
  private static final SqlParser.Config CONFIG =
      SqlParser.config()
          .withQuoting(Quoting.DOUBLE_QUOTE)
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          .withConformance(SqlConformanceEnum.LENIENT);

  @Override
  public RuleLanguage language() {
    return RuleLanguage.SQL;
  }

  @Override
  public void check(String expr, boolean alerting) {
    SqlNode node;
    try {
      node = SqlParser.create(expr, CONFIG).parseQuery();
    } catch (SqlParseException e) {
      SqlParserPos pos = e.getPos();
      Optional<InvalidRuleException.Position> position =
          pos == null || pos.getLineNum() <= 0
              ? Optional.empty()
              : Optional.of(
                  new InvalidRuleException.Position(pos.getLineNum(), pos.getColumnNum()));
      String message = e.getMessage() == null ? "syntax error" : e.getMessage();
      int newline = message.indexOf('\n');
      throw new InvalidExpressionException(
          newline < 0 ? message : message.substring(0, newline), position);
    }
    if (!node.isA(SqlKind.QUERY)) {
      throw new InvalidExpressionException(
          "a rule's SQL must be a query (SELECT ...), not " + node.getKind(), Optional.empty());
    }
  }
}
