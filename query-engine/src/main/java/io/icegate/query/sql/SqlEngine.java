package io.icegate.query.sql;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryBudget;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.engine.TenantScan;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Runs SQL with Apache Calcite over one tenant's tables. Each query gets its own Calcite connection
 * whose root schema holds exactly {@code logs}, {@code spans}, {@code metrics} and {@code events}
 * of that tenant (plus Calcite's {@code metadata} schema, which lists only those), each bound to
 * the query's {@link TenantScan}; nothing else is reachable from SQL.
 *
 * <p>Identifiers are case-insensitive, quoted with double quotes ({@code "timestamp"}); conformance
 * is Calcite's lenient mode, functions are the standard ones plus PostgreSQL's.
 */
@Singleton
public final class SqlEngine implements AutoCloseable {
  private static final Properties CONNECTION = connectionProperties();

  private final LakeScanner scanner;
  private final QueryLimits limits;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "icegate-sql");
            thread.setDaemon(true);
            return thread;
          });

  public SqlEngine(LakeScanner scanner, QueryLimits limits) {
    this.scanner = requireNonNull(scanner, "scanner is null");
    this.limits = requireNonNull(limits, "limits is null");
  }

  /**
   * Runs one query for {@code tenant}.
   *
   * @throws io.icegate.query.engine.QueryLimitExceededException when a limit is exceeded
   * @throws SqlQueryException when Calcite rejects or fails the query
   */
  public SqlResult execute(TenantId tenant, String sql) {
    requireNonNull(tenant, "tenant is null");
    requireNonNull(sql, "sql is null");
    QueryBudget budget = new QueryBudget(limits);
    TenantScan scan = scanner.open(tenant, budget);
    AtomicReference<Statement> running = new AtomicReference<>();
    Future<SqlResult> result = workers.submit(() -> run(scan, sql, running));
    try {
      return result.get(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      cancel(running.get());
      result.cancel(true);
      throw budget.timeout();
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw budget.timeout();
    } catch (ExecutionException e) {
      throw SqlQueryException.of(e.getCause(), budget);
    }
  }

  private SqlResult run(TenantScan scan, String sql, AtomicReference<Statement> running)
      throws SQLException {
    try (Connection connection = new Driver().connect("jdbc:calcite:", CONNECTION)) {
      SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
      for (WalSignal signal : WalSignal.values()) {
        root.add(signal.id(), new LakeTable(signal, scan));
      }
      try (Statement statement = connection.createStatement()) {
        running.set(statement);
        // One row past the limit is enough to know the limit is exceeded.
        statement.setMaxRows(
            Math.toIntExact(Math.min(Integer.MAX_VALUE, limits.maxResultRows() + 1)));
        try (ResultSet results = statement.executeQuery(sql)) {
          List<SqlColumn> columns = ResultReader.columns(results.getMetaData());
          List<Object[]> rows = ResultReader.rows(results, columns, scan.budget());
          QueryBudget budget = scan.budget();
          return new SqlResult(
              columns,
              rows,
              new SqlResult.Stats(
                  budget.bytesScanned(), budget.rowsScanned(), budget.elapsedNanos()));
        }
      }
    }
  }

  private static void cancel(Statement statement) {
    if (statement == null) {
      return;
    }
    try {
      statement.cancel();
    } catch (SQLException | RuntimeException e) {
      // Best effort: the worker is interrupted as well and every scan checks the deadline.
    }
  }

  private static Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("caseSensitive", "false");
    properties.setProperty("unquotedCasing", "UNCHANGED");
    properties.setProperty("quotedCasing", "UNCHANGED");
    properties.setProperty("quoting", "DOUBLE_QUOTE");
    properties.setProperty("conformance", "LENIENT");
    properties.setProperty("fun", "standard,postgresql");
    properties.setProperty("timeZone", "UTC");
    return properties;
  }

  @PreDestroy
  @Override
  public void close() {
    workers.shutdownNow();
  }
}
