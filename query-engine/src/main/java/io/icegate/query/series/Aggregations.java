package io.icegate.query.series;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vector aggregations with {@code by}/{@code without}, computed as Loki's {@code
 * VectorAggEvaluator} and Prometheus' {@code aggregation} do: running sums in input order,
 * incremental mean for {@code avg}, Welford for {@code stddev}/{@code stdvar}, NaN replaced by any
 * number in {@code min}/{@code max}. Groups come out in first-seen order; {@code topk}/{@code
 * bottomk}/{@code sort}/{@code sort_desc} come out ordered by value within each group.
 */
public final class Aggregations {
  private Aggregations() {}

  /**
   * Aggregates one instant vector.
   *
   * @param parameter k of {@code topk}/{@code bottomk}, φ of {@code quantile}; ignored otherwise
   */
  public static List<Sample> aggregate(
      AggregationOperator op, Grouping grouping, double parameter, List<Sample> vector) {
    requireNonNull(op, "op is null");
    if (op == AggregationOperator.COUNT_VALUES) {
      throw new IllegalArgumentException("Invalid call: count_values takes a label name");
    }
    Grouping.Projection projection = grouping.projection();
    Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
    for (Sample s : vector) {
      groups.computeIfAbsent(projection.apply(s.labels()), k -> new ArrayList<>()).add(s);
    }
    List<Sample> results = new ArrayList<>(op.keepsInputLabels() ? vector.size() : groups.size());
    if ((op == AggregationOperator.TOPK || op == AggregationOperator.BOTTOMK) && parameter < 1) {
      return results;
    }
    for (Map.Entry<Labels, List<Sample>> group : groups.entrySet()) {
      List<Sample> members = group.getValue();
      switch (op) {
        case TOPK -> results.addAll(ranked(members, true, (long) parameter));
        case BOTTOMK -> results.addAll(ranked(members, false, (long) parameter));
        case SORT_DESC -> results.addAll(ranked(members, true, Long.MAX_VALUE));
        case SORT -> results.addAll(ranked(members, false, Long.MAX_VALUE));
        default -> results.add(new Sample(group.getKey(), reduce(op, parameter, members)));
      }
    }
    return results;
  }

  /**
   * {@code count_values("label", v)}: per group, how many samples have each value; the value
   * (formatted as Prometheus does) goes into {@code label}.
   */
  public static List<Sample> countValues(String label, Grouping grouping, List<Sample> vector) {
    Grouping.Projection projection = grouping.projection();
    Map<Labels, Integer> counts = new LinkedHashMap<>();
    for (Sample s : vector) {
      Labels key = projection.apply(s.labels()).with(label, SampleValues.format(s.value()));
      counts.merge(key, 1, Integer::sum);
    }
    List<Sample> results = new ArrayList<>(counts.size());
    counts.forEach((labels, count) -> results.add(new Sample(labels, count)));
    return results;
  }

  private static double reduce(AggregationOperator op, double parameter, List<Sample> members) {
    double first = members.get(0).value();
    switch (op) {
      case SUM:
        double sum = first;
        for (int i = 1; i < members.size(); i++) {
          sum += members.get(i).value();
        }
        return sum;
      case AVG:
        double mean = first;
        for (int i = 1; i < members.size(); i++) {
          double v = members.get(i).value();
          // An infinite mean stays as it is unless an opposite infinity or NaN arrives, as in
          // Loki and Prometheus (Inf + (x - Inf) would otherwise turn it into NaN).
          if (Double.isInfinite(mean)) {
            if (Double.isInfinite(v) && (mean > 0) == (v > 0)) {
              continue;
            }
            if (!Double.isInfinite(v) && !Double.isNaN(v)) {
              continue;
            }
          }
          mean += (v - mean) / (i + 1);
        }
        return mean;
      case MIN:
        double min = first;
        for (Sample s : members) {
          if (min > s.value() || Double.isNaN(min)) {
            min = s.value();
          }
        }
        return min;
      case MAX:
        double max = first;
        for (Sample s : members) {
          if (max < s.value() || Double.isNaN(max)) {
            max = s.value();
          }
        }
        return max;
      case COUNT:
        return members.size();
      case GROUP:
        return 1;
      case STDDEV:
        return Math.sqrt(variance(members));
      case STDVAR:
        return variance(members);
      case QUANTILE:
        double[] values = new double[members.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = members.get(i).value();
        }
        return quantile(parameter, values, values.length);
      default:
        throw new IllegalStateException("Unexpected aggregation " + op);
    }
  }

  /** Welford's online variance, divided by n (population variance), as Loki and Prometheus. */
  private static double variance(List<Sample> members) {
    double count = 0;
    double mean = 0;
    double aux = 0;
    for (Sample s : members) {
      count++;
      double delta = s.value() - mean;
      mean += delta / count;
      aux += delta * (s.value() - mean);
    }
    return aux / count;
  }

  /**
   * The φ-quantile of the first {@code n} values (sorted in place): linear interpolation between
   * the two closest ranks of {@code φ·(n−1)}; NaN for no values, ±Inf for φ outside [0, 1].
   */
  public static double quantile(double q, double[] values, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    Arrays.sort(values, 0, n);
    double rank = q * (n - 1);
    double lower = Math.max(0, Math.floor(rank));
    double upper = Math.min(n - 1, lower + 1);
    double weight = rank - Math.floor(rank);
    return values[(int) lower] * (1 - weight) + values[(int) upper] * weight;
  }

  /**
   * The first {@code k} members by value (descending or ascending), NaN last either way; ties keep
   * input order, which is what a heap that only replaces on a strictly better value gives.
   */
  private static List<Sample> ranked(List<Sample> members, boolean descending, long k) {
    Comparator<Sample> byValue =
        (a, b) -> {
          boolean an = Double.isNaN(a.value());
          boolean bn = Double.isNaN(b.value());
          if (an || bn) {
            return Boolean.compare(an, bn);
          }
          // < and > rather than Double.compare: -0 and +0 tie, as in Go.
          double x = descending ? b.value() : a.value();
          double y = descending ? a.value() : b.value();
          return x < y ? -1 : x > y ? 1 : 0;
        };
    List<Sample> sorted = new ArrayList<>(members);
    sorted.sort(byValue);
    return k >= sorted.size() ? sorted : sorted.subList(0, (int) k);
  }
}
