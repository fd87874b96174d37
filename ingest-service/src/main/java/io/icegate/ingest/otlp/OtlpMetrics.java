package io.icegate.ingest.otlp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Counters of the OTLP receivers on {@code /metrics}: requests by transport, signal and outcome
 * ({@code ok}, {@code partial}, or the refusal reason such as {@code invalid} or {@code
 * rate_limited}), and records rejected inside accepted requests.
 */
@Singleton
final class OtlpMetrics {
  private final MeterRegistry registry;

  OtlpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void accepted(String transport, String signal, IngestResult result) {
    request(transport, signal, result.rejected() > 0 ? "partial" : "ok");
    if (result.rejected() > 0) {
      Counter.builder("icegate.ingest.records.rejected")
          .description("OTLP records rejected inside accepted requests (partial_success)")
          .tag("signal", signal)
          .register(registry)
          .increment(result.rejected());
    }
  }

  /** Counts a refused or failed request; returns {@code error} for chaining. */
  <T extends Throwable> T failed(String transport, String signal, T error) {
    String outcome =
        error instanceof IngestRejectedException rejected
            ? rejected.reason().name().toLowerCase(java.util.Locale.ROOT)
            : "error";
    request(transport, signal, outcome);
    return error;
  }

  private void request(String transport, String signal, String outcome) {
    Counter.builder("icegate.ingest.requests")
        .description("OTLP export requests by transport, signal and outcome")
        .tag("transport", transport)
        .tag("signal", signal)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
