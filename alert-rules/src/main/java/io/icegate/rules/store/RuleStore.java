package io.icegate.rules.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.StorageException;
import io.icegate.lake.tenant.TenantId;
import io.icegate.rules.model.RuleGroup;
import io.icegate.rules.model.RuleLanguage;
import io.icegate.rules.model.RuleNames;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Rule groups per tenant, language, namespace and group, stored as a chain of create-only versions
 * (DESIGN.md §3, §9): {@code rules/{tenant}/{language}/{ns}/{group}/v{N:020}.json}, where {@code
 * ns} and {@code group} are the names in unpadded base64url, so no name can reach outside its
 * folder.
 *
 * <p>A write creates version N+1 with {@code putIfAbsent} and never replaces an object; when
 * another writer took N+1 first, it reads the chain again and takes the next number (the last
 * version wins, none is lost). A deletion writes a tombstone version. The current group is the
 * highest version when that is not a tombstone. Languages are separate rulers: a LogQL group and a
 * PromQL group of the same name never meet.
 */
@Singleton
public final class RuleStore {
  private static final int MAX_ATTEMPTS = 16;
  private static final JsonMapper RECORDS =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final ObjectStore store;
  private final Clock clock;

  @Inject
  public RuleStore(ObjectStore store) {
    this(store, Clock.systemUTC());
  }

  RuleStore(ObjectStore store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Every current group of a tenant in a language, by namespace then group name. */
  public List<StoredRuleGroup> list(TenantId tenant, RuleLanguage language) {
    return current(languagePrefix(tenant, language));
  }

  /** The current groups of one namespace, by name. */
  public List<StoredRuleGroup> list(TenantId tenant, RuleLanguage language, String namespace) {
    return current(namespacePrefix(tenant, language, namespace));
  }

  /** The current version of a group, if it exists. */
  public Optional<StoredRuleGroup> get(
      TenantId tenant, RuleLanguage language, String namespace, String group) {
    return latest(groupPrefix(tenant, language, namespace, group))
        .map(this::read)
        .flatMap(RuleStore::current);
  }

  /** Every version of a group, tombstones included, oldest first. */
  public List<RuleGroupVersion> versions(
      TenantId tenant, RuleLanguage language, String namespace, String group) {
    List<RuleGroupVersion> versions = new ArrayList<>();
    try (Stream<ObjectInfo> objects = store.list(groupPrefix(tenant, language, namespace, group))) {
      objects.filter(o -> version(o.key()) > 0).forEach(o -> versions.add(read(o.key())));
    }
    return versions;
  }

  /**
   * Stores {@code group} as the new current version of its name in {@code namespace}.
   *
   * @return the version written
   * @throws RuleCommitFailedException when other writers took the next version {@value
   *     #MAX_ATTEMPTS} times in a row
   */
  public StoredRuleGroup put(
      TenantId tenant, RuleLanguage language, String namespace, RuleGroup group, String source) {
    RuleNames.check("namespace", namespace);
    RuleNames.check("group", group.name());
    RuleGroupVersion written =
        commit(tenant, language, namespace, group.name(), Optional.of(group), source);
    return current(written).orElseThrow();
  }

  /**
   * Deletes a group by writing a tombstone version.
   *
   * @throws NoSuchRuleGroupException ({@code group does not exist}) when it has no current version
   */
  public void delete(
      TenantId tenant, RuleLanguage language, String namespace, String group, String source) {
    commit(tenant, language, namespace, group, Optional.empty(), source);
  }

  /**
   * Deletes every group of a namespace.
   *
   * @return how many groups were deleted
   * @throws NoSuchRuleGroupException ({@code no rule groups found}) when it has none
   */
  public int deleteNamespace(
      TenantId tenant, RuleLanguage language, String namespace, String source) {
    List<StoredRuleGroup> groups = list(tenant, language, namespace);
    if (groups.isEmpty()) {
      throw new NoSuchRuleGroupException(NoSuchRuleGroupException.NAMESPACE);
    }
    int deleted = 0;
    for (StoredRuleGroup group : groups) {
      try {
        delete(tenant, language, namespace, group.group().name(), source);
        deleted++;
      } catch (NoSuchRuleGroupException e) {
        // Deleted meanwhile by someone else: the outcome asked for holds.
      }
    }
    return deleted;
  }

  private RuleGroupVersion commit(
      TenantId tenant,
      RuleLanguage language,
      String namespace,
      String name,
      Optional<RuleGroup> group,
      String source) {
    String prefix = groupPrefix(tenant, language, namespace, name);
    String token = UUID.randomUUID().toString();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<String> latest = latest(prefix);
      if (group.isEmpty() && latest.map(this::read).flatMap(RuleStore::current).isEmpty()) {
        throw new NoSuchRuleGroupException(NoSuchRuleGroupException.GROUP);
      }
      long next = latest.map(RuleStore::version).orElse(0L) + 1;
      RuleGroupVersion version =
          new RuleGroupVersion(
              RuleGroupVersion.FORMAT,
              tenant.value(),
              language.id(),
              namespace,
              name,
              next,
              group.isEmpty(),
              Instant.now(clock).toString(),
              token,
              source,
              group.orElse(null));
      if (store.putIfAbsent(prefix + versionFile(next), bytes(version))) {
        return version;
      }
    }
    throw new RuleCommitFailedException(
        "Cannot store rule group '"
            + RuleNames.printable(name)
            + "': other writers changed it "
            + MAX_ATTEMPTS
            + " times in a row; send it again");
  }

  private List<StoredRuleGroup> current(String prefix) {
    // Keys sort by group folder, then by zero-padded version: the last key seen per folder wins.
    Map<String, String> latest = new LinkedHashMap<>();
    try (Stream<ObjectInfo> objects = store.list(prefix)) {
      objects
          .map(ObjectInfo::key)
          .filter(key -> version(key) > 0)
          .forEach(key -> latest.put(key.substring(0, key.lastIndexOf('/')), key));
    }
    List<StoredRuleGroup> groups = new ArrayList<>();
    for (String key : latest.values()) {
      current(read(key)).ifPresent(groups::add);
    }
    groups.sort(
        Comparator.comparing(StoredRuleGroup::namespace).thenComparing(g -> g.group().name()));
    return groups;
  }

  private Optional<String> latest(String groupPrefix) {
    String last = null;
    try (Stream<ObjectInfo> objects = store.list(groupPrefix)) {
      for (ObjectInfo object : (Iterable<ObjectInfo>) objects::iterator) {
        if (version(object.key()) > 0) {
          last = object.key();
        }
      }
    }
    return Optional.ofNullable(last);
  }

  private RuleGroupVersion read(String key) {
    try {
      return RECORDS.readValue(store.get(key), RuleGroupVersion.class);
    } catch (ObjectNotFoundException e) {
      throw new StorageException("Cannot read rule group version " + key + ": it vanished", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new StorageException(
          "Cannot read rule group version " + key + ": " + e.getMessage(), e);
    }
  }

  private static Optional<StoredRuleGroup> current(RuleGroupVersion version) {
    if (version.deleted() || version.group() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new StoredRuleGroup(
            RuleLanguage.of(version.language()),
            version.namespace(),
            version.group(),
            version.version(),
            Instant.parse(version.writtenAt())));
  }

  private static byte[] bytes(RuleGroupVersion version) {
    try {
      return RECORDS.writeValueAsBytes(version);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write rule group version", e);
    }
  }

  /** The version number of a version key, or 0 for any other key. */
  private static long version(String key) {
    int slash = key.lastIndexOf('/');
    String file = key.substring(slash + 1);
    if (file.length() != 26 || !file.startsWith("v") || !file.endsWith(".json")) {
      return 0;
    }
    try {
      return Long.parseLong(file.substring(1, 21));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String versionFile(long version) {
    return String.format("v%020d.json", version);
  }

  static String languagePrefix(TenantId tenant, RuleLanguage language) {
    return "rules/" + tenant.value() + "/" + language.id() + "/";
  }

  static String namespacePrefix(TenantId tenant, RuleLanguage language, String namespace) {
    return languagePrefix(tenant, language) + encode(namespace) + "/";
  }

  static String groupPrefix(
      TenantId tenant, RuleLanguage language, String namespace, String group) {
    return namespacePrefix(tenant, language, namespace) + encode(group) + "/";
  }

  private static String encode(String name) {
    return ENCODER.encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }
}
