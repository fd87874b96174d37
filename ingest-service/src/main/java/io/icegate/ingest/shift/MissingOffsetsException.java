package io.icegate.ingest.shift;

/**
 * The table has snapshots written by a shifter, but the current snapshot's ancestry carries no WAL
 * offsets (expired or rolled back): shifting from zero would store everything again, so the
 * signal's shifter stops until an operator repairs the table.
 */
public final class MissingOffsetsException extends IllegalStateException {
  public MissingOffsetsException(String message) {
    super(message);
  }
}
