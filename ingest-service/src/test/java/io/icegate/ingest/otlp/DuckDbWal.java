package io.icegate.ingest.otlp;

import io.icegate.lake.wal.CanonicalRows;
import io.icegate.lake.wal.WalSignal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the WAL segments of a local store with DuckDB's own Parquet reader (C++, independent of the
 * Java Parquet and Iceberg code that wrote them), as canonical rows.
 */
final class DuckDbWal implements AutoCloseable {
  private final Path root;
  private final Connection duck;

  DuckDbWal(Path root) {
    this.root = root;
    try {
      duck = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = duck.createStatement()) {
        // Only the built-in Parquet reader: nothing may be downloaded.
        statement.execute("SET autoinstall_known_extensions=false");
        statement.execute("SET autoload_known_extensions=false");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row of one tenant in a signal's WAL segments (all lanes). */
  List<Map<String, Object>> rows(WalSignal signal, String tenant) {
    Path folder = root.resolve("wal").resolve(signal.id());
    List<Map<String, Object>> rows = new ArrayList<>();
    if (!hasSegments(folder)) {
      return rows;
    }
    String sql = "SELECT * FROM read_parquet('" + folder + "/*/*.parquet') WHERE tenant_id = ?";
    try (PreparedStatement statement = duck.prepareStatement(sql)) {
      statement.setString(1, tenant);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(CanonicalRows.fromJdbc(result, signal.table().schema()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB cannot read " + folder, e);
    }
    return rows;
  }

  private static boolean hasSegments(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(file -> file.toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      duck.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
