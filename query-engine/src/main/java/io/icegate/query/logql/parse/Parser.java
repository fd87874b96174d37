package io.icegate.query.logql.parse;

import static io.icegate.query.logql.parse.TokenCursor.unexpected;

import io.icegate.query.logql.ast.BinaryOp;
import io.icegate.query.logql.ast.Expr;
import io.icegate.query.logql.ast.GroupingExpr;
import io.icegate.query.logql.ast.LabelReplaceExpr;
import io.icegate.query.logql.ast.Literal;
import io.icegate.query.logql.ast.LogRange;
import io.icegate.query.logql.ast.LogSelector;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.RangeAggregation;
import io.icegate.query.logql.ast.RangeOp;
import io.icegate.query.logql.ast.SampleExpr;
import io.icegate.query.logql.ast.VectorAggregation;
import io.icegate.query.logql.ast.VectorLiteral;
import io.icegate.query.logql.ast.VectorMatchingExpr;
import io.icegate.query.logql.ast.VectorOp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recursive-descent parser for LogQL expressions with precedence climbing for binary operators.
 * Stages and label filters are in {@link PipelineParser}; both share one {@link TokenCursor}.
 */
final class Parser {
  static final String EMPTY_COMPATIBLE =
      "queries require at least one regexp or equality matcher that does not have an"
          + " empty-compatible value. For instance, app=~\".*\" does not meet this requirement,"
          + " but app=~\".+\" will";

  private final TokenCursor in;
  private final PipelineParser pipelines;

  Parser(List<Token> tokens) {
    this.in = new TokenCursor(tokens);
    this.pipelines = new PipelineParser(in);
  }

  Expr parseQuery() {
    return parseQuery(true);
  }

  /** Parses the whole query; {@code validateSelectors} applies Loki's non-empty matcher rule. */
  Expr parseQuery(boolean validateSelectors) {
    Expr expr = expr();
    if (!in.at(TokenKind.EOF)) {
      throw unexpected(in.peek());
    }
    if (!validateSelectors) {
      return expr;
    }
    // Like Loki, the selector check runs once the whole query has parsed.
    for (List<Matcher> selector : pipelines.selectors()) {
      if (selector.stream().allMatch(StageRules::matchesEmpty)) {
        throw LogQLParseException.semantic(EMPTY_COMPATIBLE);
      }
    }
    return expr;
  }

  private Expr expr() {
    return binary(1);
  }

  /** Precedence climbing; every operator in a chain counts as a nesting level. */
  private Expr binary(int minPrecedence) {
    in.enter(in.peek());
    int levels = 1;
    try {
      Expr left = unary();
      while (true) {
        Token opToken = in.peek();
        BinaryOp op = binaryOp(opToken.kind());
        if (op == null || op.precedence() < minPrecedence) {
          return left;
        }
        in.next();
        in.enter(opToken);
        levels++;
        boolean returnBool = in.accept(TokenKind.BOOL);
        Optional<VectorMatchingExpr> matching = vectorMatching();
        Expr right = binary(op.isRightAssociative() ? op.precedence() : op.precedence() + 1);
        left = BinaryRules.combine(op, left, right, returnBool, matching);
      }
    } finally {
      in.exit(levels);
    }
  }

  private static BinaryOp binaryOp(TokenKind kind) {
    switch (kind) {
      case OR:
        return BinaryOp.OR;
      case AND:
        return BinaryOp.AND;
      case UNLESS:
        return BinaryOp.UNLESS;
      case CMP_EQ:
        return BinaryOp.EQ;
      case NEQ:
        return BinaryOp.NEQ;
      case GT:
        return BinaryOp.GT;
      case GTE:
        return BinaryOp.GTE;
      case LT:
        return BinaryOp.LT;
      case LTE:
        return BinaryOp.LTE;
      case ADD:
        return BinaryOp.ADD;
      case SUB:
        return BinaryOp.SUB;
      case MUL:
        return BinaryOp.MUL;
      case DIV:
        return BinaryOp.DIV;
      case MOD:
        return BinaryOp.MOD;
      case POW:
        return BinaryOp.POW;
      default:
        return null;
    }
  }

  private Optional<VectorMatchingExpr> vectorMatching() {
    if (!in.at(TokenKind.ON) && !in.at(TokenKind.IGNORING)) {
      return Optional.empty();
    }
    boolean on = in.next().is(TokenKind.ON);
    List<String> labels = labelList();
    VectorMatchingExpr.Cardinality cardinality = VectorMatchingExpr.Cardinality.ONE_TO_ONE;
    List<String> include = List.of();
    if (in.at(TokenKind.GROUP_LEFT) || in.at(TokenKind.GROUP_RIGHT)) {
      cardinality =
          in.next().is(TokenKind.GROUP_LEFT)
              ? VectorMatchingExpr.Cardinality.MANY_TO_ONE
              : VectorMatchingExpr.Cardinality.ONE_TO_MANY;
      if (in.at(TokenKind.OPEN_PARENTHESIS)) {
        include = labelList();
      }
    }
    return Optional.of(new VectorMatchingExpr(on, labels, cardinality, include));
  }

  private Expr unary() {
    Token t = in.peek();
    switch (t.kind()) {
      case OPEN_BRACE:
        {
          List<Matcher> matchers = pipelines.selector();
          PipelineParser.Pipeline pipeline = pipelines.pipeline(false);
          return new LogSelector(matchers, pipeline.stages());
        }
      case OPEN_PARENTHESIS:
        {
          in.next();
          Expr inner = expr();
          in.expect(TokenKind.CLOSE_PARENTHESIS);
          return inner;
        }
      case NUMBER:
        in.next();
        return new Literal(Numbers.parse(t, false));
      case ADD:
      case SUB:
        {
          Token number = in.peek(1);
          if (!number.is(TokenKind.NUMBER)) {
            throw unexpected(number, "NUMBER");
          }
          in.next();
          in.next();
          return new Literal(Numbers.parse(number, t.is(TokenKind.SUB)));
        }
      case FUNCTION:
        return function(t);
      default:
        throw unexpected(t);
    }
  }

  private SampleExpr function(Token t) {
    Optional<RangeOp> rangeOp = RangeOp.fromFunction(t.text());
    if (rangeOp.isPresent()) {
      return rangeAggregation(rangeOp.get());
    }
    Optional<VectorOp> vectorOp = VectorOp.fromFunction(t.text());
    if (vectorOp.isPresent()) {
      return vectorAggregation(vectorOp.get());
    }
    if (t.text().equals("label_replace")) {
      return labelReplace();
    }
    if (t.text().equals("vector")) {
      in.next();
      in.expect(TokenKind.OPEN_PARENTHESIS);
      Token number = in.expect(TokenKind.NUMBER);
      in.expect(TokenKind.CLOSE_PARENTHESIS);
      return new VectorLiteral(Numbers.parse(number, false));
    }
    throw unexpected(t);
  }

  private RangeAggregation rangeAggregation(RangeOp op) {
    Token fn = in.next();
    in.enter(fn);
    try {
      in.expect(TokenKind.OPEN_PARENTHESIS);
      Optional<Token> parameter = Optional.empty();
      if (in.at(TokenKind.NUMBER)) {
        parameter = Optional.of(in.next());
        in.expect(TokenKind.COMMA);
      }
      LogRange range = logRange(parameter.isEmpty());
      in.expect(TokenKind.CLOSE_PARENTHESIS);
      Optional<GroupingExpr> grouping = grouping();
      return AggregationRules.range(op, range, parameter, grouping);
    } finally {
      in.exit(1);
    }
  }

  /**
   * The range argument in every form Loki accepts: the range after the selector or after the
   * pipeline, the selector part in parentheses, or the whole range in parentheses.
   */
  private LogRange logRange(boolean numberAllowed) {
    Token t = in.peek();
    if (t.is(TokenKind.OPEN_BRACE)) {
      List<Matcher> matchers = pipelines.selector();
      return finishRange(matchers, pipelines.pipeline(true));
    }
    if (!t.is(TokenKind.OPEN_PARENTHESIS)) {
      throw numberAllowed ? unexpected(t, "NUMBER", "{", "(") : unexpected(t, "{", "(");
    }
    in.next();
    in.enter(t);
    try {
      if (in.at(TokenKind.OPEN_PARENTHESIS)) {
        LogRange inner = logRange(false);
        in.expect(TokenKind.CLOSE_PARENTHESIS);
        return inner;
      }
      if (!in.at(TokenKind.OPEN_BRACE)) {
        throw unexpected(in.peek(), "{", "(");
      }
      List<Matcher> matchers = pipelines.selector();
      PipelineParser.Pipeline pipeline = pipelines.pipeline(true);
      if (in.at(TokenKind.RANGE)) {
        LogRange range = finishRange(matchers, pipeline);
        in.expect(TokenKind.CLOSE_PARENTHESIS);
        return range;
      }
      in.expect(TokenKind.CLOSE_PARENTHESIS);
      Duration range = (Duration) in.expect(TokenKind.RANGE).value();
      Duration offset = offset();
      if (pipeline.isEmpty() && in.at(TokenKind.PIPE) && in.peek(1).is(TokenKind.UNWRAP)) {
        pipeline = pipelines.pipeline(true);
      }
      return new LogRange(
          new LogSelector(matchers, pipeline.stages()), range, offset, pipeline.unwrap());
    } finally {
      in.exit(1);
    }
  }

  private LogRange finishRange(List<Matcher> matchers, PipelineParser.Pipeline pipeline) {
    Duration range = (Duration) in.expect(TokenKind.RANGE).value();
    Duration offset = offset();
    if (pipeline.isEmpty()) {
      pipeline = pipelines.pipeline(true);
    }
    return new LogRange(
        new LogSelector(matchers, pipeline.stages()), range, offset, pipeline.unwrap());
  }

  private Duration offset() {
    if (!in.accept(TokenKind.OFFSET)) {
      return Duration.ZERO;
    }
    return (Duration) in.expect(TokenKind.DURATION).value();
  }

  private VectorAggregation vectorAggregation(VectorOp op) {
    Token fn = in.next();
    in.enter(fn);
    try {
      Optional<GroupingExpr> grouping = grouping();
      in.expect(TokenKind.OPEN_PARENTHESIS);
      Optional<Token> parameter = Optional.empty();
      if (in.at(TokenKind.NUMBER) && in.peek(1).is(TokenKind.COMMA)) {
        parameter = Optional.of(in.next());
        in.next();
      }
      SampleExpr inner = sampleExpr();
      in.expect(TokenKind.CLOSE_PARENTHESIS);
      if (grouping.isEmpty()) {
        grouping = grouping();
      }
      return AggregationRules.vector(op, inner, grouping, parameter);
    } finally {
      in.exit(1);
    }
  }

  /** An expression that must be a metric query (Loki's grammar only allows metricExpr here). */
  private SampleExpr sampleExpr() {
    Expr inner = expr();
    if (!(inner instanceof SampleExpr)) {
      throw unexpected(in.peek());
    }
    return (SampleExpr) inner;
  }

  private LabelReplaceExpr labelReplace() {
    Token fn = in.next();
    in.enter(fn);
    try {
      in.expect(TokenKind.OPEN_PARENTHESIS);
      SampleExpr inner = sampleExpr();
      String[] args = new String[4];
      for (int i = 0; i < args.length; i++) {
        in.expect(TokenKind.COMMA);
        args[i] = (String) in.expect(TokenKind.STRING).value();
      }
      in.expect(TokenKind.CLOSE_PARENTHESIS);
      StageRules.checkLabelReplace(args[0], args[3]);
      return new LabelReplaceExpr(inner, args[0], args[1], args[2], args[3]);
    } finally {
      in.exit(1);
    }
  }

  private Optional<GroupingExpr> grouping() {
    if (!in.at(TokenKind.BY) && !in.at(TokenKind.WITHOUT)) {
      return Optional.empty();
    }
    boolean without = in.next().is(TokenKind.WITHOUT);
    return Optional.of(new GroupingExpr(without, labelList()));
  }

  /** {@code ( [label {, label}] )}. */
  private List<String> labelList() {
    in.expect(TokenKind.OPEN_PARENTHESIS);
    List<String> labels = new ArrayList<>();
    if (in.accept(TokenKind.CLOSE_PARENTHESIS)) {
      return labels;
    }
    do {
      labels.add(in.expect(TokenKind.IDENTIFIER).text());
    } while (in.accept(TokenKind.COMMA));
    in.expect(TokenKind.CLOSE_PARENTHESIS);
    return labels;
  }
}
