package io.icegate.rules.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The expression language of a rule group; every rule of a group uses the same one. */
public enum RuleLanguage {
  LOGQL,
  PROMQL,
  SQL;

  /** The name in URLs, JSON and object keys. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The language named {@code id}.
   *
   * @throws InvalidRuleException naming the valid choices
   */
  public static RuleLanguage of(String id) {
    for (RuleLanguage language : values()) {
      if (language.id().equals(id)) {
        return language;
      }
    }
    throw new InvalidRuleException(
        "Cannot accept rules: unknown expression language '"
            + RuleNames.printable(id)
            + "' (expected one of "
            + Arrays.stream(values()).map(RuleLanguage::id).collect(Collectors.joining(", "))
            + ")");
  }
}
