package io.icegate.query.loki.index;

import io.icegate.query.loki.LokiBadRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Adds up log bytes into the series {@code index/volume} and {@code index/volume_range} answer, as
 * Loki aggregates them: {@code aggregateBy=series} groups by the values of the target labels (the
 * {@code targetLabels} parameter, else the labels the selector names); {@code aggregateBy=labels}
 * gives one series {@code {name=""}} per target label a stream has. Range answers put a line of
 * time {@code t} into the step point {@code p} with {@code p - step < t <= p}, points counted from
 * {@code start}.
 */
public final class Volumes {
  /** How lines are grouped. */
  public enum AggregateBy {
    SERIES,
    LABELS;

    /** Loki's {@code aggregateBy} parameter; anything else is refused with Loki's message. */
    public static AggregateBy parse(String value) {
      return switch (value) {
        case "series" -> SERIES;
        case "labels" -> LABELS;
        default ->
            throw new LokiBadRequestException(
                "invalid aggregation option '"
                    + value
                    + "': aggregateBy must be 'series' or 'labels'");
      };
    }
  }

  /** One answered series: its labels, total bytes and bytes per point (empty for instants). */
  public record Series(
      SortedMap<String, String> metric, long total, SortedMap<Long, Long> points) {}

  private final Set<String> targets;
  private final AggregateBy aggregateBy;
  private final long start;
  private final long step;
  private final Map<SortedMap<String, String>, long[]> totals = new HashMap<>();
  private final Map<SortedMap<String, String>, SortedMap<Long, Long>> points = new HashMap<>();

  /**
   * @param step 0 for an instant (volume) answer
   */
  Volumes(Set<String> targets, AggregateBy aggregateBy, long start, long step) {
    this.targets = Set.copyOf(targets);
    this.aggregateBy = aggregateBy;
    this.start = start;
    this.step = step;
  }

  void add(long timestampNanos, Map<String, String> stream, long bytes) {
    if (aggregateBy == AggregateBy.SERIES) {
      TreeMap<String, String> metric = new TreeMap<>();
      for (String target : targets) {
        String value = stream.get(target);
        if (value != null) {
          metric.put(target, value);
        }
      }
      if (!metric.isEmpty()) {
        add(metric, timestampNanos, bytes);
      }
    } else {
      for (String target : targets) {
        if (stream.containsKey(target)) {
          add(new TreeMap<>(Map.of(target, "")), timestampNanos, bytes);
        }
      }
    }
  }

  private void add(SortedMap<String, String> metric, long timestampNanos, long bytes) {
    totals.computeIfAbsent(metric, k -> new long[1])[0] += bytes;
    if (step > 0) {
      long k = Math.max(0, -Math.floorDiv(start - timestampNanos, step));
      points
          .computeIfAbsent(metric, m -> new TreeMap<>())
          .merge(start + k * step, bytes, Long::sum);
    }
  }

  /** The {@code limit} largest series, largest first (ties by labels). */
  List<Series> largest(int limit) {
    List<Series> all = new ArrayList<>();
    totals.forEach(
        (metric, total) ->
            all.add(new Series(metric, total[0], points.getOrDefault(metric, new TreeMap<>()))));
    all.sort(
        Comparator.comparingLong(Series::total)
            .reversed()
            .thenComparing(series -> series.metric().toString()));
    return all.size() > limit ? all.subList(0, limit) : all;
  }
}
