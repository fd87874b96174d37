package io.icegate.maintain.job;

import io.micronaut.core.annotation.Introspected;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run deleted (or, in a dry run, would delete).
 *
 * @param objects objects deleted or deletable
 * @param bytes their total size, where the listing gave it
 * @param examples the first {@value #MAX_EXAMPLES} such keys, for operators
 * @param actions other changes, such as "expired snapshot 42 of icegate.logs"
 */
@Introspected
public record JobReport(
    boolean dryRun, long objects, long bytes, List<String> examples, List<String> actions) {
  static final int MAX_EXAMPLES = 100;

  public JobReport {
    examples = List.copyOf(examples);
    actions = List.copyOf(actions);
  }

  /** Collects a report while a job runs. */
  public static final class Builder {
    private final boolean dryRun;
    private long objects;
    private long bytes;
    private final List<String> examples = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();

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

    public synchronized JobReport build() {
      return new JobReport(dryRun, objects, bytes, examples, actions);
    }
  }
}
