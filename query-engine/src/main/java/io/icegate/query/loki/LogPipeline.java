package io.icegate.query.loki;

import java.util.Optional;

/**
 * The stages after the selector and the pushed line filters: an entry in, the entry out or none.
 */
@FunctionalInterface
public interface LogPipeline {
  LogPipeline NONE = Optional::of;

  Optional<LogEntry> apply(LogEntry entry);
}
