package io.icegate.query.loki;

import io.icegate.query.logql.ast.Expr;
import io.icegate.query.logql.ast.LineFilterValue;
import io.icegate.query.logql.ast.LogSelector;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.PipelineStage;
import io.icegate.query.logql.parse.LogQL;
import io.icegate.query.logql.parse.LogQLParseException;
import io.icegate.query.logql.pipeline.ContainsLineFilter;
import io.icegate.query.logql.pipeline.IpLineFilter;
import io.icegate.query.logql.pipeline.LabelSet;
import io.icegate.query.logql.pipeline.LineFilter;
import io.icegate.query.logql.pipeline.PatternLineFilter;
import io.icegate.query.logql.pipeline.Pipeline;
import io.icegate.query.logql.pipeline.RegexLineFilter;
import io.icegate.query.logql.pipeline.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns LogQL text into what the evaluators run: the parser's syntax tree ({@link LogQL}), stream
 * selectors as {@link LabelMatcher}s, leading line filters as predicates on the raw line, the rest
 * of the pipeline as the pipeline library's stages. Parse errors become 400s with their position.
 */
final class LogQlPlanner {
  private LogQlPlanner() {}

  static Expr parse(String query) {
    try {
      return LogQL.parse(query);
    } catch (LogQLParseException e) {
      throw new LokiBadRequestException(e.getMessage());
    }
  }

  /** A log query ({@code {selector} | stages}) ready to run. */
  static LogSelection selection(LogSelector selector) {
    List<Stage> stages = new ArrayList<>();
    for (PipelineStage stage : selector.pipeline()) {
      stages.add(stage(stage));
    }
    Pipeline pipeline = new Pipeline(stages);
    List<Predicate<String>> leading = new ArrayList<>();
    for (LineFilter filter : pipeline.leadingLineFilters()) {
      leading.add(filter::test);
    }
    Pipeline rest = pipeline.afterLeadingLineFilters();
    LogPipeline after =
        rest.stages().isEmpty()
            ? LogPipeline.NONE
            : entry ->
                rest.process(
                        entry.timestampNanos(),
                        entry.line(),
                        LabelSet.of(entry.stream()),
                        entry.structuredMetadata())
                    .map(
                        out ->
                            new LogEntry(
                                out.timestampNanos(),
                                out.line(),
                                out.labels().stream(),
                                out.labels().structuredMetadata(),
                                out.labels().parsed()));
    return new LogSelection(matchers(selector.matchers()), leading, after);
  }

  static List<LabelMatcher> matchers(List<Matcher> matchers) {
    List<LabelMatcher> result = new ArrayList<>();
    for (Matcher matcher : matchers) {
      LabelMatcher.Type type =
          switch (matcher.op()) {
            case EQ -> LabelMatcher.Type.EQ;
            case NEQ -> LabelMatcher.Type.NEQ;
            case RE -> LabelMatcher.Type.RE;
            case NRE -> LabelMatcher.Type.NRE;
          };
      result.add(LabelMatcher.of(matcher.name(), type, matcher.value()));
    }
    return result;
  }

  private static Stage stage(PipelineStage stage) {
    if (stage instanceof io.icegate.query.logql.ast.LineFilter filter) {
      List<LineFilter> alternatives = new ArrayList<>();
      for (LineFilterValue value : filter.values()) {
        alternatives.add(lineFilter(filter.op(), value));
      }
      LineFilter any = LineFilter.anyOf(alternatives);
      return filter.op().isNegated() ? any.negate() : any;
    }
    throw new LokiBadRequestException(
        "Cannot run query: the stage '" + stage + "' is not supported yet");
  }

  private static LineFilter lineFilter(
      io.icegate.query.logql.ast.LineFilterOp op, LineFilterValue value) {
    if (value.ip()) {
      return new IpLineFilter(value.value());
    }
    return switch (op) {
      case CONTAINS, NOT_CONTAINS -> new ContainsLineFilter(value.value());
      case MATCH, NOT_MATCH -> new RegexLineFilter(value.value());
      case PATTERN, NOT_PATTERN -> new PatternLineFilter(value.value());
    };
  }
}
