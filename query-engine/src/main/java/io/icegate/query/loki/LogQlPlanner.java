package io.icegate.query.loki;

import io.icegate.query.logql.ast.Expr;
import io.icegate.query.logql.ast.LogSelector;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.PipelineStage;
import io.icegate.query.logql.parse.LogQL;
import io.icegate.query.logql.parse.LogQLParseException;
import io.icegate.query.logql.pipeline.LabelSet;
import io.icegate.query.logql.pipeline.LineFilter;
import io.icegate.query.logql.pipeline.Pipeline;
import io.icegate.query.logql.pipeline.PipelineCompiler;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    Pipeline pipeline = compile(selector.pipeline());
    List<Predicate<String>> leading = new ArrayList<>();
    for (LineFilter filter : pipeline.leadingLineFilters()) {
      leading.add(filter::test);
    }
    Pipeline rest = pipeline.afterLeadingLineFilters();
    LogPipeline after = rest.stages().isEmpty() ? LogPipeline.NONE : new StagesAfter(rest);
    return new LogSelection(matchers(selector.matchers()), leading, after);
  }

  /**
   * The stages after the leading line filters over {@link LogEntry}s. Like the {@link Pipeline} it
   * wraps, one per thread. Stream labels become a {@link LabelSet} once per stream map instance
   * ({@link LogScan} hands out one instance per distinct stream).
   */
  private static final class StagesAfter implements LogPipeline {
    private static final int MAX_STREAMS = 1024;
    private final Pipeline stages;
    private final Map<Map<String, String>, LabelSet> streams = new IdentityHashMap<>();

    StagesAfter(Pipeline stages) {
      this.stages = stages;
    }

    @Override
    public Optional<LogEntry> apply(LogEntry entry) {
      LabelSet stream = streams.get(entry.stream());
      if (stream == null) {
        if (streams.size() >= MAX_STREAMS) {
          streams.clear();
        }
        stream = LabelSet.of(entry.stream());
        streams.put(entry.stream(), stream);
      }
      return stages
          .process(entry.timestampNanos(), entry.line(), stream, entry.structuredMetadata())
          .map(
              out ->
                  new LogEntry(
                      out.timestampNanos(),
                      out.line(),
                      out.labels().stream(),
                      out.labels().structuredMetadata(),
                      out.labels().parsed()));
    }
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

  /** The pipeline library's stages for parsed stages; a stage that cannot be built is a 400. */
  static Pipeline compile(List<PipelineStage> stages) {
    try {
      return PipelineCompiler.compile(stages);
    } catch (IllegalArgumentException e) {
      throw new LokiBadRequestException(e.getMessage());
    }
  }
}
