package io.icegate.lake.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.runtime.MovableClock;
import io.icegate.lake.store.InMemoryObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LeaseManagerTest {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  /** The storage server's clock, moved by the tests; holders never read it directly. */
  private final MovableClock server = MovableClock.at(Instant.parse("2026-11-25T12:00:00Z"));

  private final InMemoryObjectStore store = new InMemoryObjectStore(server);

  @Test
  void firstContenderTakesAFreeLease() {
    Optional<LeaseGrant> grant = manager("a").tryAcquire("shifter-logs", TEN_SECONDS);

    assertThat(grant).hasValueSatisfying(g -> assertThat(g.term()).isEqualTo(1));
    assertThat(manager("b").current("shifter-logs"))
        .hasValueSatisfying(lease -> assertThat(lease.getHolder()).isEqualTo("a"));
  }

  @Test
  void heldLeaseIsTakenOnlyAfterItExpiresByTheServersClock() {
    manager("a").tryAcquire("job", TEN_SECONDS).orElseThrow();

    server.advance(Duration.ofSeconds(9));
    assertThat(manager("b").tryAcquire("job", TEN_SECONDS)).isEmpty();
    // Last-Modified may be a second early on S3, so expiry allows one second of slack.
    server.advance(Duration.ofMillis(1_900));
    assertThat(manager("b").tryAcquire("job", TEN_SECONDS)).isEmpty();
    server.advance(Duration.ofMillis(200));
    assertThat(manager("b").tryAcquire("job", TEN_SECONDS))
        .hasValueSatisfying(g -> assertThat(g.term()).isEqualTo(2));
  }

  @Test
  void renewalKeepsTheLease() {
    LeaseManager a = manager("a");
    LeaseGrant first = a.tryAcquire("job", TEN_SECONDS).orElseThrow();

    server.advance(Duration.ofSeconds(8));
    LeaseGrant second = a.renew(first).orElseThrow();
    server.advance(Duration.ofSeconds(8));

    assertThat(second.term()).isEqualTo(2);
    assertThat(manager("b").tryAcquire("job", TEN_SECONDS)).isEmpty();
  }

  @Test
  void releasedLeaseIsFreeAtOnce() {
    LeaseManager a = manager("a");
    LeaseGrant grant = a.tryAcquire("job", TEN_SECONDS).orElseThrow();

    assertThat(a.release(grant)).isTrue();
    server.advance(Duration.ofMillis(1_100)); // only the Last-Modified slack remains

    assertThat(manager("b").tryAcquire("job", TEN_SECONDS))
        .hasValueSatisfying(g -> assertThat(g.term()).isEqualTo(3));
    assertThat(a.renew(grant)).isEmpty();
  }

  @Test
  void racingContendersYieldExactlyOneHolderPerTerm() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 20; round++) {
        String name = "race-" + round;
        List<Callable<Optional<LeaseGrant>>> contenders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          LeaseManager manager = manager("holder-" + i);
          contenders.add(() -> manager.tryAcquire(name, TEN_SECONDS));
        }

        long winners = 0;
        for (Future<Optional<LeaseGrant>> result : pool.invokeAll(contenders)) {
          winners += result.get().isPresent() ? 1 : 0;
        }

        assertThat(winners).as(name).isEqualTo(1);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void twoWritesOfOneHolderInTheSameMillisecondAreNeverConflated() {
    // The holder's clock stands still: the records differ only by their token.
    LeaseManager a = new LeaseManager(store, "a", Clock.fixed(server.instant(), ZoneOffset.UTC));
    LeaseGrant grant = a.tryAcquire("job", TEN_SECONDS).orElseThrow();

    assertThat(a.release(grant)).isTrue();
    String firstToken = a.current("job").orElseThrow().getToken();
    assertThat(a.release(grant)).as("a second release of the same term").isFalse();
    assertThat(a.renew(grant)).isEmpty();
    assertThat(a.current("job").orElseThrow().getToken()).isEqualTo(firstToken);
    assertThat(firstToken).hasSize(36);
  }

  @Test
  void pausedHolderLosesTheLeaseAndCannotRenewIt() {
    LeaseManager a = manager("a");
    LeaseGrant grant = a.tryAcquire("job", TEN_SECONDS).orElseThrow();

    server.advance(Duration.ofSeconds(12)); // "a" is paused past its term
    LeaseGrant taken = manager("b").tryAcquire("job", TEN_SECONDS).orElseThrow();

    assertThat(taken.term()).isEqualTo(2);
    assertThat(a.renew(grant)).isEmpty();
    assertThat(a.current("job"))
        .hasValueSatisfying(lease -> assertThat(lease.getHolder()).isEqualTo("b"));
  }

  @Test
  void holderStopsWorkingWhenItsOwnClockSaysTheTermIsOver() {
    LeaseGrant fresh = manager("a").tryAcquire("job", TEN_SECONDS).orElseThrow();
    LeaseGrant old =
        new LeaseGrant(
            "job", 1, "a", TEN_SECONDS, System.nanoTime() - Duration.ofSeconds(9).toNanos());

    assertThat(fresh.validFor(Duration.ofSeconds(2))).isTrue();
    assertThat(old.validFor(Duration.ofSeconds(2))).isFalse();
  }

  @Test
  void invalidNamesAreRejectedBeforeAnyIo() {
    assertThatThrownBy(() -> manager("a").tryAcquire("../x", TEN_SECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid lease name '../x': expected 1-128 characters of [A-Za-z0-9_.-]");
    assertThatThrownBy(() -> manager("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid holder 'a b': expected 1-128 characters of [A-Za-z0-9_.-]");
  }

  private LeaseManager manager(String holder) {
    return new LeaseManager(store, holder, Clock.systemUTC());
  }
}
