package io.icegate.query.logql.metric;

import io.icegate.query.series.Grouping;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory sample source for tests: selections are names of sample lists; it hands out the
 * samples of the asked time range in the order stored and records each request.
 */
final class ListSampleSource implements SampleSource<String> {
  record RawSample(Labels labels, long timestampNs, double value) {}

  record Request(String selection, long fromExclusiveNs, long toInclusiveNs) {}

  private final Map<String, List<RawSample>> samples;
  final List<Request> requests = new ArrayList<>();

  ListSampleSource(Map<String, List<RawSample>> samples) {
    this.samples = samples;
  }

  @Override
  public SampleStream select(
      String selection, long fromExclusiveNs, long toInclusiveNs, Optional<Grouping> grouping) {
    requests.add(new Request(selection, fromExclusiveNs, toInclusiveNs));
    List<RawSample> in = new ArrayList<>();
    for (RawSample s : samples.getOrDefault(selection, List.of())) {
      if (s.timestampNs() > fromExclusiveNs && s.timestampNs() <= toInclusiveNs) {
        in.add(s);
      }
    }
    return stream(in);
  }

  static SampleStream stream(List<RawSample> list) {
    Iterator<RawSample> it = list.iterator();
    return new SampleStream() {
      private RawSample current;

      @Override
      public boolean next() {
        if (!it.hasNext()) {
          return false;
        }
        current = it.next();
        return true;
      }

      @Override
      public Labels labels() {
        return current.labels();
      }

      @Override
      public long timestampNs() {
        return current.timestampNs();
      }

      @Override
      public double value() {
        return current.value();
      }

      @Override
      public void close() {}
    };
  }
}
