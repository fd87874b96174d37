package io.icegate.maintain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.lease.LeaseManager;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void countsRunsDeletionsAndDryRunCandidatesPerJob() {
    store.put("junk/a", new byte[10]);
    store.put("junk/b", new byte[5]);
    JobRunner runner = runner("holder-1", new JunkCleanup(store));

    assertThat(runner.runOnce(true)).isEqualTo(JobRunner.Outcome.SUCCESS);
    assertThat(count("icegate.maintain.dry.run.objects")).isEqualTo(2);
    assertThat(count("icegate.maintain.dry.run.bytes")).isEqualTo(15);
    assertThat(count("icegate.maintain.deleted.objects")).isZero();
    assertThat(store.head("junk/a")).isPresent();

    assertThat(runner.runOnce(false)).isEqualTo(JobRunner.Outcome.SUCCESS);
    assertThat(count("icegate.maintain.deleted.objects")).isEqualTo(2);
    assertThat(count("icegate.maintain.deleted.bytes")).isEqualTo(15);
    assertThat(store.head("junk/a")).isEmpty();
    assertThat(registry.get("icegate.maintain.runs").tag("outcome", "success").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("icegate.maintain.last.success").gauge().value()).isPositive();
    assertThat(runner.lastReport().orElseThrow().examples()).containsExactly("junk/a", "junk/b");
  }

  @Test
  void aJobRunsInOneProcessAtATime() {
    JobRunner first = runner("holder-1", new JunkCleanup(store));
    JobRunner second = runner("holder-2", new JunkCleanup(store));

    assertThat(first.runOnce(false)).isEqualTo(JobRunner.Outcome.SUCCESS);
    assertThat(second.runOnce(false)).isEqualTo(JobRunner.Outcome.SKIPPED);

    // A released term expires by the store's clock within its one-second resolution.
    first.release();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> second.runOnce(false) == JobRunner.Outcome.SUCCESS);
    assertThat(first.runOnce(false)).isEqualTo(JobRunner.Outcome.SKIPPED);
    assertThat(registry.get("icegate.maintain.runs").tag("outcome", "skipped").counter().count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aFailedRunCountsAnErrorAndKeepsTheLastSuccess() {
    JobRunner runner =
        runner(
            "holder-1",
            new MaintenanceJob() {
              @Override
              public String name() {
                return "broken";
              }

              @Override
              public JobReport run(boolean dryRun) {
                throw new IllegalStateException("Cannot read manifest: 503");
              }
            });

    assertThat(runner.runOnce(false)).isEqualTo(JobRunner.Outcome.FAILURE);
    assertThat(count("icegate.maintain.errors")).isEqualTo(1);
    assertThat(registry.get("icegate.maintain.last.success").gauge().value()).isZero();
    assertThat(runner.lastReport()).isEmpty();
  }

  @Test
  void aReportsCountsBecomeCountersOfTheJobDryRunsApart() {
    JobRunner runner =
        runner(
            "holder-1",
            new MaintenanceJob() {
              @Override
              public String name() {
                return "measuring";
              }

              @Override
              public JobReport run(boolean dryRun) {
                return new JobReport.Builder(dryRun)
                    .count("rewritten.files", 3)
                    .count("rewritten.files", 2)
                    .count("rewritten.rows", 70)
                    .build();
              }
            });

    runner.runOnce(true);
    assertThat(count("icegate.maintain.dry.run.rewritten.files")).isEqualTo(5);
    assertThat(count("icegate.maintain.rewritten.files")).isZero();
    runner.runOnce(false);
    runner.runOnce(false);
    assertThat(
            registry
                .get("icegate.maintain.rewritten.files")
                .tag("job", "measuring")
                .counter()
                .count())
        .isEqualTo(10);
    assertThat(count("icegate.maintain.rewritten.rows")).isEqualTo(140);
    assertThat(runner.lastReport().orElseThrow().counts())
        .containsEntry("rewritten.files", 5L)
        .containsEntry("rewritten.rows", 70L);
  }

  private JobRunner runner(String holder, MaintenanceJob job) {
    return new JobRunner(
        job,
        new LeaseManager(store, holder, Clock.systemUTC()),
        Duration.ofMinutes(1),
        Clock.systemUTC(),
        registry);
  }

  private double count(String name) {
    return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** Deletes everything under {@code junk/}: a job small enough to count by hand. */
  private record JunkCleanup(ObjectStore store) implements MaintenanceJob {
    @Override
    public String name() {
      return "junk-cleanup";
    }

    @Override
    public JobReport run(boolean dryRun) {
      JobReport.Builder report = new JobReport.Builder(dryRun);
      Deleter deleter = new Deleter(store, report);
      List<ObjectInfo> junk;
      try (Stream<ObjectInfo> objects = store.list("junk/")) {
        junk = objects.toList();
      }
      junk.forEach(deleter::delete);
      deleter.flush();
      return report.build();
    }
  }
}
