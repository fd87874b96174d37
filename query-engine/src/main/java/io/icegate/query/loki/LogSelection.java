package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import io.icegate.query.engine.TenantScan;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A log query as the evaluator runs it: the stream selector, the line filters that lead the
 * pipeline (checked on the raw body, before labels are built) and the rest of the pipeline.
 */
public record LogSelection(
    List<LabelMatcher> selector, List<Predicate<String>> lineFilters, LogPipeline pipeline) {
  public LogSelection {
    selector = List.copyOf(selector);
    lineFilters = List.copyOf(lineFilters);
    requireNonNull(pipeline, "pipeline is null");
    if (selector.isEmpty() || selector.stream().allMatch(LabelMatcher::matchesEmpty)) {
      throw new LokiBadRequestException(
          "parse error : queries require at least one regexp or equality matcher that does not have"
              + " an empty-compatible value. For instance, app=~\".*\" does not meet this"
              + " requirement, but app=~\".+\" will");
    }
  }

  /**
   * Hands every entry of this query with {@code startNanos <= timestamp < endNanos}, after its
   * pipeline, to {@code sink}, in no particular order (the index, detected and tail endpoints).
   */
  public void forEachEntry(
      TenantScan scan,
      LabelMapping mapping,
      long startNanos,
      long endNanos,
      Consumer<LogEntry> sink) {
    new LogScan(scan, mapping)
        .forEach(
            selector,
            lineFilters,
            startNanos,
            endNanos,
            entry -> pipeline.apply(entry).ifPresent(sink));
  }
}
