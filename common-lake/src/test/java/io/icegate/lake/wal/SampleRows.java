package io.icegate.lake.wal;

import io.icegate.lake.tenant.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * Random but reproducible rows of every signal table, with the awkward values a WAL must keep: maps
 * (empty, null, non-ASCII), lists of structs, fixed ids, nulls, NaN and extreme numbers.
 */
public final class SampleRows {
  private static final String[] SERVICES = {"checkout", "payments", "frontend", "ledger-ü"};
  private static final String[] BODIES = {
    "GET /api/orders/17 200 12ms",
    "connection reset by peer",
    "Ünïcödé body ✓ with \"quotes\" and \\ backslash",
    "",
    "{\"kind\":\"json\",\"n\":[1,2,3]}",
    "line one\nline two\ttabbed"
  };

  private final Random random;
  private long counter;

  public SampleRows(long seed) {
    this.random = new Random(seed);
  }

  /** One batch of {@code rows} rows of {@code signal} for {@code tenant}, with a fresh batch id. */
  public WalBatchRows batch(WalSignal signal, String tenant, int rows) {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      records.add(row(signal, tenant));
    }
    return new WalBatchRows(batchId(), new TenantId(tenant), records);
  }

  String batchId() {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  Record row(WalSignal signal, String tenant) {
    Schema schema = signal.table().schema();
    GenericRecord row = GenericRecord.create(schema);
    common(row, tenant);
    switch (signal) {
      case LOGS -> log(row);
      case EVENTS -> {
        log(row);
        row.setField("event_name", "event." + random.nextInt(5));
      }
      case SPANS -> span(row, schema);
      case METRICS -> metric(row, schema);
    }
    return row;
  }

  private void common(GenericRecord row, String tenant) {
    counter++;
    row.setField("tenant_id", tenant);
    row.setField("timestamp", time());
    row.setField("timestamp_nanos", random.nextInt(1000));
    row.setField("service_name", random.nextInt(10) == 0 ? null : pick(SERVICES));
    row.setField("resource_attributes", attributes(4));
    row.setField("scope_name", "io.opentelemetry.sample");
    row.setField("scope_version", random.nextBoolean() ? "1.2.3" : null);
    row.setField("scope_attributes", random.nextBoolean() ? null : Map.of());
    row.setField("attributes", attributes(random.nextInt(6)));
  }

  private void log(GenericRecord row) {
    row.setField("observed_timestamp", random.nextBoolean() ? time() : null);
    row.setField("severity_number", random.nextInt(25));
    row.setField("severity_text", random.nextBoolean() ? "INFO" : null);
    row.setField("body", pick(BODIES) + " #" + counter);
    boolean traced = random.nextInt(10) < 3;
    row.setField("trace_id", traced ? bytes(16) : null);
    row.setField("span_id", traced ? bytes(8) : null);
    row.setField("flags", traced ? 1 : 0);
    row.setField("dropped_attributes_count", random.nextInt(3));
  }

  private void span(GenericRecord row, Schema schema) {
    row.setField("trace_id", bytes(16));
    row.setField("span_id", bytes(8));
    row.setField("parent_span_id", random.nextBoolean() ? bytes(8) : null);
    row.setField("trace_state", random.nextBoolean() ? "rojo=00f067aa0ba902b7" : null);
    row.setField("name", "HTTP GET /orders/" + random.nextInt(100));
    row.setField("kind", random.nextInt(6));
    row.setField("end_timestamp", time());
    row.setField("duration_nanos", Math.abs(random.nextLong() % 10_000_000_000L));
    row.setField("status_code", random.nextInt(3));
    row.setField("status_message", random.nextBoolean() ? null : "deadline exceeded");
    row.setField("flags", 1);
    Types.StructType event = element(schema, "events");
    List<Record> events = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      GenericRecord e = GenericRecord.create(event);
      e.setField("time_unix_nano", random.nextLong());
      e.setField("name", "exception");
      e.setField("attributes", attributes(2));
      e.setField("dropped_attributes_count", 0);
      events.add(e);
    }
    row.setField("events", random.nextInt(5) == 0 ? null : events);
    Types.StructType link = element(schema, "links");
    GenericRecord l = GenericRecord.create(link);
    l.setField("trace_id", bytes(16));
    l.setField("span_id", bytes(8));
    l.setField("trace_state", null);
    l.setField("attributes", attributes(1));
    l.setField("flags", 0);
    l.setField("dropped_attributes_count", null);
    row.setField("links", random.nextBoolean() ? List.of(l) : List.of());
    row.setField("dropped_attributes_count", 0);
    row.setField("dropped_events_count", random.nextInt(2));
    row.setField("dropped_links_count", null);
  }

  private void metric(GenericRecord row, Schema schema) {
    String type = pick(new String[] {"gauge", "sum", "histogram", "summary"});
    row.setField("metric_name", "http.server.duration");
    row.setField("metric_type", type);
    row.setField("description", random.nextBoolean() ? "Duration of HTTP requests" : null);
    row.setField("unit", "ms");
    row.setField("aggregation_temporality", type.equals("gauge") ? null : 1 + random.nextInt(2));
    row.setField("is_monotonic", type.equals("sum") ? random.nextBoolean() : null);
    row.setField("start_timestamp", time());
    double[] specials = {Double.NaN, -0.5, Double.MAX_VALUE, 1e-300, 42.0};
    row.setField("value_double", specials[random.nextInt(specials.length)]);
    row.setField("value_int", random.nextBoolean() ? Long.MIN_VALUE : random.nextLong());
    row.setField("count", (long) random.nextInt(1000));
    row.setField("sum", random.nextDouble() * 1000);
    row.setField("min", 0.1);
    row.setField("max", 99.9);
    row.setField("bucket_counts", type.equals("histogram") ? List.of(1L, 0L, 7L) : null);
    List<Double> bounds = new ArrayList<>();
    bounds.add(5.0);
    bounds.add(random.nextBoolean() ? null : 10.0);
    row.setField("explicit_bounds", type.equals("histogram") ? bounds : List.of());
    row.setField("scale", null);
    row.setField("positive_bucket_counts", List.of(3L));
    Types.StructType quantile = element(schema, "quantiles");
    GenericRecord q = GenericRecord.create(quantile);
    q.setField("quantile", 0.99);
    q.setField("value", random.nextDouble());
    row.setField("quantiles", type.equals("summary") ? List.of(q) : null);
    Types.StructType exemplar = element(schema, "exemplars");
    GenericRecord x = GenericRecord.create(exemplar);
    x.setField("time_unix_nano", random.nextLong());
    x.setField("value_double", 3.5);
    x.setField("trace_id", bytes(16));
    x.setField("span_id", bytes(8));
    x.setField("filtered_attributes", attributes(1));
    row.setField("exemplars", random.nextBoolean() ? List.of(x) : null);
    row.setField("flags", 0);
    row.setField("service_instance_id", "pod-" + random.nextInt(3));
  }

  private static Types.StructType element(Schema schema, String list) {
    return schema.findField(list).type().asListType().elementType().asStructType();
  }

  /** A time with microsecond precision, as the table stores it. */
  private OffsetDateTime time() {
    long micros = 1_764_000_000_000_000L + Math.floorMod(random.nextLong(), 86_400_000_000L);
    return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000)
        .atOffset(ZoneOffset.UTC);
  }

  private Map<String, String> attributes(int count) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      map.put("key." + i + (i == 3 ? ".ß" : ""), random.nextBoolean() ? "v" + counter : "[1,2]");
    }
    return map;
  }

  private byte[] bytes(int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
