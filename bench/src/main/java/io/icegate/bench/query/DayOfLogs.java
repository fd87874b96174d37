package io.icegate.bench.query;

import io.icegate.bench.wal.LoghubRows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.data.Record;

/**
 * A day of log rows from {@code services} services: {@link LoghubRows}' realistic records (loghub
 * bodies, attributes, trace context on 30%), re-stamped so that {@code total} rows spread evenly
 * over one UTC day in arrival order and each request comes from one of the services in turn. Kept
 * for the Loki benchmarks as well.
 */
public final class DayOfLogs {
  private final LoghubRows source = new LoghubRows();
  private final Instant day;
  private final long total;
  private final int services;
  private long emitted;
  private long otlpBytes;
  private int request;
  private byte[] someTraceId;

  public DayOfLogs(Instant day, long total, int services) {
    this.day = day;
    this.total = total;
    this.services = services;
  }

  public static String service(int index) {
    return String.format("service-%03d", index);
  }

  /** The next request of up to {@code rows} rows, or an empty list when the day is complete. */
  public List<Record> next(int rows) {
    int size = (int) Math.min(rows, total - emitted);
    if (size <= 0) {
      return List.of();
    }
    LoghubRows.Request generated = source.request(size);
    otlpBytes += generated.inputBytes();
    List<Record> records = generated.rows();
    String service = service(request++ % services);
    Map<String, String> resource = new HashMap<>();
    resource.put("service.name", service);
    resource.put("service.instance.id", service + "-0");
    resource.put("host.name", "node-" + (request % 16) + ".cluster.local");
    long spacingNanos = Duration.ofDays(1).toNanos() / total;
    for (Record row : records) {
      Instant at = day.plusNanos(spacingNanos * emitted++);
      row.setField("timestamp", at.atOffset(ZoneOffset.UTC));
      row.setField("observed_timestamp", at.atOffset(ZoneOffset.UTC));
      row.setField("timestamp_nanos", 0);
      row.setField("service_name", service);
      row.setField("resource_attributes", resource);
      if (someTraceId == null && row.getField("trace_id") != null && emitted > total / 2) {
        someTraceId = (byte[]) row.getField("trace_id");
      }
    }
    return records;
  }

  /** The decoded OTLP protobuf size of the records emitted so far (LoghubRows' estimate). */
  public long otlpBytes() {
    return otlpBytes;
  }

  /** A trace id of a row from the middle of the day, for point lookups. */
  public Optional<byte[]> someTraceId() {
    return Optional.ofNullable(someTraceId);
  }
}
