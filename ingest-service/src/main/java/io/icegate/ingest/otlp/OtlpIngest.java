package io.icegate.ingest.otlp;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalAppendException;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.iceberg.data.Record;

/**
 * What both receivers do with a decoded OTLP request of a known tenant: bound the bytes in flight,
 * charge the tenant's rate, apply the attribute limits, map to rows, and append one batch per
 * signal to the WAL. The future completes only when every batch is durable.
 *
 * <p>Whole-request refusals throw (or fail the future with) {@link IngestRejectedException};
 * nothing of such a request is appended.
 */
@Singleton
public final class OtlpIngest {
  private final WalSink sink;
  private final IngestLimits limits;
  private final RequestLimits requestLimits;
  private final TenantRateLimiter rates;
  private final Semaphore inFlight;
  private final Clock clock;
  private final LogRecordMapper logs = new LogRecordMapper();
  private final SpanMapper spans = new SpanMapper();
  private final MetricPointMapper metrics = new MetricPointMapper();

  @Inject
  public OtlpIngest(WalSink sink, IngestLimits limits) {
    this(sink, limits, Clock.systemUTC(), System::nanoTime);
  }

  OtlpIngest(WalSink sink, IngestLimits limits, Clock clock, LongSupplier nanoClock) {
    this.sink = requireNonNull(sink, "sink is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.requestLimits = new RequestLimits(limits);
    this.rates =
        new TenantRateLimiter(
            limits.tenantRateBytesPerSecond(), limits.tenantBurstBytes(), nanoClock);
    this.inFlight =
        new Semaphore(Math.toIntExact(Math.min(limits.maxInFlightBytes(), Integer.MAX_VALUE)));
    this.clock = requireNonNull(clock, "clock is null");
  }

  public CompletableFuture<IngestResult> logs(TenantId tenant, ExportLogsServiceRequest request) {
    return ingest(
        tenant, request, now -> logs.map(tenant.value(), requestLimits.apply(request), now));
  }

  public CompletableFuture<IngestResult> traces(
      TenantId tenant, ExportTraceServiceRequest request) {
    return ingest(
        tenant, request, now -> spans.map(tenant.value(), requestLimits.apply(request), now));
  }

  public CompletableFuture<IngestResult> metrics(
      TenantId tenant, ExportMetricsServiceRequest request) {
    return ingest(
        tenant, request, now -> metrics.map(tenant.value(), requestLimits.apply(request), now));
  }

  public IngestLimits limits() {
    return limits;
  }

  private CompletableFuture<IngestResult> ingest(
      TenantId tenant, Message request, Function<Instant, MappedRows> mapping) {
    requireNonNull(tenant, "tenant is null");
    long bytes = request.getSerializedSize();
    int permits = (int) Math.max(1, Math.min(bytes, limits.maxInFlightBytes()));
    if (!inFlight.tryAcquire(permits)) {
      throw IngestRejectedException.retryable(
          IngestRejectedException.Reason.UNAVAILABLE,
          "Cannot accept request: " + limits.maxInFlightBytes() + " bytes already in flight",
          limits.retryAfter());
    }
    try {
      Optional<Duration> wait = rates.tryAcquire(tenant, bytes);
      if (wait.isPresent()) {
        throw IngestRejectedException.retryable(
            IngestRejectedException.Reason.RATE_LIMITED,
            "Cannot accept request: tenant '"
                + tenant
                + "' is over its ingest rate of "
                + limits.tenantRateBytesPerSecond()
                + " bytes/s",
            wholeSeconds(wait.get()));
      }
      MappedRows rows = mapping.apply(clock.instant());
      CompletableFuture<IngestResult> done = append(tenant, request, bytes, rows);
      done.whenComplete((ok, error) -> inFlight.release(permits));
      return done;
    } catch (RuntimeException e) {
      inFlight.release(permits);
      throw e;
    }
  }

  private CompletableFuture<IngestResult> append(
      TenantId tenant, Message request, long bytes, MappedRows rows) {
    IngestResult result = new IngestResult(rows.rejectedCount(), rows.firstRejection());
    long total = rows.rowsByTable().values().stream().mapToLong(List::size).sum();
    if (total == 0) {
      return CompletableFuture.completedFuture(result);
    }
    byte[] canonical = request.toByteArray();
    List<CompletableFuture<Void>> appends = new ArrayList<>();
    for (Map.Entry<String, List<Record>> table : rows.rowsByTable().entrySet()) {
      if (table.getValue().isEmpty()) {
        continue;
      }
      WalSignal signal = WalSignal.of(table.getKey());
      WalBatchRows batch =
          new WalBatchRows(BatchIds.of(tenant, signal, canonical), tenant, table.getValue());
      long share = Math.max(1, bytes * table.getValue().size() / total);
      try {
        appends.add(sink.append(signal, batch, share));
      } catch (WalAppendException e) {
        appends.add(CompletableFuture.failedFuture(e));
      }
    }
    return CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new))
        .handle(
            (ok, error) -> {
              if (error == null) {
                return result;
              }
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof WalAppendException) {
                throw new IngestRejectedException(
                    IngestRejectedException.Reason.UNAVAILABLE,
                    cause.getMessage(),
                    Optional.of(limits.retryAfter()),
                    cause);
              }
              throw new CompletionException(cause);
            });
  }

  private static Duration wholeSeconds(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Duration.ofSeconds(seconds);
  }
}
