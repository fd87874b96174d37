package io.icegate.maintain.job;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes objects in batches and records them in a report; in a dry run only records them. Callers
 * decide what is safe to delete before handing it over: this class never checks.
 */
public final class Deleter {
  private static final int BATCH = 1000;

  private final ObjectStore store;
  private final JobReport.Builder report;
  private final List<String> pending = new ArrayList<>();

  public Deleter(ObjectStore store, JobReport.Builder report) {
    this.store = store;
    this.report = report;
  }

  public void delete(ObjectInfo object) {
    report.deleted(object.key(), object.size());
    if (!report.dryRun()) {
      pending.add(object.key());
      if (pending.size() >= BATCH) {
        flush();
      }
    }
  }

  /** Deletes what is still pending; call before the run ends. */
  public void flush() {
    if (!pending.isEmpty()) {
      store.deleteAll(List.copyOf(pending));
      pending.clear();
    }
  }
}
