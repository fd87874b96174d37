package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Matcher;
import java.util.List;

/**
 * Where the evaluator reads raw samples: the series whose labels satisfy every matcher, with their
 * samples in {@code [minTimeMs, maxTimeMs]}. The test runner answers from memory, the lake from its
 * tables; the evaluator cannot tell them apart.
 */
public interface SampleSource {
  List<StoredSeries> select(List<Matcher> matchers, long minTimeMs, long maxTimeMs);
}
