package io.icegate.bench.shift;

import java.util.List;

/** p50 / p99 / max of durations in nanoseconds, as a Markdown table row in milliseconds. */
final class Percentiles {
  private Percentiles() {}

  static void print(String path, List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      System.out.printf("| %s | 0 | - | - | - |%n", path);
      return;
    }
    System.out.printf(
        "| %s | %,d | %.0f | %.0f | %.0f |%n",
        path,
        sorted.length,
        at(sorted, 0.50) / 1e6,
        at(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static long at(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  }
}
