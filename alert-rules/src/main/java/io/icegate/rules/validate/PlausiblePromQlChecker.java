package io.icegate.rules.validate;

import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.RuleLanguage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A stand-in for the PromQL parser: accepts text that could be PromQL (brackets balanced, strings
 * closed, no control characters) and refuses the rest with a position.
 *
 * <p>TODO(promql): once the engine's PromQL parser ({@code io.icegate.query.promql}) has landed,
 * replace this class with a checker that parses the expression with it, as {@link LogQlChecker}
 * does for LogQL; {@link RuleValidator#standard} is the one place that picks the checker.
 */
public final class PlausiblePromQlChecker implements ExpressionChecker {
  @Override
  public RuleLanguage language() {
    return RuleLanguage.PROMQL;
  }

  @Override
  public void check(String expr, boolean alerting) {
    Deque<int[]> open = new ArrayDeque<>(); // {char, line, column}
    int line = 1;
    int column = 0;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
        continue;
      }
      if (Character.isISOControl(c) && c != '\t' && c != '\r') {
        throw error("unexpected control character", line, column);
      }
      if (c == '#') {
        // A comment runs to the end of the line.
        while (i + 1 < expr.length() && expr.charAt(i + 1) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '"' || c == '\'' || c == '`') {
        int startLine = line;
        int startColumn = column;
        boolean closed = false;
        while (++i < expr.length()) {
          char s = expr.charAt(i);
          column++;
          if (s == '\n') {
            if (c != '`') {
              break;
            }
            line++;
            column = 0;
          } else if (s == '\\' && c != '`') {
            i++;
            column++;
          } else if (s == c) {
            closed = true;
            break;
          }
        }
        if (!closed) {
          throw error("unterminated quoted string", startLine, startColumn);
        }
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        open.push(new int[] {c, line, column});
      } else if (c == ')' || c == ']' || c == '}') {
        char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (open.isEmpty() || open.peek()[0] != expected) {
          throw error("unexpected '" + c + "'", line, column);
        }
        open.pop();
      }
    }
    if (!open.isEmpty()) {
      int[] unclosed = open.peek();
      throw error("unclosed '" + (char) unclosed[0] + "'", unclosed[1], unclosed[2]);
    }
    if (expr.isBlank()) {
      throw new InvalidExpressionException("no expression found in input", Optional.empty());
    }
  }

  private static InvalidExpressionException error(String what, int line, int column) {
    return new InvalidExpressionException(
        line + ":" + column + ": parse error: " + what,
        Optional.of(new InvalidRuleException.Position(line, column)));
  }
}
