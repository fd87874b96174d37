package io.icegate.query.promql.conformance;

import io.icegate.query.promql.histogram.FloatHistogram;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** promqltest's {@code compareNativeHistogram}: both compacted, counts within 1e-6 relative. */
final class HistogramCompare {
  private HistogramCompare() {}

  static boolean matches(FloatHistogram exp, FloatHistogram act, boolean hintSet) {
    FloatHistogram e = exp.copy().compact();
    FloatHistogram a = act.copy().compact();
    if (e.schema != a.schema
        || !EvalRunner.almostEqual(e.count, a.count)
        || !EvalRunner.almostEqual(e.sum, a.sum)) {
      return false;
    }
    if (e.usesCustomBuckets() && !Arrays.equals(e.customValues, a.customValues)) {
      return false;
    }
    if (e.zeroThreshold != a.zeroThreshold || !EvalRunner.almostEqual(e.zeroCount, a.zeroCount)) {
      return false;
    }
    if (!bucketsMatch(e.positive, a.positive) || !bucketsMatch(e.negative, a.negative)) {
      return false;
    }
    return !hintSet || e.hint == a.hint;
  }

  private static boolean bucketsMatch(TreeMap<Integer, Double> e, TreeMap<Integer, Double> a) {
    if (!e.keySet().equals(a.keySet())) {
      return false;
    }
    for (Map.Entry<Integer, Double> x : e.entrySet()) {
      if (!EvalRunner.almostEqual(x.getValue(), a.get(x.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
