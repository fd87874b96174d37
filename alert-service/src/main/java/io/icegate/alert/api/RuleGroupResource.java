package io.icegate.alert.api;

import io.icegate.rules.model.RuleGroup;
import io.icegate.rules.store.StoredRuleGroup;

/**
 * A rule group as the JSON API shows it: where it lives, its current version and the group in
 * Prometheus' rule-group format.
 */
record RuleGroupResource(
    String language, String namespace, long version, String updatedAt, RuleGroup group) {
  static RuleGroupResource of(StoredRuleGroup stored) {
    return new RuleGroupResource(
        stored.language().id(),
        stored.namespace(),
        stored.version(),
        stored.writtenAt().toString(),
        stored.group());
  }
}
