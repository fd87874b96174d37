package io.icegate.query.logql.metric;

import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.regex.GoRegex;
import io.icegate.query.series.Grouping;
import io.icegate.query.series.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory log store for evaluator tests: streams of lines, selected by the selector's matchers
 * (pipelines other than unwrap are not part of these tests). For {@code unwrap} the line itself is
 * the number.
 */
final class LogLinesSource implements SampleSource<LogSampleSelection> {
  record Line(Labels stream, long timestampNs, String text) {}

  private final List<Line> lines;
  final List<long[]> requests = new ArrayList<>();

  LogLinesSource(List<Line> lines) {
    this.lines = lines;
  }

  @Override
  public SampleStream select(
      LogSampleSelection selection,
      long fromExclusiveNs,
      long toInclusiveNs,
      Optional<Grouping> grouping) {
    requests.add(new long[] {fromExclusiveNs, toInclusiveNs});
    List<ListSampleSource.RawSample> samples = new ArrayList<>();
    for (Line line : lines) {
      if (line.timestampNs() <= fromExclusiveNs
          || line.timestampNs() > toInclusiveNs
          || !matches(selection.range().selector().matchers(), line.stream())) {
        continue;
      }
      double value =
          switch (selection.extraction()) {
            case LINE_COUNT -> 1;
            case LINE_BYTES -> line.text().getBytes(StandardCharsets.UTF_8).length;
            case UNWRAP -> Double.parseDouble(line.text());
          };
      samples.add(new ListSampleSource.RawSample(line.stream(), line.timestampNs(), value));
    }
    return ListSampleSource.stream(samples);
  }

  private static boolean matches(List<Matcher> matchers, Labels labels) {
    for (Matcher m : matchers) {
      String v = labels.get(m.name());
      boolean ok =
          switch (m.op()) {
            case EQ -> v.equals(m.value());
            case NEQ -> !v.equals(m.value());
            case RE -> GoRegex.fullMatch(m.value()).find(v);
            case NRE -> !GoRegex.fullMatch(m.value()).find(v);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
