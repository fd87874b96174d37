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
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The samples of a metric query's range aggregations, read through the same {@link LogScan} and
 * pipeline as log queries: one sample per line after the pipeline, valued 1, the line's bytes, or
 * the {@code unwrap} label as Loki's sample extractors do (the unwrapped label leaves the series; a
 * failed conversion sets {@code __error__=SampleExtractionErr} before the post filters).
 */
final class LokiSampleSource implements SampleSource<LogSampleSelection> {
  private final LogScan scan;
  private final boolean readEverything;
  private final List<LogColumnChoice> columnsRead = new ArrayList<>();

  LokiSampleSource(LogScan scan) {
    this(scan, false);
  }

  /**
   * @param readEverything read every column whatever the query needs: the reference a narrow read
   *     is compared with in tests
   */
  LokiSampleSource(LogScan scan, boolean readEverything) {
    this.scan = requireNonNull(scan, "scan is null");
    this.readEverything = readEverything;
  }

  /** The columns each {@link #select} read, in order. */
  List<LogColumnChoice> columnsRead() {
    return List.copyOf(columnsRead);
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
    // `sum by (x) (count_over_time(...))`: only x (and the error labels, which fail the query) can
    // survive the grouping, so the other labels are never copied or interned. Not with unwrap or
    // its post filters, which read any label.
    Optional<EarlyGrouping> early =
        range.unwrap().isEmpty() ? EarlyGrouping.of(grouping) : Optional.empty();
    SampleBuffer samples = new SampleBuffer();
    // Series labels are interned so equal series share one instance (and the evaluator's lookup).
    Map<SortedMap<String, String>, Labels> interned = new HashMap<>();
    LogColumnChoice columns =
        readEverything
            ? LogColumnChoice.ALL
            : LogColumnChoice.forSamples(
                log.selector(),
                !log.lineFilters().isEmpty(),
                log.pipeline() != LogPipeline.NONE,
                range.unwrap().isPresent(),
                selection.extraction(),
                grouping);
    columnsRead.add(columns);
    LogScan.EntryCursor cursor =
        scan.open(
            log.selector(), log.lineFilters(), fromExclusiveNs + 1, toInclusiveNs + 1, columns);
    if (!columns.metadata()) {
      // Only stream labels are read (LogColumnChoice.forSamples): a series is a function of the
      // stream,
      // and the scan hands out one map instance per stream.
      EarlyGrouping by = early.orElseThrow();
      Map<Map<String, String>, Labels> byStream = new IdentityHashMap<>();
      boolean bytes = selection.extraction() == LogSampleSelection.Extraction.LINE_BYTES;
      LogScan.RowSink toSamples =
          row -> {
            Labels series = byStream.get(row.stream());
            if (series == null) {
              if (byStream.size() >= StreamLabelCache.MAX_ENTRIES) {
                byStream.clear();
              }
              series = interned.computeIfAbsent(by.apply(row.stream()), Labels::of);
              byStream.put(row.stream(), series);
            }
            samples.add(series, row.timestampNanos(), bytes ? row.lineBytes() : 1);
          };
      return new BatchStream(cursor, () -> cursor.nextRows(toSamples), samples);
    }
    Consumer<LogEntry> toSamples =
        raw ->
            log.pipeline()
                .apply(raw)
                .ifPresent(
                    entry -> {
                      SortedMap<String, String> all =
                          early.isPresent() ? early.get().apply(entry) : entry.allLabels();
                      double value =
                          switch (selection.extraction()) {
                            case LINE_COUNT -> 1;
                            case LINE_BYTES -> entry.line().getBytes(StandardCharsets.UTF_8).length;
                            case UNWRAP -> unwrap(range.unwrap().orElseThrow(), all);
                          };
                      if (post.isPresent()) {
                        Optional<io.icegate.query.logql.pipeline.ProcessedEntry> kept =
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
                      samples.add(
                          interned.computeIfAbsent(all, Labels::of), entry.timestampNanos(), value);
                    });
    return new BatchStream(cursor, () -> cursor.nextBatch(toSamples), samples);
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

  /** The labels a {@code by} grouping keeps, read straight from an entry. */
  private record EarlyGrouping(List<String> names) {
    private static final List<String> ERROR_LABELS = List.of("__error__", "__error_details__");

    static Optional<EarlyGrouping> of(Optional<Grouping> grouping) {
      if (grouping.isEmpty() || grouping.get().without()) {
        return Optional.empty();
      }
      List<String> names = new ArrayList<>(grouping.get().labels());
      names.addAll(ERROR_LABELS);
      return Optional.of(new EarlyGrouping(List.copyOf(names)));
    }

    /** The kept labels of a stream alone (no structured metadata, parsed or error labels). */
    SortedMap<String, String> apply(Map<String, String> stream) {
      SortedMap<String, String> kept = new TreeMap<>();
      for (String name : names) {
        String value = stream.get(name);
        if (value != null) {
          kept.put(name, value);
        }
      }
      return kept;
    }

    SortedMap<String, String> apply(LogEntry entry) {
      SortedMap<String, String> kept = new TreeMap<>();
      for (String name : names) {
        String value = entry.label(name);
        if (value != null) {
          kept.put(name, value);
        }
      }
      return kept;
    }
  }

  /** The samples of one scan batch, as parallel arrays reused from batch to batch. */
  private static final class SampleBuffer {
    private Labels[] labels = new Labels[1024];
    private long[] times = new long[1024];
    private double[] values = new double[1024];
    private int size;

    void add(Labels series, long timeNs, double value) {
      if (size == labels.length) {
        labels = Arrays.copyOf(labels, size * 2);
        times = Arrays.copyOf(times, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      labels[size] = series;
      times[size] = timeNs;
      values[size] = value;
      size++;
    }

    void clear() {
      Arrays.fill(labels, 0, size, null);
      size = 0;
    }
  }

  /**
   * Hands out a batch's samples, then reads the next scan batch: the scan advances only as fast as
   * the evaluator pulls, so memory is one batch's samples, not the query's.
   */
  private static final class BatchStream implements SampleStream {
    private final LogScan.EntryCursor cursor;
    private final BooleanSupplier nextBatch;
    private final SampleBuffer samples;
    private int index = -1;

    /**
     * @param nextBatch fills {@code samples} from the cursor's next batch; false at the end
     */
    BatchStream(LogScan.EntryCursor cursor, BooleanSupplier nextBatch, SampleBuffer samples) {
      this.cursor = cursor;
      this.nextBatch = nextBatch;
      this.samples = samples;
    }

    @Override
    public boolean next() {
      while (++index >= samples.size) {
        samples.clear();
        index = -1;
        if (!nextBatch.getAsBoolean()) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Labels labels() {
      return samples.labels[index];
    }

    @Override
    public long timestampNs() {
      return samples.times[index];
    }

    @Override
    public double value() {
      return samples.values[index];
    }

    @Override
    public void close() {
      cursor.close();
    }
  }
}
