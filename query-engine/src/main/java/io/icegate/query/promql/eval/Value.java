package io.icegate.query.promql.eval;

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

  record Sample(Labels labels, double value, boolean dropName) {}

  record Matrix(List<Window> series) implements Value {}

  /** One series' samples inside a range window, oldest first. */
  record Window(Labels labels, long[] timestamps, double[] values, boolean dropName) {
    public int size() {
      return timestamps.length;
    }
  }
}
