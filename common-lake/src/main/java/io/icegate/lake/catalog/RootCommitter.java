package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.Backoff;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.StorageException;
import io.icegate.lake.store.TransientStorageException;
import io.icegate.lake.store.UnknownOutcomeException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;

/**
 * Commits catalog changes as new root versions (DESIGN.md §4): apply the mutation to the newest
 * state, {@code putIfAbsent catalog/root/v{N+1}.json} carrying a fresh commit id, and on losing the
 * key to another writer re-apply the mutation to the newer state (the mutation itself decides
 * whether that is a conflict). An attempt whose outcome is unknown is resolved by reading the key
 * back: our commit id means success, another commit id means that attempt can never land (the key
 * is taken), and no object means the same bytes are tried again.
 *
 * <p>Contract of {@link #commit}: it returns only when the change is in the chain; {@link
 * CommitStateUnknownException} means it may or may not be (nothing written for it may be deleted);
 * any other exception means it certainly is not.
 */
final class RootCommitter {
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

  private final ObjectStore store;
  private final RootChain chain;
  private final CommitSettings settings;
  private final Clock clock;

  RootCommitter(ObjectStore store, RootChain chain, CommitSettings settings, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.chain = requireNonNull(chain, "chain is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Applies {@code mutation} to the newest state and commits the result.
   *
   * @param what names the change in messages, such as "table ns.t"
   * @return the root version holding the change, or empty when the mutation changed nothing
   */
  Optional<RootHead> commit(String what, RootMutation mutation) {
    String commitId = UUID.randomUUID().toString();
    long deadline = System.nanoTime() + settings.deadline().toNanos();
    RootHead head = chain.latest();
    while (true) {
      CatalogState next = mutation.apply(head.state());
      if (next == head.state()) {
        return Optional.empty();
      }
      RootHead candidate = new RootHead(head.version() + 1, head.version(), commitId, next);
      RootHead landed = write(what, head.state(), candidate, deadline);
      if (landed.commitId().equals(commitId)) {
        return Optional.of(afterWin(what, landed));
      }
      chain.advance(landed);
      head = chain.latest();
    }
  }

  /** Writes one version; returns what holds its key afterwards (ours or another commit's). */
  private RootHead write(String what, CatalogState previous, RootHead candidate, long deadline) {
    long version = candidate.version();
    String key = RootVersions.key(version);
    byte[] bytes =
        RootVersions.toBytes(
            previous,
            candidate.state(),
            version,
            candidate.parentVersion(),
            candidate.commitId(),
            clock.millis());
    boolean unknown = false;
    StorageException lastError = null;
    for (int attempt = 0; ; attempt++) {
      if (unknown) {
        try {
          Optional<RootHead> found = chain.tryRead(version);
          if (found.isPresent()) {
            return found.get();
          }
        } catch (StorageException e) {
          lastError = e;
        }
      }
      if (attempt > settings.maxStorageRetries() || System.nanoTime() > deadline) {
        throw giveUp(what, version, unknown, attempt > settings.maxStorageRetries(), lastError);
      }
      if (attempt > 0 && !pause(attempt)) {
        throw unknown
            ? new CommitStateUnknownException(
                "Cannot tell whether the commit of " + what + " succeeded: interrupted", lastError)
            : new CommitFailedException(lastError, "Cannot commit %s: interrupted", what);
      }
      try {
        if (store.putIfAbsent(key, bytes)) {
          return candidate;
        }
        return chain.read(version);
      } catch (UnknownOutcomeException e) {
        unknown = true;
        lastError = e;
      } catch (TransientStorageException e) {
        lastError = e;
      } catch (StorageException e) {
        if (!unknown) {
          throw e;
        }
        lastError = e;
      }
    }
  }

  private RuntimeException giveUp(
      String what, long version, boolean unknown, boolean outOfRetries, StorageException cause) {
    String reason =
        outOfRetries
            ? "storage kept failing on root version " + version
            : "commit deadline of "
                + settings.deadline()
                + " passed before root version "
                + version;
    if (unknown) {
      return new CommitStateUnknownException(
          "Cannot tell whether the commit of " + what + " succeeded: " + reason, cause);
    }
    if (cause != null && outOfRetries) {
      return cause;
    }
    if (outOfRetries) {
      return new CommitFailedException(cause, "Cannot commit %s: %s", what, reason);
    }
    return new CommitDeadlineException(cause, "Cannot commit %s: %s", what, reason);
  }

  /**
   * A version whose parent is gone was written under a committer paused beyond the retention of old
   * versions: newer versions exist, so it is not part of the chain and the change did not happen.
   */
  private RootHead afterWin(String what, RootHead won) {
    long parent = won.parentVersion();
    if (parent > 0 && !parentExists(what, won)) {
      throw new CommitFailedException(
          "Cannot commit %s: root version %s was written after its parent %s had been removed;"
              + " it is not part of the chain",
          what, won.version(), parent);
    }
    chain.advance(won);
    if (won.version() % settings.hintInterval() == 0) {
      chain.writeHint(won.version());
    }
    return won;
  }

  private boolean parentExists(String what, RootHead won) {
    StorageException lastError = null;
    for (int attempt = 0; attempt <= settings.maxStorageRetries(); attempt++) {
      if (attempt > 0 && !pause(attempt)) {
        break;
      }
      try {
        return chain.exists(won.parentVersion());
      } catch (StorageException e) {
        lastError = e;
      }
    }
    throw new CommitStateUnknownException(
        "Cannot tell whether the commit of "
            + what
            + " succeeded: cannot confirm parent root version "
            + won.parentVersion(),
        lastError);
  }

  /** Sleeps before retry {@code attempt}; false if interrupted (the flag is restored). */
  private boolean pause(int attempt) {
    Duration initial = settings.retryBackoff();
    Duration max = initial.compareTo(MAX_BACKOFF) > 0 ? initial : MAX_BACKOFF;
    return new Backoff(initial, max).pause(attempt);
  }
}
