package io.icegate.ingest.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.view.LakeView;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LakeViewConsistencyTest {
  private static final TenantId TEAM_A = new TenantId("team-a");
  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final WalWriter wal = newWal();
  private final LakeView view = new LakeView(catalog(), store, Duration.ofMinutes(15));

  @AfterEach
  void closeWal() {
    wal.close();
  }

  @Test
  void acknowledgedRowsAreVisibleAtOnceAndOnceOnlyAfterShifting() {
    appendAll(0, 10, "team-a");
    appendAll(10, 5, "team-b");

    assertThat(bodies(LakeQuery.all(TEAM_A, WalSignal.LOGS))).hasSize(10);
    shifter().shiftOnce().orElseThrow();
    appendAll(15, 3, "team-a");
    wal.append(batch(3, "team-a"), 10).join(); // a retry of a shifted batch

    assertThat(bodies(LakeQuery.all(TEAM_A, WalSignal.LOGS)))
        .containsExactlyInAnyOrderElementsOf(expected("team-a", 0, 10, 15, 18));
  }

  @Test
  void tenantTimeRangeFilterAndProjectionApplyToTableAndWalAlike() {
    appendAll(0, 20, "team-a");
    shifter().shiftOnce().orElseThrow();
    appendAll(20, 20, "team-a");
    LakeQuery query =
        LakeQuery.all(TEAM_A, WalSignal.LOGS)
            .between(at(10), at(30))
            .where(Expressions.equal("service_name", "svc-1"))
            .select(List.of("body"));

    List<Record> rows = view.read(query);

    assertThat(rows).allSatisfy(row -> assertThat(row.struct().fields()).hasSize(1));
    assertThat(rows)
        .extracting(row -> row.getField("body"))
        .containsExactlyInAnyOrder("team-a 13", "team-a 17", "team-a 21", "team-a 25", "team-a 29");
    assertThat(bodies(LakeQuery.all(new TenantId("team-b"), WalSignal.LOGS))).isEmpty();
  }

  @Test
  void readersNeverMissAnAcknowledgedRowNorSeeOneTwiceWhileShifting() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    Set<String> sent = ConcurrentHashMap.newKeySet();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    try {
      Future<?> appender =
          pool.submit(
              () -> {
                for (int i = 0; i < 150; i++) {
                  String body = "team-a " + i;
                  sent.add(body);
                  CompletableFuture<Void> ack = wal.append(batch(i, "team-a"), 10);
                  ack.join();
                  acked.add(body);
                }
                return null;
              });
      Future<?> shifting =
          pool.submit(
              () -> {
                Shifter shifter = shifter();
                while (running.get()) {
                  shifter.shiftOnce();
                }
                return null;
              });
      int last = 0;
      int reads = 0;
      while (!appender.isDone() || reads < 5) {
        Set<String> ackedBefore = new HashSet<>(acked);
        List<String> visible = bodies(LakeQuery.all(TEAM_A, WalSignal.LOGS));
        Set<String> sentAfter = new HashSet<>(sent);

        assertThat(new HashSet<>(visible)).hasSameSizeAs(visible); // never twice
        assertThat(visible).containsAll(ackedBefore);
        assertThat(sentAfter).containsAll(visible);
        assertThat(visible.size()).isGreaterThanOrEqualTo(last);
        last = visible.size();
        reads++;
      }
      appender.get();
      running.set(false);
      shifting.get();
    } finally {
      running.set(false);
      pool.shutdownNow();
    }
    assertThat(bodies(LakeQuery.all(TEAM_A, WalSignal.LOGS)))
        .containsExactlyInAnyOrderElementsOf(sent);
  }

  private List<String> bodies(LakeQuery query) {
    return view.read(query).stream().map(row -> (String) row.getField("body")).toList();
  }

  private void appendAll(int from, int count, String tenant) {
    for (int i = from; i < from + count; i++) {
      wal.append(batch(i, tenant), 10).join();
    }
  }

  private static List<String> expected(String tenant, int... ranges) {
    List<String> bodies = new ArrayList<>();
    for (int r = 0; r < ranges.length; r += 2) {
      for (int i = ranges[r]; i < ranges[r + 1]; i++) {
        bodies.add(tenant + " " + i);
      }
    }
    return bodies;
  }

  private Shifter shifter() {
    return new Shifter(
        catalog().loadTable(LakeTables.logs().identifier()),
        store,
        WalSignal.LOGS,
        ShiftSettings.defaults());
  }

  private ObjectStoreCatalog catalog() {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, new LakeLocations("memory://lake"));
    catalog.initialize("lake", Map.of());
    new LakeTableCreator(catalog).createMissing();
    return catalog;
  }

  private WalWriter newWal() {
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of("lane-0", "lane-1"),
            16L << 20,
            Duration.ZERO,
            Duration.ofSeconds(30),
            64L << 20);
    return new WalWriter(store, WalSignal.LOGS, settings, lane -> 0, Clock.systemUTC());
  }

  private static Instant at(int second) {
    return OffsetDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC)
        .plusSeconds(second)
        .toInstant();
  }

  private static WalBatchRows batch(int n, String tenant) {
    GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
    row.setField("tenant_id", tenant);
    row.setField("timestamp", at(n).atOffset(ZoneOffset.UTC));
    row.setField("service_name", "svc-" + n % 4);
    row.setField("body", tenant + " " + n);
    String id = String.format("%016x%016x", n, tenant.hashCode());
    return new WalBatchRows(id, new TenantId(tenant), List.of(row));
  }
}
