package io.icegate.query.logql.parse;

import static io.icegate.query.logql.parse.TokenCursor.unexpected;

import io.icegate.query.logql.ast.Decolorize;
import io.icegate.query.logql.ast.DropLabels;
import io.icegate.query.logql.ast.JsonParser;
import io.icegate.query.logql.ast.KeepLabels;
import io.icegate.query.logql.ast.LabelExtraction;
import io.icegate.query.logql.ast.LabelFilterExpr;
import io.icegate.query.logql.ast.LabelFilterStage;
import io.icegate.query.logql.ast.LabelFormatExpr;
import io.icegate.query.logql.ast.LabelFormatOp;
import io.icegate.query.logql.ast.LabelTerm;
import io.icegate.query.logql.ast.LineFilterExpr;
import io.icegate.query.logql.ast.LineFilterOp;
import io.icegate.query.logql.ast.LineFilterValue;
import io.icegate.query.logql.ast.LineFormat;
import io.icegate.query.logql.ast.LogfmtParser;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.PatternParser;
import io.icegate.query.logql.ast.PipelineStage;
import io.icegate.query.logql.ast.RegexpParser;
import io.icegate.query.logql.ast.UnpackParser;
import io.icegate.query.logql.ast.Unwrap;
import io.icegate.query.logql.ast.UnwrapConversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses stream selectors, pipeline stages, label filters and unwrap. */
final class PipelineParser {
  /** The stages of a pipeline and the unwrap that may end it (range aggregations only). */
  record Pipeline(List<PipelineStage> stages, Optional<Unwrap> unwrap) {
    boolean isEmpty() {
      return stages.isEmpty() && unwrap.isEmpty();
    }
  }

  private final TokenCursor in;
  private final LabelFilterParser filters;
  private final List<List<Matcher>> selectors = new ArrayList<>();

  PipelineParser(TokenCursor in) {
    this.in = in;
    this.filters = new LabelFilterParser(in);
  }

  /** Every selector parsed so far, for the non-empty-matcher check after the whole parse. */
  List<List<Matcher>> selectors() {
    return selectors;
  }

  /** {@code { matcher, ... }}. */
  List<Matcher> selector() {
    in.expect(TokenKind.OPEN_BRACE);
    List<Matcher> matchers = new ArrayList<>();
    if (!in.accept(TokenKind.CLOSE_BRACE)) {
      while (true) {
        matchers.add(filters.matcher(in.expect(TokenKind.IDENTIFIER).text()));
        if (in.accept(TokenKind.COMMA)) {
          continue;
        }
        if (!in.at(TokenKind.CLOSE_BRACE)) {
          throw unexpected(in.peek(), ",", "}");
        }
        in.next();
        break;
      }
    }
    selectors.add(matchers);
    return matchers;
  }

  /** Stages up to the first token that cannot continue the pipeline. */
  Pipeline pipeline(boolean allowUnwrap) {
    List<PipelineStage> stages = new ArrayList<>();
    while (true) {
      Token t = in.peek();
      LineFilterOp lineOp = lineFilterOp(t.kind());
      if (lineOp != null) {
        in.next();
        stages.add(lineFilter(lineOp));
        continue;
      }
      if (!t.is(TokenKind.PIPE)) {
        return new Pipeline(stages, Optional.empty());
      }
      Token stageToken = in.peek(1);
      if (stageToken.is(TokenKind.UNWRAP)) {
        if (!allowUnwrap) {
          throw unexpected(stageToken);
        }
        in.next();
        in.next();
        return new Pipeline(stages, Optional.of(unwrap()));
      }
      in.next();
      stages.add(stage());
    }
  }

  private static LineFilterOp lineFilterOp(TokenKind kind) {
    switch (kind) {
      case PIPE_EXACT:
        return LineFilterOp.CONTAINS;
      case NEQ:
        return LineFilterOp.NOT_CONTAINS;
      case PIPE_MATCH:
        return LineFilterOp.MATCH;
      case NRE:
        return LineFilterOp.NOT_MATCH;
      case PIPE_PATTERN:
        return LineFilterOp.PATTERN;
      case NPA:
        return LineFilterOp.NOT_PATTERN;
      default:
        return null;
    }
  }

  private LineFilterExpr lineFilter(LineFilterOp op) {
    List<LineFilterValue> values = new ArrayList<>();
    values.add(lineFilterValue(op));
    while (in.at(TokenKind.OR)
        && (in.peek(1).is(TokenKind.STRING) || in.peek(1).isFunction("ip"))) {
      in.next();
      values.add(lineFilterValue(op));
    }
    return new LineFilterExpr(op, values);
  }

  private LineFilterValue lineFilterValue(LineFilterOp op) {
    Token t = in.peek();
    if (t.is(TokenKind.STRING)) {
      in.next();
      String value = (String) t.value();
      if (op == LineFilterOp.MATCH || op == LineFilterOp.NOT_MATCH) {
        StageRules.checkRegex(t, value);
      }
      return LineFilterValue.of(value);
    }
    if (t.isFunction("ip")) {
      return LineFilterValue.ip(filters.ipArgument());
    }
    throw unexpected(t, "STRING", "ip");
  }

  /** One stage after {@code |}. */
  private PipelineStage stage() {
    Token t = in.peek();
    switch (t.kind()) {
      case JSON:
        in.next();
        return new JsonParser(extractions());
      case LOGFMT:
        return logfmt();
      case REGEXP:
        {
          in.next();
          Token value = in.expect(TokenKind.STRING);
          StageRules.checkRegexpParser(value, (String) value.value());
          return new RegexpParser((String) value.value());
        }
      case PATTERN:
        {
          in.next();
          String value = (String) in.expect(TokenKind.STRING).value();
          StageRules.checkPatternParser(value);
          return new PatternParser(value);
        }
      case UNPACK:
        in.next();
        return new UnpackParser();
      case LINE_FMT:
        in.next();
        return new LineFormat((String) in.expect(TokenKind.STRING).value());
      case LABEL_FMT:
        return labelFormat();
      case DECOLORIZE:
        in.next();
        return new Decolorize();
      case DROP:
        in.next();
        return new DropLabels(labelTerms());
      case KEEP:
        in.next();
        return new KeepLabels(labelTerms());
      case IDENTIFIER:
      case OPEN_PARENTHESIS:
        return new LabelFilterStage(labelFilter());
      default:
        throw unexpected(t);
    }
  }

  private LogfmtParser logfmt() {
    in.next();
    boolean strict = false;
    boolean keepEmpty = false;
    while (in.at(TokenKind.PARSER_FLAG)) {
      String flag = in.next().text();
      strict |= flag.equals("--strict");
      keepEmpty |= flag.equals("--keep-empty");
    }
    return new LogfmtParser(strict, keepEmpty, extractions());
  }

  /** {@code a="expr", b} after json/logfmt; empty when no identifier follows. */
  private List<LabelExtraction> extractions() {
    List<LabelExtraction> list = new ArrayList<>();
    if (!in.at(TokenKind.IDENTIFIER)) {
      return list;
    }
    do {
      String label = in.expect(TokenKind.IDENTIFIER).text();
      String expression = label;
      if (in.accept(TokenKind.EQ)) {
        expression = (String) in.expect(TokenKind.STRING).value();
      }
      list.add(new LabelExtraction(label, expression));
    } while (in.accept(TokenKind.COMMA));
    return list;
  }

  private LabelFormatExpr labelFormat() {
    in.next();
    List<LabelFormatOp> ops = new ArrayList<>();
    do {
      String target = in.expect(TokenKind.IDENTIFIER).text();
      in.expect(TokenKind.EQ);
      Token value = in.next();
      if (value.is(TokenKind.IDENTIFIER)) {
        ops.add(LabelFormatOp.rename(target, value.text()));
      } else if (value.is(TokenKind.STRING)) {
        ops.add(LabelFormatOp.template(target, (String) value.value()));
      } else {
        throw unexpected(value, "IDENTIFIER", "STRING");
      }
    } while (in.accept(TokenKind.COMMA));
    LabelFormatExpr stage = new LabelFormatExpr(ops);
    StageRules.checkLabelFormat(stage);
    return stage;
  }

  private List<LabelTerm> labelTerms() {
    List<LabelTerm> terms = new ArrayList<>();
    do {
      String name = in.expect(TokenKind.IDENTIFIER).text();
      if (LabelFilterParser.matchOp(in.peek()) != null) {
        terms.add(LabelTerm.matching(filters.matcher(name)));
      } else {
        terms.add(LabelTerm.name(name));
      }
    } while (in.accept(TokenKind.COMMA));
    return terms;
  }

  /** {@code label | conv(label)} then {@code | labelFilter}s, after {@code | unwrap}. */
  private Unwrap unwrap() {
    Token t = in.peek();
    UnwrapConversion conversion = UnwrapConversion.NONE;
    String label;
    if (t.is(TokenKind.FUNCTION)
        && (t.text().equals("bytes")
            || t.text().equals("duration")
            || t.text().equals("duration_seconds"))) {
      in.next();
      conversion =
          t.text().equals("bytes")
              ? UnwrapConversion.BYTES
              : t.text().equals("duration")
                  ? UnwrapConversion.DURATION
                  : UnwrapConversion.DURATION_SECONDS;
      in.expect(TokenKind.OPEN_PARENTHESIS);
      label = in.expect(TokenKind.IDENTIFIER).text();
      in.expect(TokenKind.CLOSE_PARENTHESIS);
    } else if (t.is(TokenKind.IDENTIFIER)) {
      label = in.next().text();
    } else {
      throw unexpected(t, "IDENTIFIER", "BYTES_CONV", "DURATION_CONV", "DURATION_SECONDS_CONV");
    }
    List<LabelFilterExpr> postFilters = new ArrayList<>();
    while (in.accept(TokenKind.PIPE)) {
      Token f = in.peek();
      if (!f.is(TokenKind.IDENTIFIER) && !f.is(TokenKind.OPEN_PARENTHESIS)) {
        throw unexpected(f);
      }
      postFilters.add(labelFilter());
    }
    return new Unwrap(label, conversion, postFilters);
  }

  /** A whole label filter expression. */
  LabelFilterExpr labelFilter() {
    return filters.labelFilter();
  }
}
