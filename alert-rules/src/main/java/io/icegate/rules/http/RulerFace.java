package io.icegate.rules.http;

import io.icegate.rules.model.RuleLanguage;
import java.util.List;
import java.util.Optional;

/**
 * The two rulers one port serves (GRAFANA-CALLS.md, "Alert rules"): the path says which language
 * the rules are in. Loki's paths hold LogQL rules, the Mimir and Cortex paths PromQL rules.
 */
public enum RulerFace {
  /** Grafana's Loki data source ({@code /api/prom/rules}) and lokitool ({@code /loki/api/v1}). */
  LOKI(RuleLanguage.LOGQL, List.of("/api/prom/rules", "/loki/api/v1/rules")),
  /**
   * Grafana's Prometheus data source in Mimir ({@code /config/v1/rules}) and Cortex ({@code
   * /rules}) mode, and mimirtool/cortextool ({@code /prometheus/config/v1/rules}).
   */
  PROMETHEUS(
      RuleLanguage.PROMQL, List.of("/config/v1/rules", "/rules", "/prometheus/config/v1/rules"));

  private final RuleLanguage language;
  private final List<String> prefixes;

  RulerFace(RuleLanguage language, List<String> prefixes) {
    this.language = language;
    this.prefixes = prefixes;
  }

  public RuleLanguage language() {
    return language;
  }

  public List<String> prefixes() {
    return prefixes;
  }

  /** A ruler path split into its face, prefix and the raw rest ("" or "/ns" or "/ns/group"). */
  public record Route(RulerFace face, String prefix, String rest) {}

  /** The face and prefix of a raw request path, if it is a ruler path. */
  public static Optional<Route> route(String rawPath) {
    Route best = null;
    for (RulerFace face : values()) {
      for (String prefix : face.prefixes) {
        boolean matches =
            rawPath.equals(prefix)
                || (rawPath.startsWith(prefix) && rawPath.charAt(prefix.length()) == '/');
        if (matches && (best == null || prefix.length() > best.prefix().length())) {
          best = new Route(face, prefix, rawPath.substring(prefix.length()));
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
