package io.icegate.query.engine.columnar;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
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
import org.apache.iceberg.StructLike;

/**
 * One row of Arrow vectors as Iceberg's {@link StructLike} in Iceberg's internal representation
 * (timestamps as micros, strings as {@code CharSequence}, binary as {@code ByteBuffer}), so an
 * Iceberg {@code Evaluator} can test a row filter on columns read straight from Parquet.
 */
final class ArrowRowStruct implements StructLike {
  private final List<FieldVector> vectors;
  // Filter columns are mostly dictionary-encoded and repeat: the last decoded string per column is
  // reused while the bytes are equal, saving a decode per row.
  private final byte[][] lastBytes;
  private final String[] lastStrings;
  private int row;

  ArrowRowStruct(List<FieldVector> vectors) {
    this.vectors = vectors;
    this.lastBytes = new byte[vectors.size()][];
    this.lastStrings = new String[vectors.size()];
  }

  void row(int row) {
    this.row = row;
  }

  @Override
  public int size() {
    return vectors.size();
  }

  @Override
  public <T> T get(int pos, Class<T> javaClass) {
    return javaClass.cast(value(pos));
  }

  private Object value(int pos) {
    FieldVector vector = vectors.get(pos);
    if (vector.isNull(row)) {
      return null;
    } else if (vector instanceof VarCharVector v) {
      return string(pos, v);
    } else if (vector instanceof BigIntVector v) {
      return v.get(row);
    } else if (vector instanceof TimeStampVector v) {
      return v.get(row);
    } else if (vector instanceof IntVector v) {
      return v.get(row);
    } else if (vector instanceof DateDayVector v) {
      return v.get(row);
    } else if (vector instanceof Float8Vector v) {
      return v.get(row);
    } else if (vector instanceof Float4Vector v) {
      return v.get(row);
    } else if (vector instanceof BitVector v) {
      return v.get(row) != 0;
    } else if (vector instanceof FixedSizeBinaryVector v) {
      return ByteBuffer.wrap(v.get(row));
    } else if (vector instanceof VarBinaryVector v) {
      return ByteBuffer.wrap(v.get(row));
    }
    throw new IllegalStateException(
        "Cannot filter on Arrow vector " + vector.getClass().getSimpleName());
  }

  private String string(int pos, VarCharVector vector) {
    int start = vector.getStartOffset(row);
    int length = vector.getEndOffset(row) - start;
    ArrowBuf data = vector.getDataBuffer();
    byte[] last = lastBytes[pos];
    if (last == null || !same(data, start, length, last)) {
      // Only a new value is copied out and decoded; a repeated one costs a comparison.
      last = new byte[length];
      data.getBytes(start, last);
      lastBytes[pos] = last;
      lastStrings[pos] = new String(last, StandardCharsets.UTF_8);
    }
    return lastStrings[pos];
  }

  private static boolean same(ArrowBuf data, int start, int length, byte[] bytes) {
    if (bytes.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (data.getByte(start + i) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public <T> void set(int pos, T value) {
    throw new UnsupportedOperationException("A row read for filtering is read-only");
  }
}
