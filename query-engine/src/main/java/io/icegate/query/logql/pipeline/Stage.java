package io.icegate.query.logql.pipeline;

/**
 * One stage of a LogQL log pipeline. A stage sees the entry's line and its labels, may change both,
 * and either passes the entry on or drops it. Stages are not thread-safe: a pipeline (and its
 * stages) serves one thread; build another for another thread.
 */
public interface Stage {
  /**
   * Processes one entry.
   *
   * @param timestampNanos the entry's time, nanoseconds since the epoch
   * @param line the current line
   * @param labels the entry's labels, changed in place
   * @return the line to pass on (possibly a new one), or null to drop the entry
   */
  String process(long timestampNanos, String line, LabelsBuilder labels);
}
