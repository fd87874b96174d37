package io.icegate.query.http.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import io.icegate.query.LakeStack.Answer;
import io.icegate.query.TelemetryFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP face of SQL: both body forms, JSON and Arrow answers, errors with positions and never a
 * stack trace, limits as 422, health, readiness and metrics on the query port. The service runs
 * with {@code icegate.query.max-result-rows=5}.
 */
class SqlApiTest {
  @TempDir static Path root;
  private static LakeStack stack;

  @BeforeAll
  static void start() {
    stack = LakeStack.start(root, Map.of("icegate.query.max-result-rows", 5));
    TelemetryFixture.send(stack, "acme", "");
    stack.shift(WalSignal.SPANS);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void jsonBodyAndTextBodyGiveTheSameAnswer() {
    String sql = "SELECT service_name, COUNT(*) FROM logs GROUP BY service_name ORDER BY 1";
    Answer text =
        stack.post(
            "/api/v1/sql", bytes(sql), "Content-Type", "text/plain", "X-Scope-OrgID", "acme");
    Answer json =
        stack.post(
            "/api/v1/sql",
            bytes("{\"query\": \"" + sql + "\"}"),
            "Content-Type",
            "application/json",
            "X-Scope-OrgID",
            "acme");
    assertThat(text.rows()).containsExactly(List.of("cart", 3L), List.of("checkout", 6L));
    assertThat(json.rows()).isEqualTo(text.rows());
    assertThat(json.text())
        .contains("\"columns\":[{\"name\":\"service_name\",\"type\":\"VARCHAR\"}");
  }

  @Test
  void arrowStreamAnswer() throws Exception {
    Answer answer =
        stack.post(
            "/api/v1/sql",
            bytes(
                "SELECT name, trace_id, \"timestamp\", duration_nanos, attributes FROM spans"
                    + " ORDER BY \"timestamp\""),
            "Accept",
            "application/vnd.apache.arrow.stream",
            "X-Scope-OrgID",
            "acme");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.headers().get("content-type"))
        .anySatisfy(type -> assertThat(type).startsWith("application/vnd.apache.arrow.stream"));
    List<String> names = new ArrayList<>();
    List<Long> durations = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader =
            new ArrowStreamReader(new ByteArrayInputStream(answer.body()), allocator)) {
      VectorSchemaRoot batch = reader.getVectorSchemaRoot();
      assertThat(batch.getSchema().findField("duration_nanos").getType())
          .isEqualTo(new ArrowType.Int(64, true));
      assertThat(batch.getSchema().findField("timestamp").getType())
          .isEqualTo(
              new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MILLISECOND, "UTC"));
      assertThat(batch.getSchema().findField("trace_id").getType())
          .isEqualTo(ArrowType.Binary.INSTANCE);
      assertThat(batch.getSchema().findField("attributes").getType())
          .isInstanceOf(ArrowType.Map.class);
      while (reader.loadNextBatch()) {
        for (int i = 0; i < batch.getRowCount(); i++) {
          names.add(batch.getVector("name").getObject(i).toString());
          durations.add((Long) batch.getVector("duration_nanos").getObject(i));
        }
      }
    }
    assertThat(names).containsExactly("POST /pay", "GET /health", "GET /cart");
    assertThat(durations).containsExactly(250_000_000L, 2_000_000L, 40_000_000L);
  }

  @Test
  void parseErrorIs400WithThePosition() {
    Answer answer = stack.sql("acme", "SELECT body\nFROM logs WHERE");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text())
        .contains("\"errorType\":\"bad_data\"")
        .contains("Cannot parse query")
        .contains("\"position\":{\"line\":2,\"column\":")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void unknownColumnIs400WithItsPosition() {
    Answer answer = stack.sql("acme", "SELECT nope FROM logs");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text())
        .contains(
            "Cannot validate query: From line 1, column 8 to line 1, column 11: Column 'nope'")
        .contains("\"position\":{\"line\":1,\"column\":8,\"endLine\":1,\"endColumn\":11}");
  }

  @Test
  void failureWhileRunningIs422() {
    Answer answer = stack.sql("acme", "SELECT CAST(body AS INTEGER) FROM logs");
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.text()).contains("\"errorType\":\"execution\"").doesNotContain("\tat ");
  }

  @Test
  void badBodiesAre400() {
    assertThat(stack.post("/api/v1/sql", bytes(""), "Content-Type", "text/plain").status())
        .isEqualTo(400);
    Answer notJson =
        stack.post("/api/v1/sql", bytes("{\"query\": "), "Content-Type", "application/json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.text()).contains("not valid JSON");
    Answer noQuery =
        stack.post(
            "/api/v1/sql", bytes("{\"sql\": \"SELECT 1\"}"), "Content-Type", "application/json");
    assertThat(noQuery.status()).isEqualTo(400);
    assertThat(noQuery.text()).contains("\\\"query\\\" string");
  }

  @Test
  void resultRowLimitIs422NamingTheSetting() {
    assertThat(stack.sql("acme", "SELECT body FROM logs LIMIT 5").rows()).hasSize(5);
    Answer answer = stack.sql("acme", "SELECT body FROM logs");
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.text())
        .contains("\"errorType\":\"limit\"")
        .contains("more than 5 rows")
        .contains("icegate.query.max-result-rows");
  }

  @Test
  void explainShowsFiltersAndProjectionsPushedIntoTheScan() {
    Answer answer =
        stack.sql("acme", "EXPLAIN PLAN FOR SELECT body FROM logs WHERE service_name = 'cart'");
    String plan = answer.rows().get(0).get(0).toString();
    assertThat(plan).contains("BindableTableScan").contains("filters=").contains("projects=");
  }

  @Test
  void readyHealthAndMetrics() {
    Answer ready = stack.get("/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.text()).isEqualTo("ready");
    Answer readiness = stack.get("/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.text()).contains("\"status\":\"UP\"");
    assertThat(stack.get("/info").text()).contains("\"service\":\"query\"");

    stack.sql("acme", "SELECT COUNT(*) FROM logs").rows();
    stack.sql("acme", "SELECT nope FROM logs");
    String metrics = stack.get("/metrics").text();
    assertThat(metrics)
        .contains("icegate_query_requests_total{api=\"sql\",outcome=\"ok\"}")
        .contains("icegate_query_requests_total{api=\"sql\",outcome=\"bad_data\"}")
        .contains("icegate_query_duration_seconds_count{api=\"sql\"}")
        .contains("icegate_query_bytes_scanned_bytes_total{api=\"sql\"}")
        .contains("icegate_query_rows_scanned_total{api=\"sql\"}");
  }

  @Test
  void theQueryPortServesNoIngestRoutes() {
    assertThat(stack.post("/v1/logs", new byte[0]).status()).isEqualTo(404);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
