package io.icegate.rules.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.icegate.rules.model.RuleGroup;
import io.micronaut.core.annotation.Nullable;

/**
 * One stored version of a rule group: the object {@code
 * rules/{tenant}/{language}/{namespace}/{group}/v{N:020}.json}, created once and never rewritten. A
 * deletion is a version of its own whose {@code deleted} is true and whose {@code group} is null.
 *
 * @param format version of this record's layout (1)
 * @param writtenAt the writer's clock, ISO-8601 (informational: ordering is the version number)
 * @param token a random id of the logical write, so that a retried create that finds its own bytes
 *     knows it won (DESIGN.md §3)
 * @param source which API wrote the version (e.g. {@code loki-ruler}, {@code rest})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleGroupVersion(
    int format,
    String tenant,
    String language,
    String namespace,
    String name,
    long version,
    boolean deleted,
    String writtenAt,
    String token,
    String source,
    @Nullable RuleGroup group) {
  public static final int FORMAT = 1;

  public RuleGroupVersion {
    requireNonNull(tenant, "tenant is null");
    requireNonNull(language, "language is null");
    requireNonNull(namespace, "namespace is null");
    requireNonNull(name, "name is null");
    requireNonNull(writtenAt, "writtenAt is null");
    requireNonNull(token, "token is null");
    requireNonNull(source, "source is null");
    if (version <= 0) {
      throw new IllegalArgumentException("Invalid version: " + version);
    }
    if (deleted != (group == null)) {
      throw new IllegalArgumentException("A version has a group exactly when it is not deleted");
    }
  }
}
