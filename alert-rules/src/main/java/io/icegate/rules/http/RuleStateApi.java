package io.icegate.rules.http;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.rules.RulesConfiguration;
import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.PromDuration;
import io.icegate.rules.model.Rule;
import io.icegate.rules.model.RuleCodec;
import io.icegate.rules.model.RuleLanguage;
import io.icegate.rules.store.RuleStore;
import io.icegate.rules.store.StoredRuleGroup;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prometheus' rule and alert listings ({@code /api/v1/rules}, {@code /api/v1/alerts}) over the rule
 * store, in the JSON shape Grafana decodes (GRAFANA-CALLS.md item 3): filters {@code file[]},
 * {@code rule_group[]}, {@code rule_name[]} (with or without {@code []}), {@code type}, {@code
 * exclude_alerts}, pagination by {@code group_limit} and {@code group_next_token}.
 *
 * <p>Until evaluation lands every rule is {@code inactive} with health {@code unknown}, never
 * evaluated (Prometheus' zero time) and without alerts.
 */
@Singleton
public final class RuleStateApi {
  /** Go's zero time, which Prometheus shows for a rule never evaluated. */
  static final String NEVER = "0001-01-01T00:00:00Z";

  private final RuleStore store;
  private final Duration defaultInterval;

  public RuleStateApi(RuleStore store, RulesConfiguration config) {
    this.store = requireNonNull(store, "store is null");
    this.defaultInterval = PromDuration.parse(config.defaultInterval()).orElseThrow();
  }

  /**
   * The rule listing.
   *
   * @throws InvalidRuleException for a bad parameter (400, Prometheus' {@code bad_data})
   */
  public byte[] rules(TenantId tenant, RuleLanguage language, Map<String, List<String>> params) {
    Set<String> files = values(params, "file");
    Set<String> groupNames = values(params, "rule_group");
    Set<String> ruleNames = values(params, "rule_name");
    Optional<String> type = single(params, "type");
    if (type.isPresent() && !type.get().equals("alert") && !type.get().equals("record")) {
      throw new InvalidRuleException(
          "invalid parameter \"type\": not supported value \"" + type.get() + "\"");
    }
    boolean excludeAlerts = single(params, "exclude_alerts").map("true"::equals).orElse(false);
    Optional<Integer> groupLimit = single(params, "group_limit").map(RuleStateApi::groupLimit);
    Optional<String> nextToken = single(params, "group_next_token").filter(t -> !t.isEmpty());

    List<Map<String, Object>> groups = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (StoredRuleGroup stored : store.list(tenant, language)) {
      if (!files.isEmpty() && !files.contains(stored.namespace())) {
        continue;
      }
      if (!groupNames.isEmpty() && !groupNames.contains(stored.group().name())) {
        continue;
      }
      List<Map<String, Object>> rules = new ArrayList<>();
      for (Rule rule : stored.group().rules()) {
        boolean kept =
            (ruleNames.isEmpty() || ruleNames.contains(rule.name()))
                && (type.isEmpty() || type.get().equals(rule.alerting() ? "alert" : "record"));
        if (kept) {
          rules.add(rule(rule, excludeAlerts));
        }
      }
      if (rules.isEmpty() && (!ruleNames.isEmpty() || type.isPresent())) {
        continue;
      }
      groups.add(group(stored, rules));
      keys.add(token(stored));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (groupLimit.isPresent()) {
      int start = 0;
      if (nextToken.isPresent()) {
        start = keys.indexOf(nextToken.get());
        if (start < 0) {
          throw new InvalidRuleException(
              "invalid parameter \"group_next_token\": no group for this token (the group was"
                  + " deleted; list again from the start)");
        }
      }
      int end = Math.min(groups.size(), start + groupLimit.get());
      data.put("groups", groups.subList(start, end));
      if (end < groups.size()) {
        data.put("groupNextToken", keys.get(end));
      }
    } else {
      data.put("groups", groups);
    }
    return success(data);
  }

  /** The alert listing: no alerts until evaluation lands. */
  public byte[] alerts(TenantId tenant, RuleLanguage language) {
    requireNonNull(tenant, "tenant is null");
    requireNonNull(language, "language is null");
    return success(Map.of("alerts", List.of()));
  }

  /** Prometheus' error body ({@code bad_data} for a client error). */
  public static byte[] error(String errorType, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "error");
    body.put("errorType", errorType);
    body.put("error", message);
    return RuleCodec.json(body);
  }

  private Map<String, Object> group(StoredRuleGroup stored, List<Map<String, Object>> rules) {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("name", stored.group().name());
    group.put("file", stored.namespace());
    group.put("rules", rules);
    Duration interval =
        Optional.ofNullable(stored.group().interval())
            .flatMap(PromDuration::parse)
            .filter(d -> !d.isZero())
            .orElse(defaultInterval);
    group.put("interval", seconds(interval));
    group.put("limit", stored.group().limit());
    group.put("lastEvaluation", NEVER);
    group.put("evaluationTime", 0.0);
    return group;
  }

  private static Map<String, Object> rule(Rule rule, boolean excludeAlerts) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (rule.alerting()) {
      out.put("state", "inactive");
      out.put("name", rule.alert());
      out.put("query", rule.expr());
      out.put("duration", seconds(duration(rule.forDuration())));
      out.put("keepFiringFor", seconds(duration(rule.keepFiringFor())));
      out.put("labels", rule.labels());
      out.put("annotations", rule.annotations());
      if (!excludeAlerts) {
        out.put("alerts", List.of());
      }
      out.put("health", "unknown");
      out.put("type", "alerting");
    } else {
      out.put("name", rule.record());
      out.put("query", rule.expr());
      out.put("labels", rule.labels());
      out.put("health", "unknown");
      out.put("type", "recording");
    }
    out.put("lastEvaluation", NEVER);
    out.put("evaluationTime", 0.0);
    return out;
  }

  private static Duration duration(String text) {
    return text == null ? Duration.ZERO : PromDuration.parse(text).orElse(Duration.ZERO);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  /** An opaque page token: the group's namespace and name. */
  private static String token(StoredRuleGroup group) {
    String key = group.namespace() + "\u0000" + group.group().name();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static int groupLimit(String text) {
    int limit;
    try {
      limit = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidRuleException(
          "invalid parameter \"group_limit\": \"" + text + "\" is not a number");
    }
    if (limit <= 0) {
      throw new InvalidRuleException(
          "invalid parameter \"group_limit\": group_limit needs to be greater than 0");
    }
    return limit;
  }

  /** The values of {@code name} and {@code name[]} (Grafana sends both, with the same values). */
  private static Set<String> values(Map<String, List<String>> params, String name) {
    Set<String> values = new LinkedHashSet<>();
    values.addAll(params.getOrDefault(name, List.of()));
    values.addAll(params.getOrDefault(name + "[]", List.of()));
    values.remove("");
    return values;
  }

  private static Optional<String> single(Map<String, List<String>> params, String name) {
    List<String> values = params.getOrDefault(name, List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static byte[] success(Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "success");
    body.put("data", data);
    return RuleCodec.json(body);
  }
}
