package io.icegate.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.micronaut.core.annotation.Nullable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rule of a group in Prometheus' rule-group format: an alerting rule ({@code alert}) or a
 * recording rule ({@code record}). Keys, their order and their spelling are Prometheus' ({@code
 * rulefmt.RuleNode}); Grafana decodes them strictly, so no other key is ever written. Unset
 * optional fields are null and are not written; durations stay the Prometheus duration strings that
 * were sent.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"})
public record Rule(
    @Nullable String record,
    @Nullable String alert,
    String expr,
    @Nullable String forDuration,
    @Nullable String keepFiringFor,
    Map<String, String> labels,
    Map<String, String> annotations) {

  @JsonCreator
  public Rule(
      @JsonProperty("record") @Nullable String record,
      @JsonProperty("alert") @Nullable String alert,
      @JsonProperty("expr") @Nullable String expr,
      @JsonProperty("for") @Nullable String forDuration,
      @JsonProperty("keep_firing_for") @Nullable String keepFiringFor,
      @JsonProperty("labels") @Nullable Map<String, String> labels,
      @JsonProperty("annotations") @Nullable Map<String, String> annotations) {
    this.record = record;
    this.alert = alert;
    this.expr = expr == null ? "" : expr;
    this.forDuration = forDuration;
    this.keepFiringFor = keepFiringFor;
    this.labels = ordered(labels);
    this.annotations = ordered(annotations);
  }

  @Override
  @JsonProperty("for")
  public String forDuration() {
    return forDuration;
  }

  @Override
  @JsonProperty("keep_firing_for")
  public String keepFiringFor() {
    return keepFiringFor;
  }

  /** True for an alerting rule, false for a recording rule. */
  public boolean alerting() {
    return alert != null;
  }

  /** The alert or record name. */
  public String name() {
    return alert != null ? alert : record == null ? "" : record;
  }

  /** Keeps the order labels were written in (YAML users read them back that way); a null is "". */
  private static Map<String, String> ordered(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v == null ? "" : v));
    return Collections.unmodifiableMap(copy);
  }
}
