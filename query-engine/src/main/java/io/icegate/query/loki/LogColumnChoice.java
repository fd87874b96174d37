package io.icegate.query.loki;

import io.icegate.query.logql.metric.LogSampleSelection.Extraction;
import io.icegate.query.series.Grouping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which parts of a {@code logs} row a query reads. The time and {@code service_name} are always
 * read; the rest only when something can look at it:
 *
 * @param resource {@code resource_attributes}: stream labels other than {@code service_name}
 * @param body the line: line filters, {@code bytes_over_time}, the answer of a log query
 * @param metadata every other column, from which structured metadata is built (it also needs the
 *     resource, for non-index resource attributes, and the body, for {@code detected_level})
 */
record LogColumnChoice(boolean resource, boolean body, boolean metadata) {
  /** Every column: log queries (their answer carries structured metadata) and anything unsure. */
  static final LogColumnChoice ALL = new LogColumnChoice(true, true, true);

  /** Stream labels only: the label, series and index endpoints. */
  static final LogColumnChoice STREAMS = new LogColumnChoice(true, false, false);

  static final String TIMESTAMP = "timestamp";
  static final String TIMESTAMP_NANOS = "timestamp_nanos";
  static final String SERVICE_NAME = "service_name";
  static final String RESOURCE_ATTRIBUTES = "resource_attributes";
  static final String BODY = "body";

  /** The columns structured metadata is built from, besides the resource and the body. */
  static final List<String> METADATA_COLUMNS =
      List.of(
          "scope_name",
          "scope_version",
          "scope_attributes",
          "attributes",
          "observed_timestamp",
          "severity_number",
          "severity_text",
          "trace_id",
          "span_id",
          "flags",
          "dropped_attributes_count");

  LogColumnChoice {
    if (metadata && !(resource && body)) {
      throw new IllegalArgumentException("Invalid columns: metadata needs the resource and body");
    }
  }

  /** The columns to ask the scan for. */
  List<String> names() {
    List<String> names = new ArrayList<>(List.of(TIMESTAMP, TIMESTAMP_NANOS, SERVICE_NAME));
    if (resource) {
      names.add(RESOURCE_ATTRIBUTES);
    }
    if (body) {
      names.add(BODY);
    }
    if (metadata) {
      names.addAll(METADATA_COLUMNS);
    }
    return List.copyOf(names);
  }

  /**
   * What the samples of one range aggregation need. Structured metadata is skipped only when
   * nothing can read it: no stage after the leading line filters, no {@code unwrap}, and a {@code
   * by} grouping (pushed down from {@code sum by}) on {@code service_name} alone, which is always a
   * stream label and which structured metadata cannot replace (a metadata name equal to a stream
   * label becomes {@code name_extracted}, as in Loki). Everything else reads every column.
   *
   * @param selector the stream selector; matchers on labels other than {@code service_name} need
   *     the resource
   * @param lineFilters whether leading line filters read the body
   * @param stages whether stages follow the leading line filters
   * @param unwrap whether the range has {@code | unwrap}
   * @param grouping the grouping the sample source may apply (see {@code SampleSource#select})
   */
  static LogColumnChoice forSamples(
      List<LabelMatcher> selector,
      boolean lineFilters,
      boolean stages,
      boolean unwrap,
      Extraction extraction,
      Optional<Grouping> grouping) {
    boolean onlyServiceName =
        grouping.isPresent()
            && !grouping.get().without()
            && grouping.get().labels().stream().allMatch(LabelMapping.SERVICE_NAME::equals);
    if (stages || unwrap || extraction == Extraction.UNWRAP || !onlyServiceName) {
      return ALL;
    }
    boolean resource =
        selector.stream().anyMatch(matcher -> !matcher.name().equals(LabelMapping.SERVICE_NAME));
    boolean body = lineFilters || extraction == Extraction.LINE_BYTES;
    return new LogColumnChoice(resource, body, false);
  }
}
