package io.icegate.query.http.sql;

import io.icegate.query.engine.ArrowValues;
import io.icegate.query.sql.SqlColumn;
import io.icegate.query.sql.SqlResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow IPC stream answer of {@code POST /api/v1/sql} ({@code Accept:
 * application/vnd.apache.arrow.stream}): one schema, then record batches of up to {@value
 * #BATCH_ROWS} rows. Types: integers as Int32/Int64, floating point as Float4/Float8, DECIMAL as
 * Decimal128 (as text beyond 38 digits), TIMESTAMP as Timestamp(ms, UTC), DATE as Date(day), binary
 * as Binary, maps as Map(Utf8, Utf8), arrays as List of their element type (Utf8 when unknown),
 * everything else as Utf8.
 */
final class SqlArrow {
  static final String MEDIA_TYPE = "application/vnd.apache.arrow.stream";
  static final int BATCH_ROWS = 8192;

  private SqlArrow() {}

  static byte[] write(SqlResult result) {
    Schema schema = new Schema(result.columns().stream().map(SqlArrow::field).toList());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
      writer.start();
      List<Object[]> rows = result.rows();
      for (int start = 0; start < rows.size(); start += BATCH_ROWS) {
        int end = Math.min(rows.size(), start + BATCH_ROWS);
        root.allocateNew();
        for (int c = 0; c < schema.getFields().size(); c++) {
          FieldVector vector = root.getVector(c);
          for (int r = start; r < end; r++) {
            ArrowValues.write(vector, r - start, arrowValue(rows.get(r)[c], vector));
          }
        }
        root.setRowCount(end - start);
        writer.writeBatch();
      }
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write Arrow stream: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** Decimals beyond Arrow's precision travel as text; BigDecimals meet a Float vector as well. */
  private static Object arrowValue(Object value, FieldVector vector) {
    if (value instanceof Map<?, ?> || value instanceof List<?> || value == null) {
      return value;
    }
    if (vector.getField().getType() instanceof ArrowType.Utf8) {
      return value.toString();
    }
    return value;
  }

  private static Field field(SqlColumn column) {
    return switch (column.jdbcType()) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER ->
          leaf(column.name(), new ArrowType.Int(32, true));
      case Types.BIGINT -> leaf(column.name(), new ArrowType.Int(64, true));
      case Types.REAL ->
          leaf(column.name(), new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
      case Types.FLOAT, Types.DOUBLE ->
          leaf(column.name(), new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
      case Types.DECIMAL, Types.NUMERIC ->
          column.precision() > 0 && column.precision() <= 38
              ? leaf(column.name(), new ArrowType.Decimal(column.precision(), column.scale(), 128))
              : leaf(column.name(), ArrowType.Utf8.INSTANCE);
      case Types.BOOLEAN -> leaf(column.name(), ArrowType.Bool.INSTANCE);
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
          leaf(column.name(), new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"));
      case Types.DATE -> leaf(column.name(), new ArrowType.Date(DateUnit.DAY));
      case Types.BINARY, Types.VARBINARY -> leaf(column.name(), ArrowType.Binary.INSTANCE);
      case Types.ARRAY ->
          new Field(
              column.name(),
              FieldType.nullable(ArrowType.List.INSTANCE),
              List.of(leaf("element", elementType(column.typeName()))));
      default ->
          column.typeName().toUpperCase(Locale.ROOT).contains("MAP")
              ? mapField(column.name())
              : leaf(column.name(), ArrowType.Utf8.INSTANCE);
    };
  }

  private static ArrowType elementType(String typeName) {
    String upper = typeName.toUpperCase(Locale.ROOT);
    if (upper.startsWith("BIGINT")) {
      return new ArrowType.Int(64, true);
    } else if (upper.startsWith("INTEGER")) {
      return new ArrowType.Int(32, true);
    } else if (upper.startsWith("DOUBLE")) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    }
    return ArrowType.Utf8.INSTANCE;
  }

  private static Field mapField(String name) {
    Field entries =
        new Field(
            "entries",
            FieldType.notNullable(ArrowType.Struct.INSTANCE),
            List.of(
                new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), List.of()),
                leaf("value", ArrowType.Utf8.INSTANCE)));
    return new Field(name, FieldType.nullable(new ArrowType.Map(false)), List.of(entries));
  }

  private static Field leaf(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), List.of());
  }
}
