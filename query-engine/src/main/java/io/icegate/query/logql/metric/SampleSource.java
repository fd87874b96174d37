package io.icegate.query.logql.metric;

import io.icegate.query.series.Grouping;
import java.util.Optional;

/**
 * Where a metric query's samples come from: for one range aggregation's log selection (selector,
 * pipeline, unwrap), every sample with a time in {@code (fromExclusiveNs, toInclusiveNs]}.
 *
 * @param <S> what names a selection (the LogQL syntax tree of {@code {selector} | pipeline | unwrap
 *     ...}); the evaluator passes it through untouched
 */
public interface SampleSource<S> {
  /**
   * Opens the samples of {@code selection}. The caller closes the stream.
   *
   * @param grouping labels the evaluator will reduce each sample's labels to anyway; a source may
   *     apply it early (Loki pushes {@code sum by} into the extractor) but need not
   */
  SampleStream select(
      S selection, long fromExclusiveNs, long toInclusiveNs, Optional<Grouping> grouping);
}
