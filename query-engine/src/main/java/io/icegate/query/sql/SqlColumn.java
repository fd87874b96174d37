package io.icegate.query.sql;

import static java.util.Objects.requireNonNull;

/**
 * One result column: its label, its SQL type name as Calcite reports it, and the JDBC type code,
 * precision and scale that decide its JSON and Arrow form.
 */
public record SqlColumn(String name, String typeName, int jdbcType, int precision, int scale) {
  public SqlColumn {
    requireNonNull(name, "name is null");
    requireNonNull(typeName, "typeName is null");
  }
}
