package io.icegate.lake.catalog;

import static io.icegate.lake.catalog.CatalogFixtures.SCHEMA;
import static io.icegate.lake.catalog.CatalogFixtures.catalog;
import static io.icegate.lake.catalog.CatalogFixtures.rootVersions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.runtime.MovableClock;
import io.icegate.lake.store.ForwardingObjectStore;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import io.icegate.proto.ProtoJson;
import io.icegate.proto.v1.RootVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;

class RootChainTest {
  @Test
  void rootVersionRecordsParentCommitIdAndWhatChanged() {
    InMemoryObjectStore store = new InMemoryObjectStore();
    ObjectStoreCatalog catalog = catalog(store);
    catalog.createNamespace(Namespace.of("ns"), Map.of("owner", "ops"));
    catalog.createTable(TableIdentifier.of("ns", "t"), SCHEMA);

    RootVersion v2 =
        ProtoJson.parse(store.get(RootVersions.key(2)), RootVersion.getDefaultInstance());

    assertThat(v2.getVersion()).isEqualTo(2);
    assertThat(v2.getParentVersion()).isEqualTo(1);
    assertThat(v2.getCommitId()).isNotEmpty();
    assertThat(v2.getChangedList()).containsExactly("table:ns.t");
    assertThat(v2.getNamespaces(0).getPropertiesMap()).containsEntry("owner", "ops");
    assertThat(v2.getTables(0).getMetadataLocation())
        .startsWith("memory://lake/warehouse/ns/t-")
        .endsWith(".metadata.json");
  }

  @Test
  void coldStartListsOnlyAfterTheHint() {
    InMemoryObjectStore store = new InMemoryObjectStore();
    ObjectStoreCatalog writer = catalog(store, Map.of(CommitSettings.HINT_INTERVAL, "4"));
    for (int i = 0; i < 10; i++) {
      writer.createNamespace(Namespace.of("ns" + i));
    }
    assertThat(new String(store.get(RootVersions.HINT_KEY), StandardCharsets.UTF_8)).isEqualTo("8");
    List<Optional<String>> listings = new ArrayList<>();
    ObjectStore recording = new ListingRecorder(store, listings);

    RootHead head = new RootChain(recording).latest();

    assertThat(head.version()).isEqualTo(10);
    assertThat(head.state().namespaces()).hasSize(10);
    assertThat(listings).containsExactly(Optional.of(RootVersions.key(7)));
  }

  @Test
  void coldStartWithoutHintListsTheWholeChain() {
    InMemoryObjectStore store = new InMemoryObjectStore();
    ObjectStoreCatalog writer = catalog(store);
    writer.createNamespace(Namespace.of("a"));
    writer.createNamespace(Namespace.of("b"));

    RootHead head = new RootChain(store).latest();

    assertThat(head.version()).isEqualTo(2);
    assertThat(head.parentVersion()).isEqualTo(1);
  }

  @Test
  void retentionRemovesOnlyOldVersionsBeyondTheNewestOnesOldestFirst() {
    MovableClock clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryObjectStore store = new InMemoryObjectStore(clock);
    ObjectStoreCatalog catalog = catalog(store);
    for (int i = 0; i < 6; i++) {
      catalog.createNamespace(Namespace.of("old" + i));
    }
    clock.advance(Duration.ofHours(25));
    for (int i = 0; i < 4; i++) {
      catalog.createNamespace(Namespace.of("young" + i));
    }
    RootVersionRetention retention = new RootVersionRetention(store, clock);

    RootVersionRetention.Result dryRun = retention.removeOldVersions(3, Duration.ofHours(24), true);
    assertThat(dryRun.removed()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(rootVersions(store)).hasSize(10);

    RootVersionRetention.Result byCount =
        retention.removeOldVersions(8, Duration.ofHours(24), false);
    assertThat(byCount.removed()).containsExactly(1L, 2L);
    assertThat(byCount.kept()).isEqualTo(8);

    RootVersionRetention.Result byAge = retention.removeOldVersions(1, Duration.ofHours(24), false);
    assertThat(byAge.removed()).containsExactly(3L, 4L, 5L, 6L);
    assertThat(rootVersions(store)).containsExactly(7L, 8L, 9L, 10L);

    catalog.createNamespace(Namespace.of("after"));
    assertThat(catalog(store).listNamespaces()).hasSize(11);
  }

  @Test
  void retentionKeepsAtLeastOneVersion() {
    RootVersionRetention retention =
        new RootVersionRetention(new InMemoryObjectStore(), Clock.systemUTC());

    assertThatThrownBy(() -> retention.removeOldVersions(0, Duration.ZERO, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid number of root versions to keep: 0");
  }

  /** Records the startAfter of every root listing. */
  private static final class ListingRecorder extends ForwardingObjectStore {
    private final List<Optional<String>> listings;

    ListingRecorder(ObjectStore delegate, List<Optional<String>> listings) {
      super(delegate);
      this.listings = listings;
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
      listings.add(startAfter);
      return super.list(prefix, startAfter);
    }
  }
}
