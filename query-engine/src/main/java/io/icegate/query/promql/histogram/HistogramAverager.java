package io.icegate.query.promql.histogram;

/**
 * The mean of native histograms as Prometheus' {@code avg} and {@code avg_over_time} compute it: a
 * Kahan-compensated sum divided at the end, switching to an incremental mean once the sum would
 * overflow float64.
 */
public final class HistogramAverager {
  private FloatHistogram sum;
  private FloatHistogram comp;
  private FloatHistogram mean;
  private double count = 1;
  private boolean incremental;

  public HistogramAverager(FloatHistogram first) {
    this.sum = first.copy();
  }

  /** Adds one histogram; throws {@link FloatHistogram.IncompatibleException} as {@code add}. */
  public void add(FloatHistogram h) {
    count++;
    if (!incremental) {
      FloatHistogram trial = sum.copy();
      FloatHistogram trialComp = comp == null ? null : comp.copy();
      trialComp = trial.kahanAdd(h, trialComp);
      if (!trial.hasOverflow()) {
        sum = trial;
        comp = trialComp;
        return;
      }
      incremental = true;
      mean = sum.copy().div(count - 1);
      if (comp != null) {
        comp.div(count - 1);
      }
    }
    double q = (count - 1) / count;
    if (comp != null) {
      comp.mul(q);
    }
    comp = mean.mul(q).kahanAdd(h.copy().div(count), comp);
  }

  public FloatHistogram result() {
    if (incremental) {
      return mean.copy().addCompensation(comp);
    }
    FloatHistogram r = sum.copy().div(count);
    return comp == null ? r : r.addCompensation(comp.copy().div(count));
  }
}
