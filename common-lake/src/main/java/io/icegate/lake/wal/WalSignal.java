package io.icegate.lake.wal;

import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.schema.TableDefinition;
import java.util.Locale;

/** The signals with a WAL of their own; each feeds the table of the same name. */
public enum WalSignal {
  LOGS,
  SPANS,
  METRICS,
  EVENTS;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public TableDefinition table() {
    return switch (this) {
      case LOGS -> LakeTables.logs();
      case SPANS -> LakeTables.spans();
      case METRICS -> LakeTables.metrics();
      case EVENTS -> LakeTables.events();
    };
  }

  /**
   * The signal named {@code id}.
   *
   * @throws IllegalArgumentException naming the valid choices
   */
  public static WalSignal of(String id) {
    for (WalSignal signal : values()) {
      if (signal.id().equals(id)) {
        return signal;
      }
    }
    throw new IllegalArgumentException(
        "Unknown signal '" + id + "' (expected logs, spans, metrics or events)");
  }
}
