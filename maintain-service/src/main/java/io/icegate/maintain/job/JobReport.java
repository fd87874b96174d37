package io.icegate.maintain.job;

import io.micronaut.core.annotation.Introspected;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run deleted (or, in a dry run, would delete).
 *
 * @param objects objects deleted or deletable
 * @param bytes their total size, where the listing gave it
 * @param examples the first {@value #MAX_EXAMPLES} such keys, for operators
 * @param actions other changes, such as "expired snapshot 42 of icegate.logs"
 * @param counts what a job measured beside deletions, by name (e.g. {@code rewritten.files}); the
 *     runner adds each to the counter {@code icegate.maintain.<name>} (in dry runs {@code
 *     icegate.maintain.dry.run.<name>}) tagged with the job
 */
@Introspected
public record JobReport(
    boolean dryRun,
    long objects,
    long bytes,
    List<String> examples,
    List<String> actions,
    Map<String, Long> counts) {
  static final int MAX_EXAMPLES = 100;

  public JobReport {
    examples = List.copyOf(examples);
    actions = List.copyOf(actions);
    counts = Collections.unmodifiableMap(new TreeMap<>(counts));
  }

  public JobReport(
      boolean dryRun, long objects, long bytes, List<String> examples, List<String> actions) {
    this(dryRun, objects, bytes, examples, actions, Map.of());
  }

  /** Collects a report while a job runs. */
  public static final class Builder {
    private final boolean dryRun;
    private long objects;
    private long bytes;
    private final List<String> examples = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final Map<String, Long> counts = new TreeMap<>();

    public Builder(boolean dryRun) {
      this.dryRun = dryRun;
    }

    public boolean dryRun() {
      return dryRun;
    }

    public synchronized Builder deleted(String key, long size) {
      objects++;
      bytes += Math.max(0, size);
      if (examples.size() < MAX_EXAMPLES) {
        examples.add(key);
      }
      return this;
    }

    public synchronized Builder action(String action) {
      actions.add(action);
      return this;
    }

    /** Adds {@code amount} to the measure {@code name} (a metric name suffix, dot-separated). */
    public synchronized Builder count(String name, long amount) {
      counts.merge(name, amount, Long::sum);
      return this;
    }

    public synchronized JobReport build() {
      return new JobReport(dryRun, objects, bytes, examples, actions, counts);
    }
  }
}
