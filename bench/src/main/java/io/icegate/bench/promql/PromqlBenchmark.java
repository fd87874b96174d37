package io.icegate.bench.promql;

import io.icegate.query.promql.ast.Matcher;
import io.icegate.query.promql.eval.PromqlEngine;
import io.icegate.query.promql.eval.QueryResult;
import io.icegate.query.promql.eval.SampleSource;
import io.icegate.query.promql.eval.StoredSeries;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PromQL evaluation alone (issue 20): range queries over samples held in memory, so the figure is
 * the evaluator's cost without any storage. {@code -Dseries} counters {@code http_requests_total}
 * and as many classic histogram bucket series {@code latency_seconds_bucket} (ten buckets per
 * histogram), {@code -Dhours} of samples every {@code -Dscrape} seconds; each query is a range
 * query over the whole span at {@code -Dstep} seconds, run {@code -Dreps} times (the best run is
 * reported). Prints a Markdown table: wall time, output samples, µs per output sample.
 */
public final class PromqlBenchmark {
  private static final String[] QUERIES = {
    "rate(http_requests_total[5m])",
    "sum by (job) (rate(http_requests_total[5m]))",
    "histogram_quantile(0.9, sum by (job, le) (rate(latency_seconds_bucket[5m])))",
  };

  private PromqlBenchmark() {}

  public static void main(String[] args) {
    int series = Integer.getInteger("series", 10_000);
    int hours = Integer.getInteger("hours", 24);
    int scrape = Integer.getInteger("scrape", 15);
    int step = Integer.getInteger("step", 60);
    int reps = Integer.getInteger("reps", 2);
    long end = hours * 3_600_000L;
    int points = (int) (end / (scrape * 1000L)) + 1;
    long[] ts = new long[points];
    for (int i = 0; i < points; i++) {
      ts[i] = i * scrape * 1000L;
    }
    List<StoredSeries> data = new ArrayList<>(2 * series);
    for (int s = 0; s < series; s++) {
      Labels l =
          Labels.of(
              "__name__", "http_requests_total", "instance", "i-" + s, "job", "job-" + (s % 10));
      data.add(new StoredSeries(l, ts, counter(points, s, 1 + s % 7)));
    }
    String[] les = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};
    for (int h = 0; h < series / les.length; h++) {
      for (int b = 0; b < les.length; b++) {
        Labels l =
            Labels.of(
                "__name__",
                "latency_seconds_bucket",
                "instance",
                "i-" + h,
                "job",
                "job-" + (h % 10),
                "le",
                les[b]);
        data.add(new StoredSeries(l, ts, counter(points, h, b + 1)));
      }
    }
    SampleSource source = (matchers, min, max) -> select(data, matchers);
    PromqlEngine engine = new PromqlEngine(source);
    System.out.printf(
        Locale.ROOT,
        "PromQL evaluation, %,d + %,d series × %d h at %d s (%,d samples each), range queries at %d s step%n%n",
        series,
        series,
        hours,
        scrape,
        points,
        step);
    System.out.println(
        "| query | best of " + reps + " (s) | output samples | µs per output sample |");
    System.out.println("|---|---|---|---|");
    for (String q : QUERIES) {
      long best = Long.MAX_VALUE;
      long outputs = 0;
      for (int r = 0; r < reps; r++) {
        long t0 = System.nanoTime();
        QueryResult res = engine.range(q, 0, end, step * 1000L);
        long t1 = System.nanoTime();
        best = Math.min(best, t1 - t0);
        outputs = res.matrix().stream().mapToLong(x -> x.timestamps().length).sum();
      }
      System.out.printf(
          Locale.ROOT,
          "| `%s` | %.2f | %,d | %.3f |%n",
          q,
          best / 1e9,
          outputs,
          best / 1e3 / Math.max(outputs, 1));
    }
  }

  /** A counter growing by a series-specific amount per scrape, reset once a day at noon. */
  private static double[] counter(int points, int seed, int rate) {
    double[] v = new double[points];
    double c = seed % 100;
    for (int i = 0; i < points; i++) {
      if (i == points / 2) {
        c = 0;
      }
      c += rate * (1 + ((i + seed) % 3));
      v[i] = c;
    }
    return v;
  }

  private static List<StoredSeries> select(List<StoredSeries> data, List<Matcher> matchers) {
    List<StoredSeries> out = new ArrayList<>();
    for (StoredSeries s : data) {
      boolean ok = true;
      for (Matcher m : matchers) {
        if (!m.matches(s.labels().get(m.name()))) {
          ok = false;
          break;
        }
      }
      if (ok) {
        out.add(s);
      }
    }
    return out;
  }
}
