package io.icegate.maintain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.maintain.TestLake;
import io.icegate.maintain.job.JobReport;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RootVersionCleanupJobTest {
  @Test
  void removesOldRootVersionsThroughTheCatalogRetentionAndTheCatalogGoesOn() {
    try (TestLake lake = new TestLake("lane-0")) {
      for (int i = 0; i < 3; i++) {
        lake.append(i, 1);
        lake.shifter().shiftOnce().orElseThrow();
      }
      List<String> before = rootVersions(lake);
      assertThat(before).hasSizeGreaterThan(3);

      JobReport dryRun = new RootVersionCleanupJob(lake.catalog(), 2, Duration.ZERO).run(true);
      assertThat(dryRun.objects()).isEqualTo(before.size() - 2);
      assertThat(rootVersions(lake)).isEqualTo(before);

      JobReport report = new RootVersionCleanupJob(lake.catalog(), 2, Duration.ZERO).run(false);

      assertThat(report.examples()).isEqualTo(before.subList(0, before.size() - 2));
      assertThat(rootVersions(lake)).isEqualTo(before.subList(before.size() - 2, before.size()));
      lake.append(3, 1);
      lake.shifter().shiftOnce().orElseThrow();
      assertThat(lake.bodies(lake.view())).hasSize(4);
      // The default minimum age keeps everything this young.
      assertThat(
              new RootVersionCleanupJob(lake.catalog(), 1, Duration.ofHours(24))
                  .run(false)
                  .objects())
          .isZero();
    }
  }

  private static List<String> rootVersions(TestLake lake) {
    try (Stream<ObjectInfo> objects = lake.memory.list("catalog/root/")) {
      return objects
          .map(ObjectInfo::key)
          .filter(k -> k.matches("catalog/root/v\\d{20}\\.json"))
          .toList();
    }
  }
}
