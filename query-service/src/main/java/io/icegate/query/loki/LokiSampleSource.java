package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import io.icegate.query.logql.ast.LabelFilterStage;
import io.icegate.query.logql.ast.LogRange;
import io.icegate.query.logql.ast.PipelineStage;
import io.icegate.query.logql.ast.Unwrap;
import io.icegate.query.logql.metric.LogSampleSelection;
import io.icegate.query.logql.metric.SampleSource;
import io.icegate.query.logql.metric.SampleStream;
import io.icegate.query.logql.pipeline.GoNumbers;
import io.icegate.query.logql.pipeline.LabelSet;
import io.icegate.query.logql.pipeline.Pipeline;
import io.icegate.query.series.Grouping;
import io.icegate.query.series.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The samples of a metric query's range aggregations, read through the same {@link LogScan} and
 * pipeline as log queries: one sample per line after the pipeline, valued 1, the line's bytes, or
 * the {@code unwrap} label as Loki's sample extractors do (the unwrapped label leaves the series; a
 * failed conversion sets {@code __error__=SampleExtractionErr} before the post filters).
 */
final class LokiSampleSource implements SampleSource<LogSampleSelection> {
  private final LogScan scan;

  LokiSampleSource(LogScan scan) {
    this.scan = requireNonNull(scan, "scan is null");
  }

  @Override
  public SampleStream select(
      LogSampleSelection selection,
      long fromExclusiveNs,
      long toInclusiveNs,
      Optional<Grouping> grouping) {
    LogRange range = selection.range();
    LogSelection log = LogQlPlanner.selection(range.selector());
    Optional<Pipeline> post = range.unwrap().map(LokiSampleSource::postFilters);
    // Samples are kept as parallel arrays; series labels are interned so equal series share one.
    Map<SortedMap<String, String>, Labels> interned = new HashMap<>();
    List<Labels> labels = new ArrayList<>();
    List<long[]> times = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    scan.forEach(
        log.selector(),
        log.lineFilters(),
        fromExclusiveNs + 1,
        toInclusiveNs + 1,
        raw ->
            log.pipeline()
                .apply(raw)
                .ifPresent(
                    entry -> {
                      SortedMap<String, String> all = new TreeMap<>(entry.allLabels());
                      double value =
                          switch (selection.extraction()) {
                            case LINE_COUNT -> 1;
                            case LINE_BYTES -> entry.line().getBytes(StandardCharsets.UTF_8).length;
                            case UNWRAP -> unwrap(range.unwrap().orElseThrow(), all);
                          };
                      if (post.isPresent()) {
                        Optional<io.icegate.query.logql.pipeline.LogEntry> kept =
                            post.get()
                                .process(
                                    entry.timestampNanos(),
                                    entry.line(),
                                    LabelSet.of(all),
                                    Map.of());
                        if (kept.isEmpty()) {
                          return;
                        }
                        all = new TreeMap<>(kept.get().labels().all());
                      }
                      labels.add(interned.computeIfAbsent(all, Labels::of));
                      times.add(new long[] {entry.timestampNanos()});
                      values.add(new double[] {value});
                    }));
    return new ListStream(labels, times, values);
  }

  /** The unwrap label's number; on failure 0 with {@code __error__} set, as Loki does. */
  private static double unwrap(Unwrap unwrap, SortedMap<String, String> labels) {
    String text = labels.remove(unwrap.label());
    if (text == null) {
      // Loki: a line without the label is skipped by the extractor... with an error label.
      labels.put("__error__", "SampleExtractionErr");
      labels.put("__error_details__", "label '" + unwrap.label() + "' not found");
      return 0;
    }
    try {
      return switch (unwrap.conversion()) {
        case NONE -> GoNumbers.parseFloat(text);
        case BYTES -> GoNumbers.parseBytes(text);
        case DURATION, DURATION_SECONDS -> GoNumbers.parseDuration(text) / 1e9;
      };
    } catch (IllegalArgumentException e) {
      labels.put("__error__", "SampleExtractionErr");
      labels.put("__error_details__", e.getMessage());
      return 0;
    }
  }

  private static Pipeline postFilters(Unwrap unwrap) {
    List<PipelineStage> stages = new ArrayList<>();
    unwrap.postFilters().forEach(filter -> stages.add(new LabelFilterStage(filter)));
    return LogQlPlanner.compile(stages);
  }

  /** Samples collected by one select, handed out in scan order. */
  private static final class ListStream implements SampleStream {
    private final List<Labels> labels;
    private final List<long[]> times;
    private final List<double[]> values;
    private int index = -1;

    ListStream(List<Labels> labels, List<long[]> times, List<double[]> values) {
      this.labels = labels;
      this.times = times;
      this.values = values;
    }

    @Override
    public boolean next() {
      return ++index < labels.size();
    }

    @Override
    public Labels labels() {
      return labels.get(index);
    }

    @Override
    public long timestampNs() {
      return times.get(index)[0];
    }

    @Override
    public double value() {
      return values.get(index)[0];
    }

    @Override
    public void close() {}
  }
}
