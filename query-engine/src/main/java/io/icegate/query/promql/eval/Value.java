package io.icegate.query.promql.eval;

import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.series.Labels;
import java.util.List;

/** A value PromQL evaluates to, at one time step (instant vectors) or over a window (matrices). */
public sealed interface Value permits Value.Scalar, Value.Str, Value.Vector, Value.Matrix {

  record Scalar(double value) implements Value {}

  record Str(String value) implements Value {}

  /**
   * An instant vector. {@code dropName} marks samples whose {@code __name__} goes away when the
   * query finishes (Prometheus' delayed name removal): functions set it, selectors do not.
   */
  record Vector(List<Sample> samples) implements Value {}

  /** A float sample ({@code h} null) or a native histogram sample. */
  record Sample(Labels labels, double value, FloatHistogram h, boolean dropName) {
    public Sample(Labels labels, double value, boolean dropName) {
      this(labels, value, null, dropName);
    }

    public Sample withLabels(Labels l, boolean drop) {
      return new Sample(l, value, h, drop);
    }
  }

  record Matrix(List<Window> series) implements Value {}

  /** One series' samples inside a range window, oldest first. */
  record Window(
      Labels labels,
      long[] timestamps,
      double[] values,
      FloatHistogram[] histograms,
      boolean dropName) {
    public Window(Labels labels, long[] timestamps, double[] values, boolean dropName) {
      this(labels, timestamps, values, null, dropName);
    }

    public int size() {
      return timestamps.length;
    }

    public FloatHistogram h(int i) {
      return histograms == null ? null : histograms[i];
    }

    public int floatCount() {
      int n = 0;
      for (int i = 0; i < timestamps.length; i++) {
        if (h(i) == null) {
          n++;
        }
      }
      return n;
    }

    public int histogramCount() {
      return timestamps.length - floatCount();
    }

    /** Only the float samples. */
    public Window floats() {
      if (histograms == null) {
        return this;
      }
      int n = floatCount();
      long[] ts = new long[n];
      double[] vs = new double[n];
      int j = 0;
      for (int i = 0; i < timestamps.length; i++) {
        if (h(i) == null) {
          ts[j] = timestamps[i];
          vs[j++] = values[i];
        }
      }
      return new Window(labels, ts, vs, null, dropName);
    }

    /** Only the histogram samples. */
    public Window histogramsOnly() {
      int n = histogramCount();
      long[] ts = new long[n];
      double[] vs = new double[n];
      FloatHistogram[] hs = new FloatHistogram[n];
      int j = 0;
      for (int i = 0; i < timestamps.length; i++) {
        if (h(i) != null) {
          ts[j] = timestamps[i];
          hs[j++] = histograms[i];
        }
      }
      return new Window(labels, ts, vs, hs, dropName);
    }
  }
}
