package io.icegate.rules.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.RetryingObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.rules.model.Rule;
import io.icegate.rules.model.RuleGroup;
import io.icegate.rules.model.RuleLanguage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RuleStoreTest {
  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId OTHER = new TenantId("other");

  private final InMemoryObjectStore memory = new InMemoryObjectStore();
  private final RecordingObjectStore recording = new RecordingObjectStore(memory);
  private final RuleStore store = new RuleStore(recording);

  private static RuleGroup group(String name, String expr) {
    Rule rule =
        new Rule(null, "HighErrors", expr, "5m", null, Map.of("severity", "page"), Map.of());
    return new RuleGroup(name, "1m", List.of(rule), null, null, null, null, null);
  }

  @Test
  void updateWritesANewVersionAndNeverOverwrites() {
    store.put(ACME, RuleLanguage.LOGQL, "ns", group("g", "sum(rate({a=\"b\"}[1m]))"), "test");
    String first = recording.creates.get(0);
    byte[] firstBytes = memory.get(first);

    store.put(ACME, RuleLanguage.LOGQL, "ns", group("g", "sum(rate({a=\"c\"}[1m]))"), "test");

    assertThat(recording.overwrites).isEmpty();
    assertThat(recording.deletes).isEmpty();
    assertThat(recording.creates).hasSize(2).doesNotHaveDuplicates();
    assertThat(memory.get(first)).isEqualTo(firstBytes);
    assertThat(first).endsWith("/v00000000000000000001.json");
    assertThat(recording.creates.get(1)).endsWith("/v00000000000000000002.json");
    StoredRuleGroup current = store.get(ACME, RuleLanguage.LOGQL, "ns", "g").orElseThrow();
    assertThat(current.version()).isEqualTo(2);
    assertThat(current.group().rules().get(0).expr()).isEqualTo("sum(rate({a=\"c\"}[1m]))");
  }

  @Test
  void deleteWritesATombstoneAndKeepsTheHistory() {
    store.put(ACME, RuleLanguage.LOGQL, "ns", group("g", "x"), "test");
    store.delete(ACME, RuleLanguage.LOGQL, "ns", "g", "test");

    assertThat(store.get(ACME, RuleLanguage.LOGQL, "ns", "g")).isEmpty();
    assertThat(store.list(ACME, RuleLanguage.LOGQL)).isEmpty();
    List<RuleGroupVersion> versions = store.versions(ACME, RuleLanguage.LOGQL, "ns", "g");
    assertThat(versions).extracting(RuleGroupVersion::deleted).containsExactly(false, true);
    assertThat(recording.deletes).isEmpty();
    assertThatThrownBy(() -> store.delete(ACME, RuleLanguage.LOGQL, "ns", "g", "test"))
        .isInstanceOf(NoSuchRuleGroupException.class)
        .hasMessage("group does not exist");

    // Recreating after a delete continues the chain.
    store.put(ACME, RuleLanguage.LOGQL, "ns", group("g", "y"), "test");
    assertThat(store.get(ACME, RuleLanguage.LOGQL, "ns", "g").orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void deleteNamespaceRemovesEveryGroupAndRefusesAnEmptyOne() {
    store.put(ACME, RuleLanguage.LOGQL, "ns", group("a", "x"), "test");
    store.put(ACME, RuleLanguage.LOGQL, "ns", group("b", "x"), "test");
    store.put(ACME, RuleLanguage.LOGQL, "keep", group("c", "x"), "test");

    assertThat(store.deleteNamespace(ACME, RuleLanguage.LOGQL, "ns", "test")).isEqualTo(2);

    assertThat(store.list(ACME, RuleLanguage.LOGQL))
        .extracting(StoredRuleGroup::namespace)
        .containsExactly("keep");
    assertThatThrownBy(() -> store.deleteNamespace(ACME, RuleLanguage.LOGQL, "ns", "test"))
        .isInstanceOf(NoSuchRuleGroupException.class)
        .hasMessage("no rule groups found");
  }

  @Test
  void listsAreSortedAndSeparatedByTenantAndLanguage() {
    store.put(ACME, RuleLanguage.LOGQL, "b", group("z", "x"), "test");
    store.put(ACME, RuleLanguage.LOGQL, "a", group("y", "x"), "test");
    store.put(ACME, RuleLanguage.LOGQL, "b", group("a", "x"), "test");
    store.put(ACME, RuleLanguage.PROMQL, "a", group("y", "up"), "test");
    store.put(OTHER, RuleLanguage.LOGQL, "a", group("secret", "x"), "test");

    assertThat(store.list(ACME, RuleLanguage.LOGQL))
        .extracting(g -> g.namespace() + "/" + g.group().name())
        .containsExactly("a/y", "b/a", "b/z");
    assertThat(store.list(ACME, RuleLanguage.PROMQL))
        .extracting(g -> g.group().rules().get(0).expr())
        .containsExactly("up");
    assertThat(store.list(OTHER, RuleLanguage.LOGQL))
        .extracting(g -> g.group().name())
        .containsExactly("secret");
    assertThat(store.get(OTHER, RuleLanguage.LOGQL, "a", "y")).isEmpty();
  }

  @Test
  void namesNeverReachKeysRaw() {
    store.put(ACME, RuleLanguage.LOGQL, "team a: ünïcode", group("grp #1", "x"), "test");

    assertThat(recording.creates.get(0))
        .startsWith("rules/acme/logql/")
        .matches("rules/acme/logql/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/v[0-9]{20}\\.json");
    assertThat(store.list(ACME, RuleLanguage.LOGQL, "team a: ünïcode"))
        .extracting(g -> g.group().name())
        .containsExactly("grp #1");
  }

  @Test
  void concurrentWritersEachGetTheirOwnVersion() throws Exception {
    int writers = 4;
    int writes = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < writes; i++) {
                  store.put(
                      ACME,
                      RuleLanguage.PROMQL,
                      "ns",
                      group("g", "up{writer=\"" + writer + "\",i=\"" + i + "\"}"),
                      "test");
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();

    List<RuleGroupVersion> versions = store.versions(ACME, RuleLanguage.PROMQL, "ns", "g");
    assertThat(versions).hasSize(writers * writes);
    assertThat(versions)
        .extracting(RuleGroupVersion::version)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, writers * writes).boxed().toList());
    assertThat(versions).extracting(v -> v.group().rules().get(0).expr()).doesNotHaveDuplicates();
    assertThat(recording.overwrites).isEmpty();
  }

  @Test
  void aLostAcknowledgementIsResolvedAsOurOwnWrite() {
    FaultInjectingObjectStore faulty = new FaultInjectingObjectStore(memory);
    faulty.loseAcknowledgement(FaultInjectingObjectStore.Operation.PUT_IF_ABSENT, "rules/", 1);
    // As in a service: the retrying decorator resolves the timeout by reading what landed.
    RuleStore flaky =
        new RuleStore(
            new RetryingObjectStore(
                faulty,
                new RetryingObjectStore.Policy(3, Duration.ofMillis(1), Duration.ofMillis(2))));

    flaky.put(ACME, RuleLanguage.LOGQL, "ns", group("g", "x"), "test");

    List<ObjectInfo> objects = memory.list("rules/").toList();
    assertThat(objects).hasSize(1);
    assertThat(flaky.get(ACME, RuleLanguage.LOGQL, "ns", "g").orElseThrow().version()).isEqualTo(1);
  }
}
