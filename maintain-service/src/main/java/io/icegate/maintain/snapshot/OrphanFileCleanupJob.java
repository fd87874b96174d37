package io.icegate.maintain.snapshot;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import io.icegate.maintain.job.Deleter;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.job.MaintenanceJob;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Deletes files under the tables' locations that no table reaches and that are older than the grace
 * period (DESIGN.md §8): data files of shifts that lost their commit or crashed, metadata files of
 * failed commits, files only expired snapshots reached.
 *
 * <p>Fails closed: the reachable set of <em>every</em> table is read completely before anything is
 * listed for deletion, and any read error (a 503, a missing manifest) ends the run with nothing
 * deleted. The grace period must exceed the longest time a writer can take between writing a file
 * and committing it (the shifter abandons plans older than half of it; commits have a deadline).
 */
public final class OrphanFileCleanupJob implements MaintenanceJob {
  private final Catalog catalog;
  private final ObjectStore store;
  private final LakeLocations locations;
  private final Duration grace;
  private final Clock clock;

  public OrphanFileCleanupJob(
      Catalog catalog, ObjectStore store, LakeLocations locations, Duration grace, Clock clock) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.store = requireNonNull(store, "store is null");
    this.locations = requireNonNull(locations, "locations is null");
    this.grace = requireNonNull(grace, "grace is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public String name() {
    return "orphan-cleanup";
  }

  @Override
  public JobReport run(boolean dryRun) {
    long cutoff = clock.millis() - grace.toMillis();
    List<Table> tables = tables();
    ReachableFiles reachable = new ReachableFiles(locations);
    List<String> prefixes = new ArrayList<>();
    for (Table table : tables) {
      TableOperations ops = ((HasTableOperations) table).operations();
      reachable.addTable(ops.current(), table.io());
      if (locations.contains(table.location())) {
        prefixes.add(locations.key(table.location()) + "/");
      }
    }
    // Everything reachable is known; only now list candidates.
    List<ObjectInfo> orphans = new ArrayList<>();
    for (String prefix : prefixes) {
      try (Stream<ObjectInfo> objects = store.list(prefix)) {
        objects
            .filter(info -> info.lastModified().toEpochMilli() < cutoff)
            .filter(info -> !reachable.keys().contains(info.key()))
            .forEach(orphans::add);
      }
    }
    JobReport.Builder report = new JobReport.Builder(dryRun);
    Deleter deleter = new Deleter(store, report);
    orphans.forEach(deleter::delete);
    deleter.flush();
    return report.build();
  }

  private List<Table> tables() {
    List<Table> tables = new ArrayList<>();
    List<Namespace> namespaces =
        catalog instanceof SupportsNamespaces nested
            ? nested.listNamespaces()
            : List.of(Namespace.of("icegate"));
    for (Namespace namespace : namespaces) {
      for (TableIdentifier identifier : catalog.listTables(namespace)) {
        tables.add(catalog.loadTable(identifier));
      }
    }
    return tables;
  }
}
