package io.icegate.query.loki;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.query.logql.metric.LogSampleSelection.Extraction;
import io.icegate.query.series.Grouping;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which columns a range aggregation's samples read: narrow only when nothing else can look. */
class LogColumnChoiceTest {
  private static final List<LabelMatcher> BY_SERVICE =
      LokiQueries.selector("{service_name=~\".+\"}");
  private static final Optional<Grouping> BY_SERVICE_NAME =
      Optional.of(Grouping.by("service_name"));

  private static LogColumnChoice columns(
      List<LabelMatcher> selector,
      boolean lineFilters,
      boolean stages,
      boolean unwrap,
      Extraction extraction,
      Optional<Grouping> grouping) {
    return LogColumnChoice.forSamples(selector, lineFilters, stages, unwrap, extraction, grouping);
  }

  @Test
  void narrowOnlyForServiceNameGroupingWithoutStages() {
    assertThat(columns(BY_SERVICE, false, false, false, Extraction.LINE_COUNT, BY_SERVICE_NAME))
        .isEqualTo(new LogColumnChoice(false, false, false));
    assertThat(columns(BY_SERVICE, true, false, false, Extraction.LINE_COUNT, BY_SERVICE_NAME))
        .isEqualTo(new LogColumnChoice(false, true, false));
    assertThat(columns(BY_SERVICE, false, false, false, Extraction.LINE_BYTES, BY_SERVICE_NAME))
        .isEqualTo(new LogColumnChoice(false, true, false));
    // sum(...) is by (): only the error labels, which a stage-less read cannot produce
    assertThat(
            columns(
                BY_SERVICE,
                false,
                false,
                false,
                Extraction.LINE_COUNT,
                Optional.of(Grouping.none())))
        .isEqualTo(new LogColumnChoice(false, false, false));
    assertThat(
            columns(
                LokiQueries.selector("{service_name=\"a\", k8s_pod_name=\"p\"}"),
                false,
                false,
                false,
                Extraction.LINE_COUNT,
                BY_SERVICE_NAME))
        .isEqualTo(new LogColumnChoice(true, false, false));
  }

  @Test
  void anythingThatMayReadMoreReadsEverything() {
    // a stage after the leading line filters
    assertThat(columns(BY_SERVICE, false, true, false, Extraction.LINE_COUNT, BY_SERVICE_NAME))
        .isEqualTo(LogColumnChoice.ALL);
    // unwrap reads a label and keeps the series' labels
    assertThat(columns(BY_SERVICE, false, false, true, Extraction.UNWRAP, BY_SERVICE_NAME))
        .isEqualTo(LogColumnChoice.ALL);
    // no grouping pushed down: the series is every label
    assertThat(columns(BY_SERVICE, false, false, false, Extraction.LINE_COUNT, Optional.empty()))
        .isEqualTo(LogColumnChoice.ALL);
    // without (...) keeps everything else
    assertThat(
            columns(
                BY_SERVICE,
                false,
                false,
                false,
                Extraction.LINE_COUNT,
                Optional.of(Grouping.without("service_name"))))
        .isEqualTo(LogColumnChoice.ALL);
    // another label may come from structured metadata (or be a stream label a row lacks)
    assertThat(
            columns(
                BY_SERVICE,
                false,
                false,
                false,
                Extraction.LINE_COUNT,
                Optional.of(Grouping.by("service_name", "k8s_pod_name"))))
        .isEqualTo(LogColumnChoice.ALL);
  }

  @Test
  void columnNamesFollowTheParts() {
    // every column of the logs table but tenant_id
    assertThat(LogColumnChoice.ALL.names())
        .containsExactlyInAnyOrder(
            "timestamp",
            "timestamp_nanos",
            "service_name",
            "resource_attributes",
            "scope_name",
            "scope_version",
            "scope_attributes",
            "attributes",
            "observed_timestamp",
            "severity_number",
            "severity_text",
            "body",
            "trace_id",
            "span_id",
            "flags",
            "dropped_attributes_count");
    assertThat(LogColumnChoice.STREAMS.names())
        .containsExactly("timestamp", "timestamp_nanos", "service_name", "resource_attributes");
    assertThat(new LogColumnChoice(false, true, false).names())
        .containsExactly("timestamp", "timestamp_nanos", "service_name", "body");
  }
}
