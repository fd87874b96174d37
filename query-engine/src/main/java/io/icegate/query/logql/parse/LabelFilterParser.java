package io.icegate.query.logql.parse;

import static io.icegate.query.logql.parse.TokenCursor.unexpected;

import io.icegate.query.logql.ast.AndLabelFilter;
import io.icegate.query.logql.ast.BytesLabelFilter;
import io.icegate.query.logql.ast.CompareOp;
import io.icegate.query.logql.ast.DurationLabelFilter;
import io.icegate.query.logql.ast.IpLabelFilter;
import io.icegate.query.logql.ast.LabelFilterExpr;
import io.icegate.query.logql.ast.MatchOp;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.NumericLabelFilter;
import io.icegate.query.logql.ast.OrLabelFilter;
import io.icegate.query.logql.ast.StringLabelFilterExpr;
import java.time.Duration;

/** Parses label matchers and label filter expressions (string, ip, number, duration, bytes). */
final class LabelFilterParser {
  private final TokenCursor in;

  LabelFilterParser(TokenCursor in) {
    this.in = in;
  }

  /** {@code op "value"} after a label name, the op one of {@code = != =~ !~}. */
  Matcher matcher(String name) {
    Token op = in.next();
    MatchOp matchOp = matchOp(op);
    if (matchOp == null) {
      throw unexpected(op, "=", "!=", "=~", "!~");
    }
    Token value = in.expect(TokenKind.STRING);
    if (matchOp.isRegex()) {
      StageRules.checkRegex(value, (String) value.value());
    }
    return new Matcher(name, matchOp, (String) value.value());
  }

  static MatchOp matchOp(Token t) {
    switch (t.kind()) {
      case EQ:
        return MatchOp.EQ;
      case NEQ:
        return MatchOp.NEQ;
      case RE:
        return MatchOp.RE;
      case NRE:
        return MatchOp.NRE;
      default:
        return null;
    }
  }

  /** {@code ip("...")}, the function token current. */
  String ipArgument() {
    in.next();
    in.expect(TokenKind.OPEN_PARENTHESIS);
    String value = (String) in.expect(TokenKind.STRING).value();
    in.expect(TokenKind.CLOSE_PARENTHESIS);
    return value;
  }

  /** A whole label filter expression. */
  LabelFilterExpr labelFilter() {
    return labelFilter(1);
  }

  /**
   * Loki's grammar gives {@code or} (1) and {@code and} (2) yacc precedences, but none to {@code ,}
   * and juxtaposition, so yacc always shifts there: a comma or a following filter makes an {@code
   * and} with everything that comes after it.
   */
  private LabelFilterExpr labelFilter(int minPrecedence) {
    Token first = in.peek();
    in.enter(first);
    int levels = 1;
    try {
      LabelFilterExpr left = labelFilterPrimary();
      while (true) {
        Token t = in.peek();
        if (t.is(TokenKind.COMMA)
            || t.is(TokenKind.IDENTIFIER)
            || t.is(TokenKind.OPEN_PARENTHESIS)) {
          in.accept(TokenKind.COMMA);
          return new AndLabelFilter(left, labelFilter(1));
        }
        int precedence = t.is(TokenKind.AND) ? 2 : t.is(TokenKind.OR) ? 1 : 0;
        if (precedence == 0 || precedence < minPrecedence) {
          return left;
        }
        in.next();
        in.enter(t);
        levels++;
        LabelFilterExpr right = labelFilter(precedence + 1);
        left = precedence == 2 ? new AndLabelFilter(left, right) : new OrLabelFilter(left, right);
      }
    } finally {
      in.exit(levels);
    }
  }

  private LabelFilterExpr labelFilterPrimary() {
    Token t = in.next();
    if (t.is(TokenKind.OPEN_PARENTHESIS)) {
      LabelFilterExpr inner = labelFilter(1);
      in.expect(TokenKind.CLOSE_PARENTHESIS);
      return inner;
    }
    if (!t.is(TokenKind.IDENTIFIER)) {
      throw unexpected(t, "IDENTIFIER", "(");
    }
    String label = t.text();
    Token op = in.peek();
    switch (op.kind()) {
      case EQ:
      case NEQ:
        {
          Token value = in.peek(1);
          if (value.is(TokenKind.STRING)) {
            return new StringLabelFilterExpr(matcher(label));
          }
          if (value.isFunction("ip")) {
            in.next();
            return new IpLabelFilter(label, op.is(TokenKind.NEQ), ipArgument());
          }
          in.next();
          return comparison(label, op.is(TokenKind.EQ) ? CompareOp.EQ : CompareOp.NEQ);
        }
      case RE:
      case NRE:
        return new StringLabelFilterExpr(matcher(label));
      case CMP_EQ:
        in.next();
        return comparison(label, CompareOp.EQ);
      case GT:
        in.next();
        return comparison(label, CompareOp.GT);
      case GTE:
        in.next();
        return comparison(label, CompareOp.GTE);
      case LT:
        in.next();
        return comparison(label, CompareOp.LT);
      case LTE:
        in.next();
        return comparison(label, CompareOp.LTE);
      default:
        throw unexpected(op);
    }
  }

  /** The value of a numeric, duration or bytes filter. */
  private LabelFilterExpr comparison(String label, CompareOp op) {
    Token t = in.next();
    switch (t.kind()) {
      case DURATION:
        return new DurationLabelFilter(label, op, (Duration) t.value());
      case BYTES:
        return new BytesLabelFilter(label, op, (Long) t.value());
      case NUMBER:
        return new NumericLabelFilter(label, op, Numbers.parse(t, false));
      case ADD:
      case SUB:
        {
          Token number = in.peek();
          if (!number.is(TokenKind.NUMBER)) {
            throw unexpected(number, "NUMBER");
          }
          in.next();
          return new NumericLabelFilter(label, op, Numbers.parse(number, t.is(TokenKind.SUB)));
        }
      default:
        throw unexpected(t, "STRING", "NUMBER", "DURATION", "BYTES", "ip");
    }
  }
}
