package io.icegate.query.promql.parse;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.Expr.AtKind;
import io.icegate.query.promql.ast.Expr.Cardinality;
import io.icegate.query.promql.ast.FunctionSpec;
import io.icegate.query.promql.ast.Matcher;
import io.icegate.query.promql.ast.ValueType;
import io.icegate.query.promql.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for PromQL with Prometheus' operator precedence and its type checks
 * ({@code promql/parser/generated_parser.y}, {@code parse.go}). Every failure is a {@link
 * PromqlParseException} with a position; no other exception leaves {@link #parse}.
 */
public final class PromqlParser {
  static final Set<String> AGGREGATORS =
      Set.of(
          "sum",
          "avg",
          "count",
          "min",
          "max",
          "group",
          "stddev",
          "stdvar",
          "topk",
          "bottomk",
          "count_values",
          "quantile",
          "limitk",
          "limit_ratio");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "atan2",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "offset");

  private final String query;
  private final List<Token> tokens;
  private int i;

  private boolean allowEmptySelector;
  private final double stepSeconds;
  private final double rangeSeconds;

  private PromqlParser(String query, List<Token> tokens, long stepMs, long rangeMs) {
    this.query = query;
    this.tokens = tokens;
    this.stepSeconds = stepMs / 1000.0;
    this.rangeSeconds = rangeMs / 1000.0;
  }

  /**
   * Parses and type-checks a query (for an instant query: {@code step()} and {@code range()} are
   * 0).
   */
  public static Expr parse(String query) {
    return parse(query, 0, 0);
  }

  /**
   * Parses a query for a range query of the given step and range: duration expressions such as
   * {@code [step()*2]} or {@code offset range()} resolve to them.
   */
  public static Expr parse(String query, long stepMs, long rangeMs) {
    try {
      PromqlParser p = new PromqlParser(query, Lexer.lex(query), stepMs, rangeMs);
      if (p.peek().kind() == Kind.EOF) {
        throw p.error(0, "no expression found in input");
      }
      Expr e = p.expr(0);
      if (p.peek().kind() != Kind.EOF) {
        throw p.unexpected(p.peek());
      }
      TypeChecker.check(query, e);
      return e;
    } catch (PromqlParseException e) {
      throw e;
    } catch (RuntimeException e) {
      // Defensive: whatever slipped through still reads as a parse error, never a stack trace.
      throw new PromqlParseException(query, 0, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Parses the metric part of a series description ({@code name{l="v", ...}}, {@code {...}} or
   * {@code {}}): equality pairs only, no selector rules.
   */
  public static io.icegate.query.series.Labels parseSeriesMetric(String text) {
    try {
      List<Token> toks = Lexer.lex(text);
      java.util.Map<String, String> m = new java.util.TreeMap<>();
      int k = 0;
      if (toks.get(k).kind() == Kind.IDENT) {
        m.put(io.icegate.query.series.Labels.METRIC_NAME, toks.get(k++).text());
      }
      if (toks.get(k).kind() == Kind.LEFT_BRACE) {
        k++;
        while (toks.get(k).kind() != Kind.RIGHT_BRACE) {
          Token name = toks.get(k++);
          String n = name.kind() == Kind.STRING ? Literals.unquote(name.text()) : name.text();
          if (toks.get(k).kind() == Kind.COMMA || toks.get(k).kind() == Kind.RIGHT_BRACE) {
            m.put(io.icegate.query.series.Labels.METRIC_NAME, n);
          } else {
            if (toks.get(k++).kind() != Kind.ASSIGN) {
              throw new PromqlParseException(text, name.pos(), "invalid series description");
            }
            Token v = toks.get(k++);
            if (v.kind() != Kind.STRING) {
              throw new PromqlParseException(text, v.pos(), "invalid series description");
            }
            m.put(n, Literals.unquote(v.text()));
          }
          if (toks.get(k).kind() == Kind.COMMA) {
            k++;
          }
        }
        k++;
      }
      if (toks.get(k).kind() != Kind.EOF) {
        throw new PromqlParseException(text, toks.get(k).pos(), "invalid series description");
      }
      return io.icegate.query.series.Labels.of(m);
    } catch (IndexOutOfBoundsException e) {
      throw new PromqlParseException(text, text.length(), "invalid series description");
    }
  }

  /** Parses a series description's metric part: {@code name{l="v", ...}} or {@code {...}}. */
  public static io.icegate.query.series.Labels parseMetric(String text) {
    Expr e = parse(text);
    if (!(e instanceof Expr.VectorSelector vs) || vs.offsetMs() != 0 || vs.at() != AtKind.NONE) {
      throw new PromqlParseException(text, 0, "invalid series description: " + text);
    }
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    for (Matcher matcher : vs.matchers()) {
      if (matcher.type() != Matcher.Type.EQ) {
        throw new PromqlParseException(text, 0, "invalid series description: " + text);
      }
      m.put(matcher.name(), matcher.value());
    }
    return io.icegate.query.series.Labels.of(m);
  }

  // ---------------------------------------------------------------------------------------------

  private Token peek() {
    return tokens.get(i);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(i + ahead, tokens.size() - 1));
  }

  private Token advance() {
    Token t = tokens.get(i);
    if (t.kind() != Kind.EOF) {
      i++;
    }
    return t;
  }

  private Token expect(Kind kind, String context) {
    Token t = peek();
    if (t.kind() != kind) {
      throw error(
          t.pos(), "unexpected " + t.describe() + " in " + context + ", expected " + kind.desc);
    }
    return advance();
  }

  private PromqlParseException error(int pos, String reason) {
    return new PromqlParseException(query, pos, reason);
  }

  private PromqlParseException unexpected(Token t) {
    return error(t.pos(), "unexpected " + t.describe());
  }

  private static boolean isKeyword(Token t, String word) {
    return t.kind() == Kind.IDENT && t.text().toLowerCase(Locale.ROOT).equals(word);
  }

  /** Binary operator precedence, 0 when the token is none. */
  private static int precedence(Token t) {
    if (t.kind() == Kind.OPERATOR) {
      return switch (t.text()) {
        case "==", "!=", "<", "<=", ">", ">=", "</", ">/" -> 3;
        case "+", "-" -> 4;
        case "*", "/", "%" -> 5;
        case "^" -> 6;
        default -> 0;
      };
    }
    if (t.kind() == Kind.IDENT) {
      return switch (t.text().toLowerCase(Locale.ROOT)) {
        case "or" -> 1;
        case "and", "unless" -> 2;
        case "atan2" -> 5;
        default -> 0;
      };
    }
    return 0;
  }

  private Expr expr(int minPrec) {
    Expr lhs = unary();
    while (true) {
      Token opTok = peek();
      int prec = precedence(opTok);
      if (prec == 0 || prec < minPrec) {
        return lhs;
      }
      advance();
      String op = opTok.kind() == Kind.IDENT ? opTok.text().toLowerCase(Locale.ROOT) : opTok.text();
      boolean returnBool = false;
      if (isKeyword(peek(), "bool")) {
        advance();
        returnBool = true;
      }
      Cardinality card = Cardinality.ONE_TO_ONE;
      List<String> labels = List.of();
      List<String> include = List.of();
      boolean on = false;
      boolean hasMatching = false;
      if (isKeyword(peek(), "on") || isKeyword(peek(), "ignoring")) {
        on = isKeyword(advance(), "on");
        labels = labelList();
        hasMatching = true;
        if (isKeyword(peek(), "group_left") || isKeyword(peek(), "group_right")) {
          card =
              isKeyword(advance(), "group_left")
                  ? Cardinality.MANY_TO_ONE
                  : Cardinality.ONE_TO_MANY;
          if (peek().kind() == Kind.LEFT_PAREN) {
            include = labelList();
          }
        }
      }
      if (op.equals("and") || op.equals("or") || op.equals("unless")) {
        if (card == Cardinality.ONE_TO_ONE) {
          card = Cardinality.MANY_TO_MANY;
        }
      }
      Double fillLeft = null;
      Double fillRight = null;
      while ((isKeyword(peek(), "fill")
              || isKeyword(peek(), "fill_left")
              || isKeyword(peek(), "fill_right"))
          && peek(1).kind() == Kind.LEFT_PAREN) {
        String which = advance().text().toLowerCase(Locale.ROOT);
        advance();
        double v = fillValue();
        expect(Kind.RIGHT_PAREN, "fill modifier");
        if (!which.equals("fill_right")) {
          fillLeft = v;
        }
        if (!which.equals("fill_left")) {
          fillRight = v;
        }
      }
      Expr rhs = expr(op.equals("^") ? prec : prec + 1);
      Expr.Matching matching = new Expr.Matching(card, labels, on, include, fillLeft, fillRight);
      lhs = TypeChecker.binary(query, op, lhs, rhs, matching, hasMatching, returnBool, opTok);
    }
  }

  private double fillValue() {
    boolean neg = false;
    Token t = advance();
    if (t.kind() == Kind.OPERATOR && (t.text().equals("-") || t.text().equals("+"))) {
      neg = t.text().equals("-");
      t = advance();
    }
    double v;
    if (t.kind() == Kind.NUMBER || t.kind() == Kind.IDENT) {
      v = number(t);
    } else if (t.kind() == Kind.DURATION) {
      v = duration(t) / 1000.0;
    } else {
      throw error(t.pos(), "unexpected " + t.describe() + " in fill modifier, expected number");
    }
    return neg ? -v : v;
  }

  private Expr unary() {
    Token t = peek();
    if (t.kind() == Kind.OPERATOR && (t.text().equals("+") || t.text().equals("-"))) {
      advance();
      Expr operand = expr(6);
      if (operand instanceof Expr.NumberLiteral n) {
        double v = t.text().equals("-") ? -n.value() : n.value();
        return new Expr.NumberLiteral(v, t.pos(), n.end());
      }
      return new Expr.Unary(t.text(), operand, t.pos());
    }
    return postfix(primary());
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER:
        advance();
        return new Expr.NumberLiteral(number(t), t.pos(), t.end());
      case DURATION:
        advance();
        return new Expr.NumberLiteral(duration(t) / 1000.0, t.pos(), t.end());
      case STRING:
        advance();
        return new Expr.StringLiteral(unquote(t), t.pos(), t.end());
      case LEFT_PAREN:
        {
          advance();
          Expr inner = expr(0);
          Token close = expect(Kind.RIGHT_PAREN, "paren expression");
          return new Expr.Paren(inner, t.pos(), close.end());
        }
      case LEFT_BRACE:
        return selector(null, t.pos());
      case IDENT:
        return identifier();
      default:
        throw unexpected(t);
    }
  }

  private Expr identifier() {
    Token t = advance();
    String lower = t.text().toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("nan")) {
      return new Expr.NumberLiteral(number(t), t.pos(), t.end());
    }
    if (AGGREGATORS.contains(lower)) {
      return aggregate(t, lower);
    }
    if (peek().kind() == Kind.LEFT_PAREN) {
      FunctionSpec fn =
          FunctionSpec.byName(t.text())
              .orElseThrow(() -> error(t.pos(), "unknown function with name \"" + t.text() + "\""));
      advance();
      List<Expr> args = new ArrayList<>();
      if (peek().kind() != Kind.RIGHT_PAREN) {
        while (true) {
          // info()'s label selector may match the empty string (e.g. {data=~".*"}).
          allowEmptySelector = fn.name().equals("info") && args.size() == 1;
          args.add(expr(0));
          allowEmptySelector = false;
          if (peek().kind() == Kind.COMMA) {
            advance();
            if (peek().kind() == Kind.RIGHT_PAREN) {
              break;
            }
            continue;
          }
          break;
        }
      }
      Token close = expect(Kind.RIGHT_PAREN, "function call argument list");
      return new Expr.Call(fn, args, t.pos(), close.end());
    }
    if (KEYWORDS.contains(lower) || lower.contains(":") && false) {
      throw unexpected(t);
    }
    if (peek().kind() == Kind.LEFT_BRACE) {
      return selector(t.text(), t.pos());
    }
    return finishSelector(t.text(), new ArrayList<>(), t.pos(), t.end());
  }

  private Expr aggregate(Token opTok, String op) {
    List<String> grouping = List.of();
    boolean without = false;
    boolean hasGrouping = false;
    if (isKeyword(peek(), "by") || isKeyword(peek(), "without")) {
      without = isKeyword(advance(), "without");
      grouping = labelList();
      hasGrouping = true;
    }
    expect(Kind.LEFT_PAREN, "aggregation");
    List<Expr> args = new ArrayList<>();
    if (peek().kind() != Kind.RIGHT_PAREN) {
      while (true) {
        args.add(expr(0));
        if (peek().kind() == Kind.COMMA) {
          advance();
          if (peek().kind() == Kind.RIGHT_PAREN) {
            break;
          }
          continue;
        }
        break;
      }
    }
    Token close = expect(Kind.RIGHT_PAREN, "aggregation");
    int end = close.end();
    if (!hasGrouping && (isKeyword(peek(), "by") || isKeyword(peek(), "without"))) {
      without = isKeyword(advance(), "without");
      int before = i;
      grouping = labelList();
      end = tokens.get(Math.max(before, i - 1)).end();
    }
    boolean hasParam =
        Set.of("topk", "bottomk", "count_values", "quantile", "limitk", "limit_ratio").contains(op);
    int wanted = hasParam ? 2 : 1;
    if (args.size() != wanted) {
      if (args.isEmpty()) {
        throw error(close.pos(), "no arguments for aggregate expression provided");
      }
      throw error(
          opTok.pos(),
          "wrong number of arguments for aggregate expression provided, expected "
              + wanted
              + ", got "
              + args.size());
    }
    Expr param = hasParam ? args.get(0) : null;
    Expr inner = hasParam ? args.get(1) : args.get(0);
    return new Expr.Aggregate(op, inner, param, grouping, without, opTok.pos(), end);
  }

  /** {@code (a, b, "c.d")}: grouping or matching labels, possibly empty. */
  private List<String> labelList() {
    expect(Kind.LEFT_PAREN, "grouping opts");
    List<String> out = new ArrayList<>();
    while (peek().kind() != Kind.RIGHT_PAREN) {
      Token t = advance();
      if (t.kind() == Kind.IDENT) {
        if (t.text().contains(":")) {
          throw error(
              t.pos(),
              "unexpected identifier \"" + t.text() + "\" in grouping opts, expected label");
        }
        out.add(t.text());
      } else if (t.kind() == Kind.STRING) {
        out.add(unquote(t));
      } else {
        throw error(t.pos(), "unexpected " + t.describe() + " in grouping opts, expected label");
      }
      if (peek().kind() == Kind.COMMA) {
        advance();
      } else if (peek().kind() != Kind.RIGHT_PAREN) {
        throw error(
            peek().pos(),
            "unexpected " + peek().describe() + " in grouping opts, expected \")\" or \",\"");
      }
    }
    advance();
    return out;
  }

  private Expr selector(String name, int pos) {
    expect(Kind.LEFT_BRACE, "vector selector");
    List<Matcher> matchers = new ArrayList<>();
    String metricName = name;
    while (peek().kind() != Kind.RIGHT_BRACE) {
      Token lt = advance();
      String labelName;
      if (lt.kind() == Kind.IDENT) {
        if (lt.text().contains(":")) {
          throw error(
              lt.pos(),
              "unexpected identifier \"" + lt.text() + "\" in label matching, expected label");
        }
        labelName = lt.text();
      } else if (lt.kind() == Kind.STRING) {
        labelName = unquote(lt);
        Token next = peek();
        if (next.kind() == Kind.COMMA || next.kind() == Kind.RIGHT_BRACE) {
          // {"metric.name"}: a quoted metric name.
          if (metricName != null) {
            throw error(
                lt.pos(),
                "metric name must not be set twice: \""
                    + metricName
                    + "\" or \""
                    + labelName
                    + "\"");
          }
          metricName = labelName;
          if (next.kind() == Kind.COMMA) {
            advance();
          }
          continue;
        }
      } else {
        throw error(lt.pos(), "unexpected " + lt.describe() + " in label matching, expected label");
      }
      Token op = advance();
      Matcher.Type type =
          switch (op.kind()) {
            case ASSIGN -> Matcher.Type.EQ;
            case EQL_REGEX -> Matcher.Type.RE;
            case NEQ_REGEX -> Matcher.Type.NRE;
            case OPERATOR -> {
              if (op.text().equals("!=")) {
                yield Matcher.Type.NEQ;
              }
              throw error(
                  op.pos(),
                  "unexpected "
                      + op.describe()
                      + " in label matching, expected label matching operator");
            }
            default ->
                throw error(
                    op.pos(),
                    "unexpected "
                        + op.describe()
                        + " in label matching, expected label matching operator");
          };
      Token vt = advance();
      if (vt.kind() != Kind.STRING) {
        throw error(
            vt.pos(), "unexpected " + vt.describe() + " in label matching, expected string");
      }
      String value = unquote(vt);
      try {
        matchers.add(Matcher.of(labelName, type, value));
      } catch (IllegalArgumentException e) {
        throw error(vt.pos(), e.getMessage());
      }
      if (peek().kind() == Kind.COMMA) {
        advance();
      } else if (peek().kind() != Kind.RIGHT_BRACE) {
        throw error(
            peek().pos(),
            "unexpected " + peek().describe() + " in label matching, expected \",\" or \"}\"");
      }
    }
    Token close = advance();
    if (name != null) {
      for (Matcher m : matchers) {
        if (m.name().equals(io.icegate.query.series.Labels.METRIC_NAME)) {
          throw error(
              pos, "metric name must not be set twice: \"" + name + "\" or \"" + m.value() + "\"");
        }
      }
    }
    return finishSelector(metricName, matchers, pos, close.end());
  }

  private Expr finishSelector(String name, List<Matcher> matchers, int pos, int end) {
    List<Matcher> all = new ArrayList<>();
    if (name != null) {
      all.add(Matcher.of(io.icegate.query.series.Labels.METRIC_NAME, Matcher.Type.EQ, name));
    }
    all.addAll(matchers);
    boolean anyNonEmpty = all.stream().anyMatch(m -> !m.matchesEmpty());
    if (!anyNonEmpty && !allowEmptySelector) {
      throw error(pos, "vector selector must contain at least one non-empty matcher");
    }
    return new Expr.VectorSelector(name, all, 0, AtKind.NONE, 0, pos, end);
  }

  private Expr postfix(Expr e) {
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.LEFT_BRACKET) {
        e = range(e);
      } else if (isKeyword(t, "offset")) {
        advance();
        long off = signedDuration("offset");
        e = withOffset(e, off, t);
      } else if (t.kind() == Kind.AT) {
        advance();
        e = withAt(e, t);
      } else if (isKeyword(t, "anchored") || isKeyword(t, "smoothed")) {
        advance();
        Expr.Extension ext =
            isKeyword(t, "anchored") ? Expr.Extension.ANCHORED : Expr.Extension.SMOOTHED;
        if (e instanceof Expr.MatrixSelector ms) {
          e =
              new Expr.MatrixSelector(
                  ms.selector().withExtension(ext, ms.selector().end()), ms.rangeMs(), t.end());
        } else if (e instanceof Expr.VectorSelector vs) {
          e = vs.withExtension(ext, t.end());
        } else {
          throw error(
              t.pos(),
              t.text() + " modifier can only be used on a vector or range vector selector");
        }
      } else {
        return e;
      }
    }
  }

  private Expr range(Expr e) {
    Token open = advance();
    long range = durationExpr();
    if (peek().kind() == Kind.COLON) {
      advance();
      long step = 0;
      if (peek().kind() != Kind.RIGHT_BRACKET) {
        step = durationExpr();
      }
      Token close = expect(Kind.RIGHT_BRACKET, "subquery selector");
      if (range <= 0) {
        throw error(open.pos(), "duration must be greater than 0");
      }
      if (e.type() != ValueType.VECTOR) {
        throw error(
            e.pos(), "subquery is only allowed on instant vector, got " + e.type() + " instead");
      }
      return new Expr.Subquery(e, range, step, 0, AtKind.NONE, 0, close.end());
    }
    Token close = expect(Kind.RIGHT_BRACKET, "range selector");
    if (!(e instanceof Expr.VectorSelector vs)) {
      throw error(e.pos(), "ranges only allowed for vector selectors");
    }
    if (vs.offsetMs() != 0 || vs.at() != AtKind.NONE) {
      throw error(open.pos(), "no offset or @ modifiers allowed before range");
    }
    if (range <= 0) {
      throw error(open.pos(), "range must be greater than 0");
    }
    return new Expr.MatrixSelector(vs, range, close.end());
  }

  private Expr withOffset(Expr e, long off, Token t) {
    int end = tokens.get(i - 1).end();
    if (e instanceof Expr.VectorSelector vs) {
      if (vs.offsetMs() != 0) {
        throw error(t.pos(), "offset may not be set multiple times");
      }
      return vs.withModifiers(off, vs.at(), vs.atMs(), end);
    }
    if (e instanceof Expr.MatrixSelector ms) {
      if (ms.selector().offsetMs() != 0) {
        throw error(t.pos(), "offset may not be set multiple times");
      }
      return new Expr.MatrixSelector(
          ms.selector()
              .withModifiers(off, ms.selector().at(), ms.selector().atMs(), ms.selector().end()),
          ms.rangeMs(),
          end);
    }
    if (e instanceof Expr.Subquery sq) {
      if (sq.offsetMs() != 0) {
        throw error(t.pos(), "offset may not be set multiple times");
      }
      return new Expr.Subquery(sq.expr(), sq.rangeMs(), sq.stepMs(), off, sq.at(), sq.atMs(), end);
    }
    throw error(
        t.pos(),
        "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
  }

  private Expr withAt(Expr e, Token t) {
    AtKind kind;
    long ms = 0;
    Token v = peek();
    String lower = v.kind() == Kind.IDENT ? v.text().toLowerCase(Locale.ROOT) : "";
    if ((lower.equals("start") || lower.equals("end")) && peek(1).kind() == Kind.LEFT_PAREN) {
      advance();
      advance();
      expect(Kind.RIGHT_PAREN, "@ modifier");
      kind = lower.equals("start") ? AtKind.START : AtKind.END;
    } else {
      boolean neg = false;
      if (v.kind() == Kind.OPERATOR && (v.text().equals("-") || v.text().equals("+"))) {
        neg = v.text().equals("-");
        advance();
      }
      Token n = advance();
      double f;
      if (n.kind() == Kind.NUMBER
          || (n.kind() == Kind.IDENT
              && (n.text().equalsIgnoreCase("inf") || n.text().equalsIgnoreCase("nan")))) {
        f = number(n);
      } else if (n.kind() == Kind.DURATION) {
        f = duration(n) / 1000.0;
      } else {
        throw error(n.pos(), "unexpected " + n.describe() + " in @, expected timestamp");
      }
      if (neg) {
        f = -f;
      }
      if (Double.isNaN(f) || Double.isInfinite(f) || Math.abs(f) > 9.2e15) {
        throw error(t.pos(), "timestamp out of bounds for @ modifier: " + GoFormat.g(f));
      }
      ms = Math.round(f * 1000.0);
      kind = AtKind.TIMESTAMP;
    }
    int end = tokens.get(i - 1).end();
    if (e instanceof Expr.VectorSelector vs) {
      if (vs.at() != AtKind.NONE) {
        throw error(t.pos(), "@ <timestamp> may not be set multiple times");
      }
      return vs.withModifiers(vs.offsetMs(), kind, ms, end);
    }
    if (e instanceof Expr.MatrixSelector mx) {
      if (mx.selector().at() != AtKind.NONE) {
        throw error(t.pos(), "@ <timestamp> may not be set multiple times");
      }
      return new Expr.MatrixSelector(
          mx.selector().withModifiers(mx.selector().offsetMs(), kind, ms, mx.selector().end()),
          mx.rangeMs(),
          end);
    }
    if (e instanceof Expr.Subquery sq) {
      if (sq.at() != AtKind.NONE) {
        throw error(t.pos(), "@ <timestamp> may not be set multiple times");
      }
      return new Expr.Subquery(sq.expr(), sq.rangeMs(), sq.stepMs(), sq.offsetMs(), kind, ms, end);
    }
    throw error(
        t.pos(),
        "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
  }

  /** An offset: a sign and one duration atom (a bare {@code offset 1 + 2} offsets by 1s). */
  private long signedDuration(String context) {
    Token t = peek();
    if (t.kind() == Kind.OPERATOR && (t.text().equals("-") || t.text().equals("+"))) {
      advance();
      double d = durationAtom();
      return Math.round((t.text().equals("-") ? -d : d) * 1000.0);
    }
    return Math.round(durationAtom() * 1000.0);
  }

  /**
   * A duration: a literal ({@code 5m}), a number of seconds, or arithmetic of those in parentheses
   * (Prometheus' experimental duration expressions).
   */
  private long durationExpr() {
    double seconds = durationTerm(0);
    return Math.round(seconds * 1000.0);
  }

  private double durationTerm(int minPrec) {
    Token first = peek();
    double lhs;
    if (first.kind() == Kind.OPERATOR && (first.text().equals("-") || first.text().equals("+"))) {
      // Unary signs bind below ^, as in expressions: -2^2 is -4.
      advance();
      double operand = durationTerm(6);
      lhs = first.text().equals("-") ? -operand : operand;
    } else {
      lhs = durationAtom();
    }
    while (true) {
      Token t = peek();
      if (t.kind() != Kind.OPERATOR) {
        return lhs;
      }
      int prec = precedence(t);
      if (prec < 4 || prec < minPrec) {
        return lhs;
      }
      advance();
      double rhs = durationTerm(t.text().equals("^") ? prec : prec + 1);
      lhs =
          switch (t.text()) {
            case "+" -> lhs + rhs;
            case "-" -> lhs - rhs;
            case "*" -> lhs * rhs;
            case "/" -> {
              if (rhs == 0) {
                throw error(t.pos(), "division by zero");
              }
              yield lhs / rhs;
            }
            case "%" -> {
              if (rhs == 0) {
                throw error(t.pos(), "modulo by zero");
              }
              yield lhs % rhs;
            }
            case "^" -> Math.pow(lhs, rhs);
            default -> throw unexpected(t);
          };
    }
  }

  private double durationAtom() {
    Token t = advance();
    switch (t.kind()) {
      case DURATION:
        return duration(t) / 1000.0;
      case NUMBER:
        return number(t);
      case LEFT_PAREN:
        {
          double v = durationTerm(0);
          expect(Kind.RIGHT_PAREN, "duration expression");
          return v;
        }
      case IDENT:
        {
          String name = t.text().toLowerCase(Locale.ROOT);
          if (peek().kind() == Kind.LEFT_PAREN) {
            if (name.equals("step") || name.equals("range")) {
              advance();
              expect(Kind.RIGHT_PAREN, "duration expression");
              return name.equals("step") ? stepSeconds : rangeSeconds;
            }
            if (name.equals("min_of") || name.equals("max_of")) {
              advance();
              double a = durationTerm(0);
              expect(Kind.COMMA, "duration expression");
              double b = durationTerm(0);
              expect(Kind.RIGHT_PAREN, "duration expression");
              return name.equals("min_of") ? Math.min(a, b) : Math.max(a, b);
            }
          }
          throw error(t.pos(), "unexpected " + t.describe() + ", expected duration");
        }
      case OPERATOR:
        if (t.text().equals("-")) {
          return -durationAtom();
        }
        if (t.text().equals("+")) {
          return durationAtom();
        }
        throw error(t.pos(), "unexpected " + t.describe() + " in duration expression");
      default:
        throw error(t.pos(), "unexpected " + t.describe() + ", expected duration");
    }
  }

  private double number(Token t) {
    try {
      return Literals.parseNumber(t.text());
    } catch (RuntimeException e) {
      throw error(t.pos(), "error parsing number: " + e.getMessage());
    }
  }

  private long duration(Token t) {
    try {
      return Literals.parseDuration(t.text());
    } catch (RuntimeException e) {
      throw error(t.pos(), e.getMessage());
    }
  }

  private String unquote(Token t) {
    try {
      return Literals.unquote(t.text());
    } catch (RuntimeException e) {
      throw error(t.pos(), "invalid syntax");
    }
  }
}
