package io.icegate.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A rule group in Prometheus' rule-group format, with the keys Loki's and Mimir's rulers add and
 * Grafana accepts ({@code source_tenants}, {@code evaluation_delay}, {@code query_offset}, {@code
 * align_evaluation_time_on_interval}), in the order Grafana writes them. Nothing else: Grafana
 * decodes these groups strictly and fails on any other key.
 *
 * @param limit most alerts or series one evaluation may produce; 0 for no limit (not written)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "name",
  "interval",
  "rules",
  "source_tenants",
  "evaluation_delay",
  "query_offset",
  "align_evaluation_time_on_interval",
  "limit"
})
public record RuleGroup(
    String name,
    @Nullable String interval,
    List<Rule> rules,
    List<String> sourceTenants,
    @Nullable String evaluationDelay,
    @Nullable String queryOffset,
    @Nullable Boolean alignEvaluationTimeOnInterval,
    int limit) {

  @JsonCreator
  public RuleGroup(
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("interval") @Nullable String interval,
      @JsonProperty("rules") @Nullable List<Rule> rules,
      @JsonProperty("source_tenants") @Nullable List<String> sourceTenants,
      @JsonProperty("evaluation_delay") @Nullable String evaluationDelay,
      @JsonProperty("query_offset") @Nullable String queryOffset,
      @JsonProperty("align_evaluation_time_on_interval") @Nullable
          Boolean alignEvaluationTimeOnInterval,
      @JsonProperty("limit") @Nullable Integer limit) {
    this(
        name == null ? "" : name,
        interval,
        rules == null ? List.of() : List.copyOf(rules),
        sourceTenants == null ? List.of() : List.copyOf(sourceTenants),
        evaluationDelay,
        queryOffset,
        alignEvaluationTimeOnInterval,
        limit == null ? 0 : limit);
  }

  @Override
  @JsonProperty("source_tenants")
  public List<String> sourceTenants() {
    return sourceTenants;
  }

  @Override
  @JsonProperty("evaluation_delay")
  public String evaluationDelay() {
    return evaluationDelay;
  }

  @Override
  @JsonProperty("query_offset")
  public String queryOffset() {
    return queryOffset;
  }

  @Override
  @JsonProperty("align_evaluation_time_on_interval")
  public Boolean alignEvaluationTimeOnInterval() {
    return alignEvaluationTimeOnInterval;
  }

  @Override
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public int limit() {
    return limit;
  }
}
