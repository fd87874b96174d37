package io.icegate.query.promql.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.query.promql.parse.PromqlParseException;
import io.icegate.query.series.Labels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine through its sample source, with Prometheus' answers worked out by hand. */
class PromqlEngineTest {
  private final InMemorySampleSource source = new InMemorySampleSource();
  private final PromqlEngine engine = new PromqlEngine(source);

  @BeforeEach
  void load() {
    // A counter scraped every 15 s for 10 minutes, +1 per scrape, reset to 0 at 5 minutes.
    for (int i = 0; i <= 40; i++) {
      double v = i < 20 ? i : i - 20;
      source.add(Labels.of("__name__", "reqs_total", "job", "api"), i * 15_000L, v);
    }
    source.add(Labels.of("__name__", "up", "job", "api"), 0, 1);
    source.add(Labels.of("__name__", "down", "job", "api"), 0, 1);
    source.add(Labels.of("__name__", "down", "job", "api"), 60_000, StoredSeries.STALE_NAN);
  }

  @Test
  void rateCountsTheResetAndDropsTheName() {
    QueryResult r = engine.instant("rate(reqs_total[5m])", 600_000);
    Value.Vector v = (Value.Vector) r.value();
    assertThat(v.samples()).hasSize(1);
    assertThat(v.samples().get(0).labels()).isEqualTo(Labels.of("job", "api"));
    // Window (300s, 600s]: the 0 at 300s is outside (left-open); 1..20 from 315s to 600s is 19
    // over 285 s; the 15 s to the window start is below 1.1 intervals and equals the zero point,
    // the end needs none: extrapolated to 300 s.
    double increase = 19 * 300 / 285.0;
    assertThat(v.samples().get(0).value())
        .isCloseTo(increase / 300, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.infos()).isEmpty();
  }

  @Test
  void lookbackIsLeftOpenAndStalenessEndsASeries() {
    assertThat(((Value.Vector) engine.instant("up", 299_999).value()).samples()).hasSize(1);
    assertThat(((Value.Vector) engine.instant("up", 300_000).value()).samples()).isEmpty();
    assertThat(((Value.Vector) engine.instant("down", 59_999).value()).samples()).hasSize(1);
    assertThat(((Value.Vector) engine.instant("down", 60_000).value()).samples()).isEmpty();
  }

  @Test
  void rangeQueriesAnswerSortedSeriesPerStep() {
    QueryResult r = engine.range("sum by (job) (reqs_total) * 2", 0, 60_000, 30_000);
    assertThat(r.matrix()).hasSize(1);
    assertThat(r.matrix().get(0).timestamps()).containsExactly(0L, 30_000L, 60_000L);
    assertThat(r.matrix().get(0).values()).containsExactly(0, 4, 8);
  }

  @Test
  void annotationsCarryPrometheusWordingAndPosition() {
    QueryResult r = engine.instant("rate(up[5m])", 60_000);
    assertThat(r.infos()).isEmpty(); // one sample in range: no output, no info
    source.add(Labels.of("__name__", "up", "job", "api"), 30_000, 1);
    QueryResult r2 = engine.instant("rate(up[5m])", 45_000);
    assertThat(r2.infos())
        .containsExactly(
            "PromQL info: metric might not be a counter, name does not end in"
                + " _total/_sum/_count/_bucket: \"up\" (1:6)");
  }

  @Test
  void badQueriesAndEvaluationErrorsAreTyped() {
    assertThatThrownBy(() -> engine.instant("rate(reqs_total)", 0))
        .isInstanceOf(PromqlParseException.class)
        .hasMessage(
            "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector");
    source.add(Labels.of("__name__", "a", "x", "1"), 0, 1);
    source.add(Labels.of("__name__", "b", "x", "1"), 0, 1);
    assertThatThrownBy(
            () ->
                engine.instant(
                    "label_replace({__name__=~\"a|b\"}, \"y\", \"\", \"\", \"\") * 1", 0))
        .isInstanceOf(PromqlEvalException.class)
        .hasMessage("vector cannot contain metrics with the same labelset");
  }
}
