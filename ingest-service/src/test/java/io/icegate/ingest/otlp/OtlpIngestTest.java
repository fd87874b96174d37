package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpRequests.log;
import static io.icegate.ingest.otlp.OtlpRequests.logs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.JsonFormat;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalSignal;
import io.icegate.proto.v1.WalBatch;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receivers' shared path over real WAL writers: batch ids, limits, rate and refusals. */
class OtlpIngestTest {
  private static final TenantId TEAM = new TenantId("team-a");

  private final SwitchableWalSink sink = new SwitchableWalSink();
  private final AtomicLong nanos = new AtomicLong();
  private OtlpIngest ingest = ingest(IngestLimits.defaults());

  @AfterEach
  void close() {
    sink.close();
  }

  @Test
  void sameRequestGetsTheSameBatchIdWhateverItsEncoding() throws Exception {
    ExportLogsServiceRequest request = logs("one", "two");
    ExportLogsServiceRequest fromJson =
        OtlpJson.decodeLogs(JsonFormat.printer().print(request).getBytes());

    ingest.logs(TEAM, request).join();
    ingest.logs(TEAM, request).join();
    ingest.logs(TEAM, fromJson).join();
    ingest.logs(new TenantId("team-b"), request).join();

    String expected = BatchIds.of(TEAM, WalSignal.LOGS, request.toByteArray());
    assertThat(sink.batches(WalSignal.LOGS))
        .extracting(WalBatch::getBatchId)
        .containsExactly(
            expected,
            expected,
            expected,
            BatchIds.of(new TenantId("team-b"), WalSignal.LOGS, request.toByteArray()));
    assertThat(expected).matches("[0-9a-f]{32}");
  }

  @Test
  void logsAndEventsOfOneRequestAreSeparateBatches() {
    ExportLogsServiceRequest request =
        logs(log("plain"), log("clicked").toBuilder().setEventName("browser.click").build());

    IngestResult result = ingest.logs(TEAM, request).join();

    assertThat(result).isEqualTo(new IngestResult(0, java.util.Optional.empty()));
    WalBatch logBatch = sink.batches(WalSignal.LOGS).get(0);
    WalBatch eventBatch = sink.batches(WalSignal.EVENTS).get(0);
    assertThat(logBatch.getRowCount()).isEqualTo(1);
    assertThat(eventBatch.getRowCount()).isEqualTo(1);
    assertThat(logBatch.getBatchId()).isNotEqualTo(eventBatch.getBatchId());
    assertThat(eventBatch.getBatchId())
        .isEqualTo(BatchIds.of(TEAM, WalSignal.EVENTS, request.toByteArray()));
  }

  @Test
  void walRefusalIsRetryableUnavailable() {
    sink.mode(SwitchableWalSink.Mode.REFUSE);

    assertThatThrownBy(() -> ingest.logs(TEAM, logs("a")).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            IngestRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(IngestRejectedException.Reason.UNAVAILABLE);
              assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1));
            })
        .hasMessage("Cannot append: the logs WAL is full");
  }

  @Test
  void tenantOverItsRateIsRefusedUntilTheBucketRefills() {
    ingest = ingest(limits(1 << 20, 1000, 1000));
    ExportLogsServiceRequest request = logs("x".repeat(600));

    ingest.logs(TEAM, request).join();
    assertThatThrownBy(() -> ingest.logs(TEAM, request))
        .isInstanceOfSatisfying(
            IngestRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(IngestRejectedException.Reason.RATE_LIMITED);
              assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1));
            })
        .hasMessage(
            "Cannot accept request: tenant 'team-a' is over its ingest rate of 1000 bytes/s");
    // Other tenants have their own bucket; this one refills with time.
    ingest.logs(new TenantId("team-b"), request).join();
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    ingest.logs(TEAM, request).join();
    assertThat(sink.batches(WalSignal.LOGS)).hasSize(3);
  }

  @Test
  void bytesInFlightAreBounded() {
    ingest = ingest(limits(1000, 1 << 20, 1 << 20));
    sink.mode(SwitchableWalSink.Mode.HOLD);
    CompletableFuture<IngestResult> first = ingest.logs(TEAM, logs("x".repeat(600)));

    assertThatThrownBy(() -> ingest.logs(TEAM, logs("y".repeat(600))))
        .isInstanceOfSatisfying(
            IngestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(IngestRejectedException.Reason.UNAVAILABLE))
        .hasMessage("Cannot accept request: 1000 bytes already in flight");
    sink.release();
    first.join();
    ingest.logs(TEAM, logs("y".repeat(600))).join();
  }

  @Test
  void wholeRequestRefusalStoresNothing() {
    ingest = ingest(IngestLimits.defaults());
    ExportLogsServiceRequest deep =
        logs(log("ok"), log("deep", OtlpValues.kv("tree", OtlpValues.nested(33))));

    assertThatThrownBy(() -> ingest.logs(TEAM, deep))
        .isInstanceOf(IngestRejectedException.class)
        .hasMessage(
            "Cannot accept request: log record attribute 'tree' nests arrays/kvlists deeper than"
                + " the limit of 32 levels");
    assertThat(sink.batches(WalSignal.LOGS)).isEmpty();
  }

  private OtlpIngest ingest(IngestLimits limits) {
    return new OtlpIngest(
        sink,
        limits,
        Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
        nanos::get);
  }

  private static IngestLimits limits(long inFlight, long rate, long burst) {
    IngestLimits d = IngestLimits.defaults();
    return new IngestLimits(
        d.maxRequestBytes(),
        d.maxDecompressedBytes(),
        d.maxAttributesPerRecord(),
        d.maxAttributeValueLength(),
        d.maxAnyValueNesting(),
        inFlight,
        rate,
        burst,
        d.retryAfter());
  }
}
