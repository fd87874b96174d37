package io.icegate.rules.validate;

import static java.util.Objects.requireNonNull;

import io.icegate.rules.RulesConfiguration;
import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.PromDuration;
import io.icegate.rules.model.Rule;
import io.icegate.rules.model.RuleFile;
import io.icegate.rules.model.RuleGroup;
import io.icegate.rules.model.RuleLanguage;
import io.icegate.rules.model.RuleNames;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks rule groups before they are stored, as Prometheus' {@code rulefmt} validates a rule file
 * (names, exactly one of {@code alert}/{@code record}, what a recording rule may not have, label
 * names, durations) and then parses every expression with its language's parser.
 */
@Singleton
public final class RuleValidator {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final RulesConfiguration config;
  private final Map<RuleLanguage, ExpressionChecker> checkers;

  @Inject
  RuleValidator(RulesConfiguration config) {
    this(config, standard());
  }

  public RuleValidator(RulesConfiguration config, List<ExpressionChecker> checkers) {
    this.config = requireNonNull(config, "config is null");
    this.checkers = new EnumMap<>(RuleLanguage.class);
    for (ExpressionChecker checker : checkers) {
      this.checkers.put(checker.language(), checker);
    }
    for (RuleLanguage language : RuleLanguage.values()) {
      if (!this.checkers.containsKey(language)) {
        throw new IllegalArgumentException("No expression checker for " + language.id());
      }
    }
  }

  /** The checker of each language; the PromQL one is a stand-in until the PromQL parser lands. */
  public static List<ExpressionChecker> standard() {
    return List.of(new LogQlChecker(), new PromQlChecker(), new SqlChecker());
  }

  /** The configured limits (body size, rules per group). */
  public RulesConfiguration config() {
    return config;
  }

  /** Checks every group of a file, and that no group name repeats. */
  public void validate(RuleLanguage language, RuleFile file) {
    Set<String> names = new HashSet<>();
    for (RuleGroup group : file.groups()) {
      if (!names.add(group.name())) {
        throw new InvalidRuleException(
            "Cannot accept rules: groupname: \""
                + RuleNames.printable(group.name())
                + "\" is repeated in the same namespace");
      }
    }
    for (RuleGroup group : file.groups()) {
      validate(language, group);
    }
  }

  /**
   * Checks one group.
   *
   * @throws InvalidRuleException naming the group, the rule and what is wrong
   */
  public void validate(RuleLanguage language, RuleGroup group) {
    if (group.name().isEmpty()) {
      throw new InvalidRuleException("Cannot accept rules: a rule group has no name");
    }
    RuleNames.check("group", group.name());
    String where = "Cannot accept rule group '" + RuleNames.printable(group.name()) + "': ";
    duration(where, "interval", group.interval());
    duration(where, "evaluation_delay", group.evaluationDelay());
    duration(where, "query_offset", group.queryOffset());
    if (group.limit() < 0) {
      throw new InvalidRuleException(where + "limit must not be negative: " + group.limit());
    }
    if (config.maxRulesPerGroup() > 0 && group.rules().size() > config.maxRulesPerGroup()) {
      throw new InvalidRuleException(
          where
              + group.rules().size()
              + " rules exceed the limit of "
              + config.maxRulesPerGroup()
              + " per group (icegate.rules.max-rules-per-group)");
    }
    for (int i = 0; i < group.rules().size(); i++) {
      validate(language, group.rules().get(i), where + "rule " + (i + 1));
    }
  }

  private void validate(RuleLanguage language, Rule rule, String where) {
    if (rule.record() != null && rule.alert() != null) {
      throw new InvalidRuleException(where + ": only one of 'record' and 'alert' must be set");
    }
    if (rule.record() == null && rule.alert() == null) {
      throw new InvalidRuleException(where + ": one of 'record' or 'alert' must be set");
    }
    String what = where + " (" + (rule.alerting() ? "alert " : "record ") + rule.name() + ")";
    if (rule.name().isBlank()) {
      throw new InvalidRuleException(where + ": the rule name is empty");
    }
    if (!rule.alerting() && !METRIC_NAME.matcher(rule.record()).matches()) {
      throw new InvalidRuleException(
          what + ": invalid recording rule name: " + RuleNames.printable(rule.record()));
    }
    if (!rule.alerting()) {
      if (rule.forDuration() != null) {
        throw new InvalidRuleException(what + ": invalid field 'for' in recording rule");
      }
      if (rule.keepFiringFor() != null) {
        throw new InvalidRuleException(
            what + ": invalid field 'keep_firing_for' in recording rule");
      }
      if (!rule.annotations().isEmpty()) {
        throw new InvalidRuleException(what + ": invalid field 'annotations' in recording rule");
      }
    }
    duration(what + ": ", "for", rule.forDuration());
    duration(what + ": ", "keep_firing_for", rule.keepFiringFor());
    names(what, "label", rule.labels());
    names(what, "annotation", rule.annotations());
    if (rule.expr().isBlank()) {
      throw new InvalidRuleException(what + ": field 'expr' must be set in rule");
    }
    try {
      checkers.get(language).check(rule.expr(), rule.alerting());
    } catch (InvalidExpressionException e) {
      String at =
          e.position().map(p -> " at line " + p.line() + ", column " + p.column()).orElse("");
      throw new InvalidRuleException(
          what + ": invalid " + language.id() + " expression" + at + ": " + e.getMessage(),
          e.position());
    }
  }

  private static void names(String what, String kind, Map<String, String> map) {
    for (String name : map.keySet()) {
      if (!LABEL_NAME.matcher(name).matches()) {
        throw new InvalidRuleException(
            what + ": invalid " + kind + " name: " + RuleNames.printable(name));
      }
    }
  }

  private static void duration(String where, String field, String value) {
    if (value != null && PromDuration.parse(value).isEmpty()) {
      throw new InvalidRuleException(
          where
              + "invalid duration in '"
              + field
              + "': \""
              + RuleNames.printable(value)
              + "\" (e.g. 30s, 5m, 1h30m)");
    }
  }
}
