package io.icegate.query.logql.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation times of a metric query, in Unix nanoseconds: {@code start}, {@code start + step},
 * ... up to and including {@code end} (Loki's step evaluators). An instant query is one time.
 *
 * @param instant true for {@code /query} (answered as a vector), false for {@code /query_range}
 */
public record StepRange(long startNs, long endNs, long stepNs, boolean instant) {
  public StepRange {
    if (endNs < startNs) {
      throw new IllegalArgumentException(
          "Invalid range: end timestamp must not be before start time");
    }
    if (stepNs <= 0) {
      throw new IllegalArgumentException(
          "Invalid step: zero or negative query resolution step widths are not accepted. Try a"
              + " positive integer");
    }
    if (instant && startNs != endNs) {
      throw new IllegalArgumentException("Invalid instant query: start and end differ");
    }
  }

  /** One evaluation at {@code timeNs}. Loki runs instant queries with step 0, read as 1 ns. */
  public static StepRange instant(long timeNs) {
    return new StepRange(timeNs, timeNs, 1, true);
  }

  public static StepRange range(long startNs, long endNs, long stepNs) {
    return new StepRange(startNs, endNs, stepNs, false);
  }

  /** How many evaluation times. */
  public int count() {
    return Math.toIntExact((endNs - startNs) / stepNs + 1);
  }

  public long timeNs(int index) {
    return startNs + index * stepNs;
  }

  /** The answer's timestamp of one step, in milliseconds as Loki reports it. */
  public long timestampMs(int index) {
    return timeNs(index) / 1_000_000;
  }

  /**
   * This range cut into consecutive ranges of at most {@code maxSteps} steps each; evaluating them
   * one by one gives the same answer as evaluating this one.
   */
  public List<StepRange> split(int maxSteps) {
    if (maxSteps <= 0) {
      throw new IllegalArgumentException("Invalid split: maxSteps must be positive");
    }
    List<StepRange> chunks = new ArrayList<>();
    int n = count();
    for (int first = 0; first < n; first += maxSteps) {
      int last = Math.min(n, first + maxSteps) - 1;
      chunks.add(new StepRange(timeNs(first), timeNs(last), stepNs, instant));
    }
    return chunks;
  }
}
