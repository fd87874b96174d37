package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A log query: the stream selector {@code {a="x", ...}} followed by pipeline stages applied in
 * order. The parser guarantees at least one matcher that does not match the empty string.
 */
public record LogSelector(List<Matcher> matchers, List<PipelineStage> pipeline) implements Expr {
  public LogSelector {
    matchers = List.copyOf(requireNonNull(matchers, "matchers is null"));
    pipeline = List.copyOf(requireNonNull(pipeline, "pipeline is null"));
  }

  /** A selector without pipeline stages. */
  public static LogSelector of(List<Matcher> matchers) {
    return new LogSelector(matchers, List.of());
  }

  @Override
  public String toString() {
    return LogQLFormatter.format(this);
  }
}
