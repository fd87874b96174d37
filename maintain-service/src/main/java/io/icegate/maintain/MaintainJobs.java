package io.icegate.maintain;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.config.DedupWindow;
import io.icegate.lake.config.InvalidConfigurationException;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.lease.LeaseManager;
import io.icegate.lake.runtime.StorageConfiguration;
import io.icegate.lake.store.ObjectStore;
import io.icegate.maintain.catalog.RootCleanupConfiguration;
import io.icegate.maintain.catalog.RootVersionCleanupJob;
import io.icegate.maintain.compaction.CompactionConfiguration;
import io.icegate.maintain.compaction.CompactionJob;
import io.icegate.maintain.compaction.CompactionSettings;
import io.icegate.maintain.job.JobRunner;
import io.icegate.maintain.job.JobSchedule;
import io.icegate.maintain.job.JobSettings;
import io.icegate.maintain.job.MaintenanceJob;
import io.icegate.maintain.job.ScheduledJob;
import io.icegate.maintain.manifest.ManifestRewriteConfiguration;
import io.icegate.maintain.manifest.ManifestRewriteJob;
import io.icegate.maintain.retention.RetentionConfiguration;
import io.icegate.maintain.retention.RetentionJob;
import io.icegate.maintain.retention.RetentionRules;
import io.icegate.maintain.retention.RetentionSettings;
import io.icegate.maintain.retention.RetentionStore;
import io.icegate.maintain.snapshot.OrphanCleanupConfiguration;
import io.icegate.maintain.snapshot.OrphanFileCleanupJob;
import io.icegate.maintain.snapshot.SnapshotExpiryConfiguration;
import io.icegate.maintain.snapshot.SnapshotExpiryJob;
import io.icegate.maintain.wal.WalCleanupConfiguration;
import io.icegate.maintain.wal.WalCleanupJob;
import io.icegate.maintain.wal.WalCleanupSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Builds the maintenance jobs from configuration, each with its runner (lease, metrics) and
 * schedule. Settings that would break a safety rule (a WAL grace or snapshot retention not above
 * the query timeout, an orphan grace below the shifter's longest plan) stop the service at start.
 */
@Factory
final class MaintainJobs {
  static final Duration MIN_ORPHAN_GRACE = Duration.ofHours(1);

  @Singleton
  JobSchedule jobs(
      MaintainConfiguration shared,
      DedupWindow dedup,
      WalCleanupConfiguration wal,
      SnapshotExpiryConfiguration expiry,
      OrphanCleanupConfiguration orphans,
      RootCleanupConfiguration roots,
      RetentionConfiguration retentionSchedule,
      CompactionConfiguration compaction,
      ManifestRewriteConfiguration manifests,
      RetentionStore retentionStore,
      RetentionRules retentionRules,
      ObjectStoreCatalog catalog,
      ObjectStore store,
      StorageConfiguration storage,
      MeterRegistry registry) {
    Clock clock = Clock.systemUTC();
    Duration queryTimeout = shared.effectiveQueryTimeout();
    Duration dedupWindow = dedup.value();
    String holder = "maintain-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    LeaseManager leases = new LeaseManager(store, holder, clock);
    Duration leaseDuration = shared.effectiveLeaseDuration();

    WalCleanupSettings walDefaults = WalCleanupSettings.defaults(queryTimeout, dedupWindow);
    WalCleanupSettings walSettings =
        new WalCleanupSettings(
            above("wal-cleanup.grace", wal.grace(), walDefaults.grace(), queryTimeout),
            dedupWindow,
            MaintainConfiguration.positive(
                "wal-cleanup.lane-ttl", wal.laneTtl(), walDefaults.laneTtl()));
    Duration retention =
        above("snapshot-expiry.retention", expiry.retention(), Duration.ofHours(1), queryTimeout);
    if (retention.compareTo(dedupWindow) < 0) {
      throw new InvalidConfigurationException(
          "icegate.maintain.snapshot-expiry.retention",
          "must be at least the dedup window " + dedupWindow + ", got " + retention);
    }
    Duration orphanGrace =
        above(
            "orphan-cleanup.grace",
            orphans.grace(),
            Duration.ofDays(1),
            MIN_ORPHAN_GRACE.minusMillis(1));
    LakeLocations locations = new LakeLocations(storage.toSettings().rootLocation());

    // Compaction's files must be committed well before the orphan job could take them.
    CompactionSettings compactionSettings =
        CompactionSettings.of(
            compaction.targetFileSize(),
            compaction.minInputFiles(),
            compaction.maxBytesPerRun(),
            orphanGrace.dividedBy(2));

    return new JobSchedule(
        List.of(
            scheduled(
                new CompactionJob(catalog, compactionSettings),
                JobSettings.of(
                    "compaction",
                    compaction.enabled(),
                    compaction.interval(),
                    compaction.dryRun(),
                    Duration.ofMinutes(10)),
                leases,
                leaseDuration,
                clock,
                registry),
            scheduled(
                new WalCleanupJob(catalog, store, walSettings, clock),
                JobSettings.of(
                    "wal-cleanup",
                    wal.enabled(),
                    wal.interval(),
                    wal.dryRun(),
                    Duration.ofMinutes(1)),
                leases,
                leaseDuration,
                clock,
                registry),
            scheduled(
                new SnapshotExpiryJob(catalog, retention, clock),
                JobSettings.of(
                    "snapshot-expiry",
                    expiry.enabled(),
                    expiry.interval(),
                    expiry.dryRun(),
                    Duration.ofMinutes(10)),
                leases,
                leaseDuration,
                clock,
                registry),
            scheduled(
                new OrphanFileCleanupJob(catalog, store, locations, orphanGrace, clock),
                JobSettings.of(
                    "orphan-cleanup",
                    orphans.enabled(),
                    orphans.interval(),
                    orphans.dryRun(),
                    Duration.ofHours(1)),
                leases,
                leaseDuration,
                clock,
                registry),
            scheduled(
                new RootVersionCleanupJob(
                    catalog,
                    roots.keepNewest() == null ? 1000 : roots.keepNewest(),
                    roots.minAge() == null ? Duration.ofHours(24) : roots.minAge()),
                JobSettings.of(
                    "root-cleanup",
                    roots.enabled(),
                    roots.interval(),
                    roots.dryRun(),
                    Duration.ofHours(1)),
                leases,
                leaseDuration,
                clock,
                registry),
            scheduled(
                new ManifestRewriteJob(catalog, manifestThreshold(manifests.maxManifests())),
                JobSettings.of(
                    "manifest-rewrite",
                    manifests.enabled(),
                    manifests.interval(),
                    manifests.dryRun(),
                    Duration.ofHours(1)),
                leases,
                leaseDuration,
                clock,
                registry),
            scheduled(
                new RetentionJob(catalog, retentionRules, retentionStore::all, clock),
                JobSettings.of(
                    "retention",
                    retentionSchedule.enabled(),
                    retentionSchedule.interval(),
                    retentionSchedule.dryRun(),
                    Duration.ofHours(1)),
                leases,
                leaseDuration,
                clock,
                registry)));
  }

  private static int manifestThreshold(Integer configured) {
    int chosen =
        configured == null ? ManifestRewriteConfiguration.DEFAULT_MAX_MANIFESTS : configured;
    if (chosen < 1) {
      throw new InvalidConfigurationException(
          "icegate.maintain.manifest-rewrite.max-manifests", "must be positive, got " + chosen);
    }
    return chosen;
  }

  @Singleton
  RetentionStore retentionStore(ObjectStore store) {
    return new RetentionStore(store, Clock.systemUTC());
  }

  @Singleton
  RetentionRules retentionRules(Environment environment) {
    return RetentionSettings.read(environment);
  }

  private static ScheduledJob scheduled(
      MaintenanceJob job,
      JobSettings settings,
      LeaseManager leases,
      Duration leaseDuration,
      Clock clock,
      MeterRegistry registry) {
    return new ScheduledJob(new JobRunner(job, leases, leaseDuration, clock, registry), settings);
  }

  /** The configured value (or the default), which must be longer than {@code floor}. */
  private static Duration above(String key, Duration value, Duration fallback, Duration floor) {
    Duration chosen = value == null ? fallback : value;
    if (chosen.compareTo(floor) <= 0) {
      throw new InvalidConfigurationException(
          "icegate.maintain." + key, "must be longer than " + floor + ", got " + chosen);
    }
    return chosen;
  }
}
