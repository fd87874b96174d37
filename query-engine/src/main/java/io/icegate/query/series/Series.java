package io.icegate.query.series;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One series of a matrix: its labels and its points, oldest first. */
public record Series(Labels labels, List<Point> points) {
  public Series {
    requireNonNull(labels, "labels is null");
    points = List.copyOf(points);
  }
}
