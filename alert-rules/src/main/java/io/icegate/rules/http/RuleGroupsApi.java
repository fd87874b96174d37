package io.icegate.rules.http;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.RuleCodec;
import io.icegate.rules.model.RuleFile;
import io.icegate.rules.model.RuleGroup;
import io.icegate.rules.model.RuleLanguage;
import io.icegate.rules.model.RuleNames;
import io.icegate.rules.store.NoSuchRuleGroupException;
import io.icegate.rules.store.RuleGroupVersion;
import io.icegate.rules.store.RuleStore;
import io.icegate.rules.store.StoredRuleGroup;
import io.icegate.rules.validate.RuleValidator;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operations of the JSON REST API with names and languages as they arrive in the URL (already
 * decoded by the router): every name is checked, every body is size-checked, parsed strictly and
 * validated before anything is stored.
 */
@Singleton
public final class RuleGroupsApi {
  static final String SOURCE = "rest";

  private final RuleStore store;
  private final RuleValidator validator;

  public RuleGroupsApi(RuleStore store, RuleValidator validator) {
    this.store = requireNonNull(store, "store is null");
    this.validator = requireNonNull(validator, "validator is null");
  }

  /** Current groups, optionally of one language and one namespace. */
  public List<StoredRuleGroup> list(
      TenantId tenant, @Nullable String language, @Nullable String namespace) {
    List<RuleLanguage> languages =
        language == null || language.isEmpty()
            ? List.of(RuleLanguage.values())
            : List.of(RuleLanguage.of(language));
    List<StoredRuleGroup> groups = new ArrayList<>();
    for (RuleLanguage each : languages) {
      if (namespace == null || namespace.isEmpty()) {
        groups.addAll(store.list(tenant, each));
      } else {
        groups.addAll(store.list(tenant, each, RuleNames.check("namespace", namespace)));
      }
    }
    return groups;
  }

  /** One group; {@link NoSuchRuleGroupException} when it does not exist. */
  public StoredRuleGroup get(TenantId tenant, String language, String namespace, String group) {
    return store
        .get(
            tenant,
            RuleLanguage.of(language),
            RuleNames.check("namespace", namespace),
            RuleNames.check("group", group))
        .orElseThrow(() -> new NoSuchRuleGroupException(NoSuchRuleGroupException.GROUP));
  }

  /** Creates or replaces a group; a name in the body must match the path's. */
  public StoredRuleGroup put(
      TenantId tenant,
      String language,
      String namespace,
      String group,
      byte[] body,
      RuleCodec.Syntax syntax) {
    RuleLanguage parsed = RuleLanguage.of(language);
    RuleNames.check("namespace", namespace);
    RuleNames.check("group", group);
    RulerApi.checkSize(validator, body);
    RuleGroup sent = RuleCodec.parseGroup(body, syntax);
    if (!sent.name().isEmpty() && !sent.name().equals(group)) {
      throw new InvalidRuleException(
          "Cannot accept rules: the body names group '"
              + RuleNames.printable(sent.name())
              + "' but the path names '"
              + RuleNames.printable(group)
              + "'");
    }
    RuleGroup named =
        new RuleGroup(
            group,
            sent.interval(),
            sent.rules(),
            sent.sourceTenants(),
            sent.evaluationDelay(),
            sent.queryOffset(),
            sent.alignEvaluationTimeOnInterval(),
            sent.limit());
    validator.validate(parsed, named);
    return store.put(tenant, parsed, namespace, named, SOURCE);
  }

  public void delete(TenantId tenant, String language, String namespace, String group) {
    store.delete(
        tenant,
        RuleLanguage.of(language),
        RuleNames.check("namespace", namespace),
        RuleNames.check("group", group),
        SOURCE);
  }

  public List<RuleGroupVersion> versions(
      TenantId tenant, String language, String namespace, String group) {
    List<RuleGroupVersion> versions =
        store.versions(
            tenant,
            RuleLanguage.of(language),
            RuleNames.check("namespace", namespace),
            RuleNames.check("group", group));
    if (versions.isEmpty()) {
      throw new NoSuchRuleGroupException(NoSuchRuleGroupException.GROUP);
    }
    return versions;
  }

  /**
   * Makes a namespace hold exactly the groups of a rule file: each is written (a new version) and
   * every other group of the namespace is deleted. The whole file is validated first, so a bad file
   * changes nothing.
   */
  public List<StoredRuleGroup> replaceNamespace(
      TenantId tenant, String language, String namespace, byte[] body, RuleCodec.Syntax syntax) {
    RuleLanguage parsed = RuleLanguage.of(language);
    RuleNames.check("namespace", namespace);
    RulerApi.checkSize(validator, body);
    RuleFile file = RuleCodec.parseFile(body, syntax);
    validator.validate(parsed, file);
    List<StoredRuleGroup> written = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    for (RuleGroup group : file.groups()) {
      written.add(store.put(tenant, parsed, namespace, group, SOURCE));
      kept.add(group.name());
    }
    for (StoredRuleGroup old : store.list(tenant, parsed, namespace)) {
      if (!kept.contains(old.group().name())) {
        try {
          store.delete(tenant, parsed, namespace, old.group().name(), SOURCE);
        } catch (NoSuchRuleGroupException e) {
          // Deleted meanwhile: the outcome asked for holds.
        }
      }
    }
    return written;
  }

  public void deleteNamespace(TenantId tenant, String language, String namespace) {
    store.deleteNamespace(
        tenant, RuleLanguage.of(language), RuleNames.check("namespace", namespace), SOURCE);
  }
}
