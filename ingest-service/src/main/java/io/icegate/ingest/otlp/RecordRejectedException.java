package io.icegate.ingest.otlp;

/**
 * One OTLP record (log record, span or data point) that cannot be stored, e.g. a trace id of the
 * wrong length. Mappers catch it, count the record as rejected for OTLP {@code partial_success} and
 * keep the rest of the request.
 */
final class RecordRejectedException extends RuntimeException {
  RecordRejectedException(String reason) {
    super(reason, null, false, false);
  }

  /** The reason for partial_success, e.g. "Cannot store resource_logs[0]...: trace_id has...". */
  String reasonAt(String location, Object... indexes) {
    return "Cannot store " + String.format(location, indexes) + ": " + getMessage();
  }
}
