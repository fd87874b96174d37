package io.icegate.lake.lease;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import io.icegate.proto.ProtoJson;
import io.icegate.proto.v1.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Leases as chains of create-only terms, {@code leases/{name}/{term:020}.json} (DESIGN.md §6).
 * Acquire creates term T+1 when term T has expired, judged by T's Last-Modified (the storage
 * server's clock) plus its duration against the server's current time (read back from a probe
 * object this holder writes); renew creates the next term before expiry. Whoever creates a term
 * with {@code putIfAbsent} holds it; nobody ever overwrites or deletes a live term.
 */
public final class LeaseManager {
  private static final Duration TIMESTAMP_RESOLUTION = Duration.ofSeconds(1);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private final ObjectStore store;
  private final String holder;
  private final Clock clock;

  /**
   * @param holder identifies this process in the terms it writes (host, pid, a random token); also
   *     names its clock probe, so it must be a valid key segment
   */
  public LeaseManager(ObjectStore store, String holder, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.holder = checkName(holder, "holder");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Takes the lease if it is free or its newest term has expired; empty if someone holds it. */
  public Optional<LeaseGrant> tryAcquire(String name, Duration duration) {
    checkName(name, "lease name");
    Optional<ObjectInfo> newest = newestTerm(name);
    if (newest.isPresent() && !expired(newest.get())) {
      return Optional.empty();
    }
    long term = newest.map(info -> termOf(info.key()) + 1).orElse(1L);
    return create(name, term, duration);
  }

  /**
   * Extends a held lease by creating its next term. Empty when the lease was lost: another holder
   * created that term first (it judged ours expired, e.g. after a long pause here).
   */
  public Optional<LeaseGrant> renew(LeaseGrant grant) {
    if (!grant.holder().equals(holder)) {
      throw new IllegalArgumentException(
          "Cannot renew lease " + grant.name() + ": held by " + grant.holder() + ", not " + holder);
    }
    return create(grant.name(), grant.term() + 1, grant.duration());
  }

  /**
   * Gives a held lease up at once by creating its next term with zero duration, so another process
   * need not wait for the term to run out (a graceful shutdown). Nothing is deleted.
   *
   * @return false if the lease was already lost
   */
  public boolean release(LeaseGrant grant) {
    return renew(new LeaseGrant(grant.name(), grant.term(), grant.holder(), Duration.ZERO, 0))
        .isPresent();
  }

  /** The newest term's record, if the lease was ever taken. */
  public Optional<Lease> current(String name) {
    return newestTerm(checkName(name, "lease name"))
        .map(info -> ProtoJson.parse(store.get(info.key()), Lease.getDefaultInstance()));
  }

  private Optional<LeaseGrant> create(String name, long term, Duration duration) {
    Lease record =
        Lease.newBuilder()
            .setName(name)
            .setTerm(term)
            .setHolder(holder)
            .setDurationMs(duration.toMillis())
            .setAcquiredAtMs(clock.millis())
            .setToken(UUID.randomUUID().toString())
            .build();
    long sentNanos = System.nanoTime();
    // The token makes our bytes unique to this logical write, even for two writes of this holder
    // in one millisecond (a renew racing a release): a 412 finding them means the write was ours.
    if (!store.putIfAbsent(key(name, term), ProtoJson.toJsonBytes(record))) {
      return Optional.empty();
    }
    return Optional.of(new LeaseGrant(name, term, holder, duration, sentNanos));
  }

  private boolean expired(ObjectInfo term) {
    Lease lease = ProtoJson.parse(store.get(term.key()), Lease.getDefaultInstance());
    // S3 stamps Last-Modified in whole seconds, up to one second before the real write.
    Instant expiry =
        term.lastModified().plusMillis(lease.getDurationMs()).plus(TIMESTAMP_RESOLUTION);
    return serverNow().isAfter(expiry);
  }

  /** The storage server's current time: the Last-Modified of a probe object written just now. */
  private Instant serverNow() {
    String probe = "leases/_clock/" + holder;
    store.put(probe, new byte[0]);
    return store
        .head(probe)
        .orElseThrow(() -> new IllegalStateException("Cannot read clock probe " + probe))
        .lastModified();
  }

  private Optional<ObjectInfo> newestTerm(String name) {
    try (Stream<ObjectInfo> terms = store.list("leases/" + name + "/")) {
      List<ObjectInfo> all = terms.filter(info -> info.key().endsWith(".json")).toList();
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
  }

  static String key(String name, long term) {
    return String.format("leases/%s/%020d.json", name, term);
  }

  private static long termOf(String key) {
    String file = key.substring(key.lastIndexOf('/') + 1);
    return Long.parseLong(file.substring(0, file.length() - ".json".length()));
  }

  private static String checkName(String value, String what) {
    if (value == null || !NAME.matcher(value).matches() || value.equals("_clock")) {
      throw new IllegalArgumentException(
          "Invalid " + what + " '" + value + "': expected 1-128 characters of [A-Za-z0-9_.-]");
    }
    return value;
  }
}
