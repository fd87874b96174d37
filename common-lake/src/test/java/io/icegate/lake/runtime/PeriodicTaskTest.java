package io.icegate.lake.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {
  private static final Duration NONE = Duration.ZERO;
  private static final Duration OFTEN = Duration.ofMillis(5);
  private static final Duration PATIENT = Duration.ofSeconds(60);

  @Test
  void closeReturnsOnlyAfterTheRunUnderWayEnded() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    PeriodicTask task =
        PeriodicTask.start(
            "test-slow",
            NONE,
            OFTEN,
            PATIENT,
            () -> {
              entered.countDown();
              sleep(300);
              finished.set(true);
            });
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

    task.close();

    assertThat(finished).as("the run under way finished before close returned").isTrue();
  }

  @Test
  void noRunStartsAfterClose() {
    AtomicInteger runs = new AtomicInteger();
    PeriodicTask task =
        PeriodicTask.start("test-count", NONE, OFTEN, PATIENT, runs::incrementAndGet);
    await().atMost(Duration.ofSeconds(60)).until(() -> runs.get() >= 3);

    task.close();
    int afterClose = runs.get();

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> runs.get() == afterClose);
  }

  @Test
  void aFailingRunDoesNotStopTheLaterOnes() {
    AtomicInteger runs = new AtomicInteger();
    try (PeriodicTask task =
        PeriodicTask.start(
            "test-failing",
            NONE,
            OFTEN,
            PATIENT,
            () -> {
              if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
              }
            })) {
      await().atMost(Duration.ofSeconds(60)).until(() -> runs.get() >= 3);
    }
  }

  @Test
  void aRunPastTheStopTimeoutIsInterrupted() {
    CountDownLatch entered = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    PeriodicTask task =
        PeriodicTask.start(
            "test-stuck",
            NONE,
            OFTEN,
            Duration.ofMillis(100),
            () -> {
              entered.countDown();
              try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
            });
    await().atMost(Duration.ofSeconds(60)).until(() -> entered.getCount() == 0);

    task.close();

    assertThat(interrupted).isTrue();
  }

  @Test
  void aDelayMustBePositive() {
    assertThatThrownBy(() -> PeriodicTask.start("test-zero", NONE, NONE, PATIENT, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid delay of test-zero: PT0S");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
