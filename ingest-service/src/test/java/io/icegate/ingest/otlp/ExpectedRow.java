package io.icegate.ingest.otlp;

import io.icegate.lake.wal.WalSignal;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.iceberg.Schema;

/**
 * One expected row in the form of {@code CanonicalRows}: every column of the signal's table, null
 * unless set; timestamps as epoch microseconds, ids as lowercase hex. Setting a column the table
 * does not have fails, so a typo cannot make a comparison vacuous.
 */
final class ExpectedRow {
  private final Schema schema;
  private final Map<String, Object> values = new HashMap<>();

  ExpectedRow(WalSignal signal) {
    this.schema = signal.table().schema();
    schema.columns().forEach(field -> values.put(field.name(), null));
  }

  ExpectedRow put(String column, Object value) {
    if (schema.findField(column) == null) {
      throw new IllegalArgumentException("No column " + column + " in " + schema);
    }
    values.put(column, value);
    return this;
  }

  /** Sets {@code timestamp} and {@code timestamp_nanos} from an OTLP time. */
  ExpectedRow time(long unixNanos) {
    put("timestamp", Math.floorDiv(unixNanos, 1000L));
    return put("timestamp_nanos", (int) Math.floorMod(unixNanos, 1000L));
  }

  Map<String, Object> values() {
    return values;
  }

  /** Microseconds of a non-zero OTLP time; null for 0 ("unknown"). */
  static Long micros(long unixNanos) {
    return unixNanos == 0 ? null : Math.floorDiv(unixNanos, 1000L);
  }

  /** Proto3 cannot tell an empty string from an absent one: both are stored as null. */
  static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** Raw id bytes as stored: hex, or null for an absent (empty or all-zero SDK) id. */
  static String hex(byte[] id) {
    return id == null || id.length == 0 ? null : HexFormat.of().formatHex(id);
  }

  /** A struct of a list column (span event, link, exemplar, quantile) by field name. */
  static Map<String, Object> struct(Object... namesAndValues) {
    Map<String, Object> struct = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      struct.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return struct;
  }
}
