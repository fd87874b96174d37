package io.icegate.query.engine.columnar;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.iceberg.types.Type;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Writes a Parquet column's current (non-null) value into an Arrow vector, chosen once per column
 * from the Iceberg type and the file's physical type; strings and binaries are copied as bytes,
 * never decoded to Java strings.
 */
@FunctionalInterface
interface ValueWriter {
  void write(ColumnReader column, FieldVector vector, int index);

  /** The writer for a column, or empty when the file stores it in a way this reader skips. */
  static Optional<ValueWriter> of(Type type, PrimitiveType file) {
    PrimitiveTypeName physical = file.getPrimitiveTypeName();
    ValueWriter writer =
        switch (type.typeId()) {
          case BOOLEAN ->
              physical == PrimitiveTypeName.BOOLEAN
                  ? (c, v, i) -> ((BitVector) v).setSafe(i, c.getBoolean() ? 1 : 0)
                  : null;
          case INTEGER ->
              physical == PrimitiveTypeName.INT32
                  ? (c, v, i) -> ((IntVector) v).setSafe(i, c.getInteger())
                  : null;
          case DATE ->
              physical == PrimitiveTypeName.INT32
                  ? (c, v, i) -> ((DateDayVector) v).setSafe(i, c.getInteger())
                  : null;
          case LONG ->
              physical == PrimitiveTypeName.INT64
                  ? (c, v, i) -> ((BigIntVector) v).setSafe(i, c.getLong())
                  : null;
          case TIMESTAMP ->
              physical == PrimitiveTypeName.INT64 && isMicros(file.getLogicalTypeAnnotation())
                  ? (c, v, i) -> ((TimeStampVector) v).setSafe(i, c.getLong())
                  : null;
          case FLOAT ->
              physical == PrimitiveTypeName.FLOAT
                  ? (c, v, i) -> ((Float4Vector) v).setSafe(i, c.getFloat())
                  : null;
          case DOUBLE ->
              physical == PrimitiveTypeName.DOUBLE
                  ? (c, v, i) -> ((Float8Vector) v).setSafe(i, c.getDouble())
                  : null;
          case STRING ->
              physical == PrimitiveTypeName.BINARY
                  ? (c, v, i) -> {
                    ByteBuffer bytes = c.getBinary().toByteBuffer();
                    ((VarCharVector) v).setSafe(i, bytes, bytes.position(), bytes.remaining());
                  }
                  : null;
          case BINARY ->
              physical == PrimitiveTypeName.BINARY
                  ? (c, v, i) -> {
                    ByteBuffer bytes = c.getBinary().toByteBuffer();
                    ((VarBinaryVector) v).setSafe(i, bytes, bytes.position(), bytes.remaining());
                  }
                  : null;
          case FIXED ->
              physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
                  ? (c, v, i) -> {
                    Binary bytes = c.getBinary();
                    ((FixedSizeBinaryVector) v).setSafe(i, bytes.getBytesUnsafe());
                  }
                  : null;
          default -> null;
        };
    return Optional.ofNullable(writer);
  }

  private static boolean isMicros(LogicalTypeAnnotation annotation) {
    // Iceberg writes timestamps as INT64 micros; anything else (millis, nanos) is not read here.
    return annotation instanceof TimestampLogicalTypeAnnotation timestamp
        && timestamp.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS;
  }
}
