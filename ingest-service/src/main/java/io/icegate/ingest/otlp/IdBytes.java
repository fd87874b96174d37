package io.icegate.ingest.otlp;

import com.google.protobuf.ByteString;

/**
 * Trace and span ids as the lake stores them: raw bytes in {@code fixed[16]} / {@code fixed[8]}
 * columns ({@code byte[]}, the type Iceberg's generic Parquet writer expects for fixed).
 */
final class IdBytes {
  static final int TRACE_ID_LENGTH = 16;
  static final int SPAN_ID_LENGTH = 8;

  private IdBytes() {}

  /** The id, or null when it is empty (absent in OTLP); any other length rejects the record. */
  static byte[] optional(ByteString id, int length, String field) {
    if (id.isEmpty()) {
      return null;
    }
    return checked(id, length, field);
  }

  /** The id; an empty one or one of another length rejects the record. */
  static byte[] required(ByteString id, int length, String field) {
    if (id.isEmpty()) {
      throw new RecordRejectedException(field + " is empty");
    }
    return checked(id, length, field);
  }

  private static byte[] checked(ByteString id, int length, String field) {
    if (id.size() != length) {
      throw new RecordRejectedException(field + " has " + id.size() + " bytes, expected " + length);
    }
    return id.toByteArray();
  }
}
