package io.icegate.ingest.otlp;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The answer to an accepted OTLP request: everything not rejected is durable in the WAL; {@code
 * rejected} records (log records, spans or data points) were not stored, for the reason in {@code
 * message} (OTLP {@code partial_success}).
 */
public record IngestResult(long rejected, Optional<String> message) {
  public IngestResult {
    requireNonNull(message, "message is null");
    if (rejected < 0) {
      throw new IllegalArgumentException("Invalid rejected count: " + rejected);
    }
  }
}
