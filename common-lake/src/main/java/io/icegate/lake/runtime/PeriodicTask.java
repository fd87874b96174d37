package io.icegate.lake.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a service runs on its own thread with a fixed delay between the end of one run and the start
 * of the next, stopped by {@link #close}: once {@code close} returns, no run is under way and none
 * will start, so the work never touches storage after its service shut down.
 *
 * <p>Services use this instead of Micronaut's {@code @Scheduled} and {@code TaskScheduler}: those
 * neither wait for a running task at shutdown nor stop a due one from starting, and a task that
 * fires after its bean was destroyed gets a new instance of the bean from the closing context
 * (docs/decisions.md, "Background work ends with its service").
 */
public final class PeriodicTask implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration stopTimeout;
  private final ScheduledThreadPoolExecutor executor;

  private PeriodicTask(String name, Duration stopTimeout) {
    this.name = requireNonNull(name, "name is null");
    this.stopTimeout = requireNonNull(stopTimeout, "stopTimeout is null");
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, name);
              // close() waits for it; daemon only so a forgotten task never keeps a JVM alive
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  /**
   * Starts {@code work} after {@code initialDelay}, then again {@code delay} after each run ends. A
   * run that throws is logged and the next one runs as planned.
   *
   * @param name the thread's name, also used in log lines
   * @param stopTimeout how long {@link #close} waits for a run under way before interrupting it
   */
  public static PeriodicTask start(
      String name, Duration initialDelay, Duration delay, Duration stopTimeout, Runnable work) {
    requireNonNull(work, "work is null");
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("Invalid delay of " + name + ": " + delay);
    }
    PeriodicTask task = new PeriodicTask(name, stopTimeout);
    task.executor.scheduleWithFixedDelay(
        () -> task.runGuarded(work), initialDelay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS);
    return task;
  }

  private void runGuarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // An exception would cancel every later run of a scheduled executor.
      LOG.warn("{} failed; it runs again after its delay", name, e);
    }
  }

  /**
   * Starts no further run and waits for the one under way, interrupting it after the stop timeout.
   */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} still running {} after shutdown began; interrupting it", name, stopTimeout);
        executor.shutdownNow();
        if (!executor.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.error("{} did not stop after an interrupt", name);
        }
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
