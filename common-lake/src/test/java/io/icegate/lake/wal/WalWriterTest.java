package io.icegate.lake.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.proto.v1.WalBatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class WalWriterTest {
  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final WalReader reader = new WalReader(store);

  @Test
  void appendCompletesWhenItsSegmentIsDurable() {
    try (WalWriter writer = writer(List.of("lane-a"), Duration.ofMillis(20), l -> 0)) {
      WalBatchRows batch = batch(1, "team-a", "hello");

      writer.append(batch, 100).join();

      List<SegmentId> segments = reader.segmentsAfter(WalSignal.LOGS, "lane-a", 0);
      assertThat(segments).extracting(SegmentId::seq).containsExactly(1L);
      WalSegment segment = reader.read(segments.get(0));
      assertThat(segment.footer().getBatchesList())
          .extracting(WalBatch::getBatchId)
          .containsExactly(batch.batchId());
      assertThat(segment.rows(LakeTables.logs().schema())).isEqualTo(batch.rows());
    }
  }

  @Test
  void concurrentAppendsShareOneSegment() {
    try (WalWriter writer = writer(List.of("lane-a"), Duration.ofMillis(300), l -> 0)) {
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        WalBatchRows batch = batch(i, "team-" + (i % 2), "line " + i);
        ids.add(batch.batchId());
        acks.add(writer.append(batch, 100));
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();

      List<SegmentId> segments = reader.segmentsAfter(WalSignal.LOGS, "lane-a", 0);
      assertThat(segments).hasSize(1);
      assertThat(reader.read(segments.get(0)).footer().getBatchesList())
          .extracting(WalBatch::getBatchId)
          .containsExactlyElementsOf(ids);
    }
  }

  @Test
  void laneContinuesAfterHighestListedSeqAndCommittedOffset() {
    store.put(new SegmentId(WalSignal.LOGS, "lane-a", 5).key(), new byte[] {1});

    try (WalWriter writer = writer(List.of("lane-a", "lane-b"), Duration.ZERO, l -> 0)) {
      assertThat(writer.nextSeqs()).containsEntry("lane-a", 6L).containsEntry("lane-b", 1L);
    }
    try (WalWriter writer =
        writer(List.of("lane-a", "lane-b"), Duration.ZERO, l -> l.equals("lane-b") ? 9 : 3)) {
      assertThat(writer.nextSeqs()).containsEntry("lane-a", 6L).containsEntry("lane-b", 10L);
    }
  }

  @Test
  void foreignSegmentOnOurLaneIsNeverOverwritten() {
    try (WalWriter writer = writer(List.of("lane-a"), Duration.ZERO, l -> 0)) {
      // Another process configured with the same lane wins seq 1 after we started.
      String foreign = new SegmentId(WalSignal.LOGS, "lane-a", 1).key();
      store.put(foreign, "someone else".getBytes(StandardCharsets.UTF_8));

      writer.append(batch(1, "team-a", "ours"), 10).join();

      assertThat(new String(store.get(foreign), StandardCharsets.UTF_8)).isEqualTo("someone else");
      assertThat(reader.segmentsAfter(WalSignal.LOGS, "lane-a", 1))
          .extracting(SegmentId::seq)
          .containsExactly(2L);
    }
  }

  @Test
  void appendsBeyondTheInFlightBoundAreRefused() {
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of("lane-a"), 1_000, Duration.ofHours(1), Duration.ofSeconds(3), 1_000);
    try (WalWriter writer = new WalWriter(store, WalSignal.LOGS, settings, l -> 0, clock())) {
      CompletableFuture<Void> first = writer.append(batch(1, "t", "a"), 600);
      CompletableFuture<Void> second = writer.append(batch(2, "t", "b"), 600);

      assertThat(second)
          .failsWithin(Duration.ofSeconds(1))
          .withThrowableThat()
          .withCauseInstanceOf(WalAppendException.class)
          .withMessageContaining("Cannot append: the logs WAL has 1000 bytes in flight");
      assertThat(first).isNotDone();
    }
  }

  private WalWriter writer(
      List<String> lanes, Duration flushInterval, java.util.function.ToLongFunction<String> off) {
    WalWriterSettings settings =
        new WalWriterSettings(lanes, 16L << 20, flushInterval, Duration.ofSeconds(3), 64L << 20);
    return new WalWriter(store, WalSignal.LOGS, settings, off, clock());
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }

  static WalBatchRows batch(int n, String tenant, String body) {
    GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
    row.setField("tenant_id", tenant);
    row.setField("timestamp", OffsetDateTime.of(2026, 11, 25, 12, 0, n % 60, 0, ZoneOffset.UTC));
    row.setField("body", body);
    byte[] id = new byte[16];
    id[0] = (byte) n;
    id[15] = (byte) tenant.hashCode();
    List<Record> rows = List.of(row);
    return new WalBatchRows(HexFormat.of().formatHex(id), new TenantId(tenant), rows);
  }
}
