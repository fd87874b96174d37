package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads root versions. The newest known version is cached; finding the latest is one
 * {@code list} strictly after it (usually empty). A cold start begins after the advisory {@code
 * catalog/root/latest} hint, or at the beginning of the chain when there is none.
 */
final class RootChain {
  private static final Logger LOG = LoggerFactory.getLogger(RootChain.class);

  private final ObjectStore store;
  private final AtomicReference<RootHead> newest = new AtomicReference<>(RootHead.EMPTY);

  RootChain(ObjectStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** The newest root version in storage (EMPTY when the chain has not started). */
  RootHead latest() {
    RootHead known = newest.get();
    Optional<String> startAfter =
        known.version() > 0 ? Optional.of(RootVersions.key(known.version())) : hintStart();
    OptionalLong last = lastVersionAfter(startAfter);
    if (last.isEmpty() && known.version() == 0 && startAfter.isPresent()) {
      // A hint ahead of the chain (a store restored from backup): trust only the listing.
      last = lastVersionAfter(Optional.empty());
    }
    if (last.isPresent() && last.getAsLong() > known.version()) {
      advance(read(last.getAsLong()));
    }
    return newest.get();
  }

  /** The cached newest version, without any request. */
  RootHead cached() {
    return newest.get();
  }

  /** Reads one version; throws {@link ObjectNotFoundException} if it does not exist. */
  RootHead read(long version) {
    String key = RootVersions.key(version);
    return RootVersions.parse(key, store.get(key));
  }

  /** Reads one version, or empty if it does not exist. */
  Optional<RootHead> tryRead(long version) {
    try {
      return Optional.of(read(version));
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  boolean exists(long version) {
    return store.head(RootVersions.key(version)).isPresent();
  }

  void advance(RootHead head) {
    newest.accumulateAndGet(head, (a, b) -> b.version() > a.version() ? b : a);
  }

  /** Best effort: the hint only shortens a cold start, so failures to write it are ignored. */
  void writeHint(long version) {
    try {
      store.put(RootVersions.HINT_KEY, Long.toString(version).getBytes(StandardCharsets.UTF_8));
    } catch (StorageException e) {
      LOG.debug("Cannot write root version hint {}", version, e);
    }
  }

  private OptionalLong lastVersionAfter(Optional<String> startAfter) {
    try (Stream<ObjectInfo> infos = store.list(RootVersions.PREFIX, startAfter)) {
      return infos
          .map(info -> RootVersions.version(info.key()))
          .filter(OptionalLong::isPresent)
          .reduce((a, b) -> b)
          .orElse(OptionalLong.empty());
    }
  }

  private Optional<String> hintStart() {
    try {
      long hinted =
          Long.parseLong(new String(store.get(RootVersions.HINT_KEY), StandardCharsets.UTF_8));
      return hinted > 1 ? Optional.of(RootVersions.key(hinted - 1)) : Optional.empty();
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    } catch (StorageException | IllegalArgumentException e) {
      LOG.warn("Ignoring unreadable root version hint", e);
      return Optional.empty();
    }
  }
}
