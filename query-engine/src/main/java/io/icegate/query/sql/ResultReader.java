package io.icegate.query.sql;

import io.icegate.query.engine.QueryBudget;
import io.icegate.query.engine.QueryLimitExceededException;
import io.icegate.query.engine.QueryLimitExceededException.Limit;
import io.icegate.query.engine.QueryLimits;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Copies a JDBC result into plain Java values, within the result limits: more rows than {@code
 * max-result-rows} or more (estimated) bytes than {@code max-result-bytes} end the query.
 */
final class ResultReader {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private ResultReader() {}

  static List<SqlColumn> columns(ResultSetMetaData meta) throws SQLException {
    List<SqlColumn> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(
          new SqlColumn(
              meta.getColumnLabel(i),
              meta.getColumnTypeName(i),
              meta.getColumnType(i),
              meta.getPrecision(i),
              meta.getScale(i)));
    }
    return columns;
  }

  static List<Object[]> rows(ResultSet results, List<SqlColumn> columns, QueryBudget budget)
      throws SQLException {
    QueryLimits limits = budget.limits();
    List<Object[]> rows = new ArrayList<>();
    long bytes = 0;
    while (results.next()) {
      if (rows.size() >= limits.maxResultRows()) {
        throw new QueryLimitExceededException(
            Limit.RESULT_ROWS,
            "Cannot answer query: the result has more than " + limits.maxResultRows() + " rows");
      }
      Object[] row = new Object[columns.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = value(results, c + 1, columns.get(c).jdbcType());
        bytes += estimate(row[c]);
      }
      if (bytes > limits.maxResultBytes()) {
        throw new QueryLimitExceededException(
            Limit.RESULT_BYTES,
            "Cannot answer query: the result is larger than " + limits.maxResultBytes() + " bytes");
      }
      rows.add(row);
      if ((rows.size() & 1023) == 0) {
        budget.checkDeadline();
      }
    }
    return rows;
  }

  private static Object value(ResultSet results, int column, int jdbcType) throws SQLException {
    Object value;
    switch (jdbcType) {
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        Timestamp timestamp = results.getTimestamp(column, Calendar.getInstance(UTC));
        value = timestamp == null ? null : timestamp.toInstant();
      }
      case Types.DATE -> {
        java.sql.Date date = results.getDate(column, Calendar.getInstance(UTC));
        value =
            date == null
                ? null
                : java.time.Instant.ofEpochMilli(date.getTime())
                    .atOffset(java.time.ZoneOffset.UTC)
                    .toLocalDate();
      }
      case Types.BINARY, Types.VARBINARY -> value = results.getBytes(column);
      case Types.ARRAY -> {
        Array array = results.getArray(column);
        value = array == null ? null : plain(array.getArray());
      }
      default -> value = plain(results.getObject(column));
    }
    return results.wasNull() ? null : value;
  }

  private static Object plain(Object value) {
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(ResultReader::plain).toList();
    } else if (value instanceof List<?> list) {
      return list.stream().map(ResultReader::plain).toList();
    } else if (value instanceof org.apache.calcite.avatica.util.ByteString bytes) {
      return bytes.getBytes();
    }
    return value;
  }

  private static long estimate(Object value) {
    if (value == null) {
      return 1;
    } else if (value instanceof String s) {
      return 8 + s.length();
    } else if (value instanceof byte[] b) {
      return 8 + 2L * b.length;
    } else if (value instanceof Map<?, ?> map) {
      long size = 8;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        size += estimate(e.getKey()) + estimate(e.getValue());
      }
      return size;
    } else if (value instanceof List<?> list) {
      return 8 + list.stream().mapToLong(ResultReader::estimate).sum();
    }
    return 8;
  }
}
