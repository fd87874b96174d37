package io.icegate.query.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryLimitExceededException;
import io.icegate.query.engine.QueryLimitExceededException.Limit;
import io.icegate.query.engine.QueryLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SQL engine under its limits: each ends the query with the setting named. */
class SqlEngineLimitsTest {
  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final LakeLocations locations = new LakeLocations("memory://lake");
  private final LakeScanner scanner =
      new LakeScanner(store, locations, "lake", Map.of(), Duration.ofMinutes(15));

  SqlEngineLimitsTest() {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
    catalog.initialize("lake", Map.of());
    new LakeTableCreator(catalog).createMissing();
  }

  @AfterEach
  void close() {
    scanner.close();
  }

  @Test
  void answersWithinLimits() {
    try (SqlEngine engine = new SqlEngine(scanner, QueryLimits.defaults())) {
      SqlResult result = engine.execute(TenantId.DEFAULT, "SELECT COUNT(*) AS n FROM logs");
      assertThat(result.columns()).extracting(SqlColumn::name).containsExactly("n");
      assertThat(result.rows()).hasSize(1);
      assertThat(result.rows().get(0)).containsExactly(0L);
      assertThat(result.stats().bytesScanned()).isPositive();
    }
  }

  @Test
  void timeout() {
    QueryLimits limits = new QueryLimits(Duration.ofNanos(1), 1L << 30, 1000L, 1000L, 1L << 20);
    try (SqlEngine engine = new SqlEngine(scanner, limits)) {
      assertThatThrownBy(() -> engine.execute(TenantId.DEFAULT, "SELECT COUNT(*) FROM logs"))
          .isInstanceOfSatisfying(
              QueryLimitExceededException.class,
              e -> assertThat(e.limit()).isEqualTo(Limit.TIMEOUT))
          .hasMessageEndingWith("(icegate.query.timeout)");
    }
  }

  @Test
  void resultSize() {
    QueryLimits limits = new QueryLimits(Duration.ofMinutes(1), 1L << 30, 1000L, 1000L, 64L);
    try (SqlEngine engine = new SqlEngine(scanner, limits)) {
      assertThatThrownBy(
              () ->
                  engine.execute(
                      TenantId.DEFAULT,
                      "SELECT x FROM (VALUES ('" + "a".repeat(100) + "')) AS t(x)"))
          .hasMessage(
              "Cannot answer query: the result is larger than 64 bytes"
                  + " (icegate.query.max-result-bytes)");
    }
  }

  @Test
  void resultRows() {
    QueryLimits limits = new QueryLimits(Duration.ofMinutes(1), 1L << 30, 1000L, 2L, 1L << 20);
    try (SqlEngine engine = new SqlEngine(scanner, limits)) {
      assertThat(engine.execute(TenantId.DEFAULT, "VALUES (1), (2)").rows()).hasSize(2);
      assertThatThrownBy(() -> engine.execute(TenantId.DEFAULT, "VALUES (1), (2), (3)"))
          .hasMessage(
              "Cannot answer query: the result has more than 2 rows"
                  + " (icegate.query.max-result-rows)");
    }
  }

  @Test
  void invalidSqlCarriesItsPosition() {
    try (SqlEngine engine = new SqlEngine(scanner, QueryLimits.defaults())) {
      assertThatThrownBy(() -> engine.execute(TenantId.DEFAULT, "SELECT body FROM nowhere"))
          .isInstanceOfSatisfying(
              SqlQueryException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(io.icegate.lake.error.ErrorKind.BAD_INPUT);
                assertThat(e.position()).contains(new SqlQueryException.Position(1, 18, 1, 24));
              })
          .hasMessageContaining("Object 'nowhere' not found");
    }
  }
}
