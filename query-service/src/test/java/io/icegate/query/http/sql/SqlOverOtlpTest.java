package io.icegate.query.http.sql;

import static io.icegate.query.TelemetryFixture.TRACE_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import io.icegate.query.TelemetryFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL over telemetry sent through the OpenTelemetry SDK's OTLP exporters (see {@link
 * TelemetryFixture}); half of it shifted into Iceberg, so every query reads table and WAL rows.
 * Another tenant holds the same shape of data with its bodies marked; none of it may show.
 */
class SqlOverOtlpTest {
  @TempDir static Path root;
  private static LakeStack stack;

  @BeforeAll
  static void start() {
    stack = LakeStack.start(root, Map.of());
    TelemetryFixture.send(stack, "acme", "");
    TelemetryFixture.send(stack, "evil", "TOPSECRET ");
    stack.shift(WalSignal.LOGS);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static List<List<Object>> rows(String sql) {
    return stack.sql("acme", sql).rows();
  }

  @Test
  void groupByService() {
    assertThat(
            rows(
                "SELECT service_name, COUNT(*) AS n FROM logs GROUP BY service_name ORDER BY"
                    + " service_name"))
        .containsExactly(List.of("cart", 3L), List.of("checkout", 6L));
  }

  @Test
  void timeBuckets() {
    assertThat(
            rows(
                "SELECT FLOOR(\"timestamp\" TO MINUTE) AS bucket, COUNT(*) FROM logs"
                    + " GROUP BY FLOOR(\"timestamp\" TO MINUTE) ORDER BY bucket"))
        .containsExactly(List.of("2026-11-25T10:00:00Z", 4L), List.of("2026-11-25T10:01:00Z", 5L));
  }

  @Test
  void attributeMapAccess() {
    assertThat(
            rows(
                "SELECT attributes['http.route'] AS route, COUNT(*) FROM logs"
                    + " WHERE severity_text = 'ERROR' GROUP BY attributes['http.route']"
                    + " ORDER BY route"))
        .containsExactly(List.of("/cart", 1L), List.of("/pay", 2L));
  }

  @Test
  void orderByLimit() {
    assertThat(rows("SELECT body FROM logs ORDER BY \"timestamp\" DESC LIMIT 3"))
        .containsExactly(List.of("checkout 5"), List.of("cart 2"), List.of("checkout 4"));
  }

  @Test
  void spansJoinLogsByTraceId() {
    assertThat(
            rows(
                "SELECT s.name, l.body, l.trace_id FROM spans s JOIN logs l"
                    + " ON s.trace_id = l.trace_id AND s.span_id = l.span_id ORDER BY l.body"))
        .containsExactly(
            List.of("GET /cart", "cart 0", TRACE_1), List.of("POST /pay", "checkout 0", TRACE_1));
  }

  @Test
  void pointLookupByTraceId() {
    assertThat(
            rows(
                "SELECT name, duration_nanos FROM spans WHERE trace_id = X'"
                    + TelemetryFixture.TRACE_2
                    + "'"))
        .containsExactly(List.of("GET /health", 2_000_000L));
  }

  @Test
  void timeRangeFilter() {
    assertThat(
            rows(
                "SELECT COUNT(*) FROM logs WHERE \"timestamp\" >= TIMESTAMP '2026-11-25 10:00:30'"
                    + " AND \"timestamp\" < TIMESTAMP '2026-11-25 10:01:20'"))
        .containsExactly(List.of(4L));
  }

  @Test
  void likeFilter() {
    assertThat(rows("SELECT COUNT(*) FROM logs WHERE body LIKE '%out 1%'"))
        .containsExactly(List.of(1L));
  }

  @Test
  void likePatternsOnProjectedAndOtherColumns() {
    assertThat(rows("SELECT body FROM logs WHERE body LIKE 'c_rt %' ORDER BY body"))
        .containsExactly(List.of("cart 0"), List.of("cart 1"), List.of("cart 2"));
    assertThat(
            rows(
                "SELECT service_name, COUNT(*) FROM logs WHERE body LIKE 'checkout%'"
                    + " AND body NOT LIKE '%5' AND severity_text LIKE '%RO%' GROUP BY service_name"))
        .containsExactly(List.of("checkout", 3L));
  }
}
