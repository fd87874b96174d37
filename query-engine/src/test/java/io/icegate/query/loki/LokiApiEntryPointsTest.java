package io.icegate.query.loki;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.logql.metric.LokiMetricLimits;
import io.icegate.query.logql.metric.MetricResult;
import io.icegate.query.series.Point;
import io.icegate.query.series.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.data.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Loki entry points as the benchmarks and an in-process rule evaluator call them: parsed values
 * in, results out, no HTTP. Six lines of one tenant, all still in the WAL: line {@code n} at {@code
 * DAY + n s}, service {@code svc-(n % 2)}, body {@code error n} for n < 3, else {@code ok n}.
 */
class LokiApiEntryPointsTest {
  private static final Instant DAY = Instant.parse("2026-11-25T12:00:00Z");
  private static final long T0 = DAY.getEpochSecond() * 1_000_000_000L;
  private static final long S = 1_000_000_000L;
  private static final TenantId TENANT = new TenantId("team-a");

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final LakeLocations locations = new LakeLocations("memory://lake");
  private final LakeScanner scanner =
      new LakeScanner(store, locations, "lake", Map.of(), Duration.ofMinutes(15));
  private final LokiApi api =
      new LokiApi(
          scanner,
          QueryLimits.defaults(),
          LokiConfiguration.defaults(),
          LokiMetricLimits.defaults());

  @BeforeEach
  void appendLines() {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
    catalog.initialize("lake", Map.of());
    new LakeTableCreator(catalog).createMissing();
    try (WalWriter wal =
        new WalWriter(
            store,
            WalSignal.LOGS,
            WalWriterSettings.defaults(List.of("lane-0")),
            lane -> 0,
            Clock.systemUTC())) {
      for (int n = 0; n < 6; n++) {
        GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
        row.setField("tenant_id", TENANT.value());
        row.setField("timestamp", DAY.plusSeconds(n).atOffset(ZoneOffset.UTC));
        row.setField("service_name", "svc-" + n % 2);
        row.setField("resource_attributes", Map.of("service.name", "svc-" + n % 2));
        row.setField("body", (n < 3 ? "error " : "ok ") + n);
        String id = String.format("%032x", n + 1);
        wal.append(new WalBatchRows(id, TENANT, List.of(row)), 10).join();
      }
    }
  }

  @AfterEach
  void close() {
    scanner.close();
  }

  @Test
  void queryRangeAnswersALogQueryNewestFirst() {
    LokiResult result =
        api.queryRange(
            TENANT,
            "{service_name=\"svc-0\"} |= \"error\"",
            T0,
            T0 + 60 * S,
            S,
            100,
            Direction.BACKWARD,
            false);

    assertThat(result).isInstanceOf(LokiResult.Streams.class);
    LokiStreams streams = ((LokiResult.Streams) result).streams();
    assertThat(streams.streams())
        .allSatisfy(stream -> assertThat(stream.labels()).containsEntry("service_name", "svc-0"));
    assertThat(
            streams.streams().stream()
                .flatMap(stream -> stream.entries().stream())
                .sorted(Comparator.comparingLong(LogEntry::timestampNanos).reversed())
                .map(LogEntry::line))
        .containsExactly("error 2", "error 0");
    assertThat(result.stats().rowsScanned()).isPositive();
    assertThat(result.stats().entriesReturned()).isEqualTo(2);
  }

  @Test
  void queryRangeEvaluatesAMetricQueryAtEveryStep() {
    LokiResult result =
        api.queryRange(
            TENANT,
            "sum by (service_name) (count_over_time({service_name=~\"svc-.+\"} [1m]))",
            T0,
            T0 + 60 * S,
            60 * S,
            100,
            Direction.BACKWARD,
            false);

    assertThat(result).isInstanceOf(LokiResult.Metric.class);
    MetricResult.Matrix matrix = (MetricResult.Matrix) ((LokiResult.Metric) result).result();
    Map<String, List<Point>> series = new TreeMap<>();
    for (Series one : matrix.series()) {
      series.put(one.labels().toString(), one.points());
    }
    long t0Ms = T0 / 1_000_000;
    // Windows (t - 1m, t]: line 0 at T0, lines 1-5 in the next minute.
    assertThat(series)
        .containsExactly(
            Map.entry(
                "{service_name=\"svc-0\"}",
                List.of(new Point(t0Ms, 1), new Point(t0Ms + 60_000, 2))),
            Map.entry("{service_name=\"svc-1\"}", List.of(new Point(t0Ms + 60_000, 3))));
  }

  @Test
  void instantQueryLooksBackSinceTheTime() {
    LokiResult result =
        api.query(
            TENANT, "{service_name=\"svc-1\"}", T0 + 4 * S, 2 * S, 100, Direction.FORWARD, false);

    assertThat(
            ((LokiResult.Streams) result)
                .streams().streams().stream()
                    .flatMap(stream -> stream.entries().stream())
                    .map(LogEntry::line))
        .containsExactly("ok 3");
  }

  @Test
  void metadataCallsListLabelsValuesAndSeries() {
    List<LabelMatcher> all = LokiQueries.selectorOf("{service_name=~\"svc-.+\"}");

    assertThat(api.labels(TENANT, all, T0, T0 + 60 * S).result()).contains("service_name");
    assertThat(api.labelValues(TENANT, "service_name", all, T0, T0 + 60 * S).result())
        .containsExactly("svc-0", "svc-1");
    assertThat(
            api.series(
                    TENANT,
                    List.of(LokiQueries.selector("{service_name=\"svc-1\"}")),
                    T0,
                    T0 + 60 * S)
                .result())
        .singleElement()
        .satisfies(labels -> assertThat(labels).containsEntry("service_name", "svc-1"));
  }

  @Test
  void anotherTenantSeesNothing() {
    LokiResult result =
        api.queryRange(
            new TenantId("team-b"),
            "{service_name=~\"svc-.+\"}",
            T0,
            T0 + 60 * S,
            S,
            100,
            Direction.BACKWARD,
            false);

    assertThat(((LokiResult.Streams) result).streams().streams()).isEmpty();
  }

  @Test
  void formatQueryNeedsNoTenant() {
    assertThat(
            LokiApi.formatQuery(
                "sum   by(service_name)(count_over_time({service_name=\"a\"}|=\"x\"[5m]))"))
        .isEqualTo("sum by (service_name) (count_over_time({service_name=\"a\"} |= \"x\"[5m]))");
  }
}
