package io.icegate.query.http.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import io.icegate.query.LakeStack.Answer;
import io.icegate.query.TelemetryFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No SQL construct returns another tenant's rows. Tenant {@code evil} holds the same telemetry as
 * {@code acme}, every body marked {@value #MARKER}; half of each is shifted into Iceberg, half
 * still in the WAL. Each test runs one construct as {@code acme} and checks the whole answer for
 * the marker, and where the query is valid, the exact rows.
 */
class SqlIsolationTest {
  private static final String MARKER = "TOPSECRET";
  private static final List<String> ACME_BODIES =
      List.of(
          "cart 0",
          "cart 1",
          "cart 2",
          "checkout 0",
          "checkout 1",
          "checkout 2",
          "checkout 3",
          "checkout 4",
          "checkout 5");

  @TempDir static Path root;
  private static LakeStack stack;

  @BeforeAll
  static void start() {
    stack = LakeStack.start(root, Map.of());
    TelemetryFixture.send(stack, "acme", "");
    TelemetryFixture.send(stack, "evil", MARKER + " ");
    stack.shift(WalSignal.LOGS);
    TelemetryFixture.send(stack, "evil", MARKER + " wal ");
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static Answer acme(String sql) {
    Answer answer = stack.sql("acme", sql);
    // Error messages may echo the query's identifiers ("evil"), never the other tenant's data.
    assertThat(answer.text()).doesNotContain(MARKER);
    return answer;
  }

  private static List<Object> firstColumn(Answer answer) {
    return answer.rows().stream().map(row -> row.get(0)).toList();
  }

  private static void assertRejected(Answer answer) {
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).startsWith("{\"status\":\"error\"").doesNotContain("\tat ");
  }

  @Test
  void theOtherTenantHasMarkedRowsSoTheseTestsCanFail() {
    Answer evil = stack.sql("evil", "SELECT body FROM logs");
    assertThat(evil.rows()).hasSize(18);
    assertThat(evil.text()).contains(MARKER);
  }

  @Test
  void plainSelectHasNoTenantColumn() {
    Answer answer = acme("SELECT * FROM logs");
    assertThat(answer.rows()).hasSize(9);
    assertThat(answer.text()).doesNotContain("tenant_id");
  }

  @Test
  void subqueries() {
    assertThat(
            firstColumn(
                acme("SELECT body FROM logs WHERE body IN (SELECT body FROM logs) ORDER BY body")))
        .containsExactlyElementsOf(ACME_BODIES);
    assertThat(firstColumn(acme("SELECT b FROM (SELECT body AS b FROM logs) t ORDER BY b")))
        .containsExactlyElementsOf(ACME_BODIES);
    assertThat(firstColumn(acme("SELECT (SELECT COUNT(*) FROM logs) AS n"))).containsExactly(9L);
    assertThat(
            firstColumn(
                acme(
                    "SELECT COUNT(*) FROM logs l WHERE EXISTS"
                        + " (SELECT 1 FROM spans s WHERE s.trace_id = l.trace_id)")))
        .containsExactly(2L);
  }

  @Test
  void commonTableExpressions() {
    assertThat(firstColumn(acme("WITH x AS (SELECT * FROM logs) SELECT body FROM x ORDER BY body")))
        .containsExactlyElementsOf(ACME_BODIES);
  }

  @Test
  void unions() {
    assertThat(
            firstColumn(
                acme(
                    "SELECT body FROM logs UNION ALL SELECT name FROM spans"
                        + " UNION ALL SELECT event_name FROM events ORDER BY 1")))
        .hasSize(12)
        .containsAll(ACME_BODIES);
    assertThat(firstColumn(acme("SELECT body FROM logs UNION SELECT body FROM logs ORDER BY 1")))
        .containsExactlyElementsOf(ACME_BODIES);
  }

  @Test
  void values() {
    assertThat(acme("SELECT v.a, l.body FROM (VALUES (1), (2)) AS v(a) CROSS JOIN logs l").rows())
        .hasSize(18);
    assertThat(
            firstColumn(
                acme(
                    "SELECT body FROM (VALUES ('x')) AS t(body)"
                        + " UNION ALL SELECT body FROM logs ORDER BY 1")))
        .hasSize(10);
  }

  @Test
  void selfJoinsMultiplyOnlyOwnRows() {
    assertThat(firstColumn(acme("SELECT COUNT(*) FROM logs a, logs b"))).containsExactly(81L);
  }

  @Test
  void systemTablesListOnlyOwnTablesAndNoTenantColumn() {
    List<Object> tables = firstColumn(acme("SELECT \"tableName\" FROM metadata.\"TABLES\""));
    // Calcite lists the tables of sub-schemas only: its own two; ours sit in the root schema.
    assertThat(tables).isSubsetOf("events", "logs", "metrics", "spans", "COLUMNS", "TABLES");
    assertThat(
            acme("SELECT \"columnName\" FROM metadata.\"COLUMNS\" WHERE \"columnName\" ="
                    + " 'tenant_id'")
                .rows())
        .isEmpty();
  }

  @Test
  void tableFunctionsAreNotAvailable() {
    assertRejected(acme("SELECT * FROM TABLE(logs())"));
    assertRejected(acme("SELECT * FROM TABLE(tenant_logs('evil'))"));
  }

  @Test
  void commentsAndHints() {
    assertThat(firstColumn(acme("SELECT body FROM logs -- WHERE 1 = 0\nORDER BY body")))
        .containsExactlyElementsOf(ACME_BODIES);
    assertThat(
            firstColumn(
                acme(
                    "SELECT /* tenant_id = 'evil' */ body FROM logs /* ; FROM evil.logs */"
                        + " ORDER BY body")))
        .containsExactlyElementsOf(ACME_BODIES);
    Answer hinted = acme("SELECT /*+ tenant('evil') */ body FROM logs ORDER BY body");
    if (hinted.status() == 200) {
      assertThat(firstColumn(hinted)).containsExactlyElementsOf(ACME_BODIES);
    } else {
      assertRejected(hinted);
    }
  }

  @Test
  void caseTricks() {
    assertThat(firstColumn(acme("SeLeCt BODY fRoM LOGS oRdEr By BoDy")))
        .containsExactlyElementsOf(ACME_BODIES);
    assertThat(firstColumn(acme("SELECT \"BODY\" FROM \"LOGS\" ORDER BY 1")))
        .containsExactlyElementsOf(ACME_BODIES);
    assertRejected(acme("SELECT TENANT_ID FROM logs"));
    assertRejected(acme("SELECT body FROM logs WHERE \"Tenant_Id\" = 'evil'"));
  }

  @Test
  void quotedIdentifiersAndSchemas() {
    assertThat(firstColumn(acme("SELECT \"body\" FROM \"logs\" ORDER BY 1")))
        .containsExactlyElementsOf(ACME_BODIES);
    assertRejected(acme("SELECT body FROM \"evil\".\"logs\""));
    assertRejected(acme("SELECT body FROM \"evil.logs\""));
    assertRejected(acme("SELECT body FROM icegate.logs"));
    assertRejected(acme("SELECT body FROM \"logs\"\" WHERE 1=1 --\""));
  }

  @Test
  void severalStatementsAreOneError() {
    assertRejected(acme("SELECT body FROM logs; SELECT body FROM logs"));
  }

  @Test
  void tenantHeaderTricks() {
    for (String header : List.of("acme|evil", "acme,evil", "../evil", "evil*", "", "acme evil")) {
      Answer answer = stack.sql(header, "SELECT body FROM logs");
      assertThat(answer.status()).as(header).isEqualTo(400);
      assertThat(answer.text()).doesNotContain(MARKER);
    }
    Answer twice =
        stack.post(
            "/api/v1/sql",
            "SELECT body FROM logs".getBytes(StandardCharsets.UTF_8),
            "X-Scope-OrgID",
            "acme",
            "X-Scope-OrgID",
            "evil");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.text()).doesNotContain(MARKER);
    assertThat(stack.sql("EVIL", "SELECT body FROM logs").rows()).isEmpty();
    assertThat(stack.sql(null, "SELECT body FROM logs").rows()).isEmpty();
  }
}
