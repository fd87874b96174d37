package io.icegate.query.series;

import static java.util.Objects.requireNonNull;

/** One element of an instant vector: a series identity and its value at the vector's time. */
public record Sample(Labels labels, double value) {
  public Sample {
    requireNonNull(labels, "labels is null");
  }

  public Sample withLabels(Labels newLabels) {
    return new Sample(newLabels, value);
  }

  public Sample withValue(double newValue) {
    return new Sample(labels, newValue);
  }
}
