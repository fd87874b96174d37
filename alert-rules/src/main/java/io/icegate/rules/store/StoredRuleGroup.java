package io.icegate.rules.store;

import static java.util.Objects.requireNonNull;

import io.icegate.rules.model.RuleGroup;
import io.icegate.rules.model.RuleLanguage;
import java.time.Instant;

/** The current (latest, not deleted) version of a rule group. */
public record StoredRuleGroup(
    RuleLanguage language, String namespace, RuleGroup group, long version, Instant writtenAt) {
  public StoredRuleGroup {
    requireNonNull(language, "language is null");
    requireNonNull(namespace, "namespace is null");
    requireNonNull(group, "group is null");
    requireNonNull(writtenAt, "writtenAt is null");
  }
}
