package io.icegate.query.series;

/** One point of a series: Unix milliseconds (the resolution Prometheus and Loki answer in). */
public record Point(long timestampMs, double value) {}
