package io.icegate.bench.wal;

import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalBatchRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;

/**
 * Realistic log rows: bodies are real log lines of the loghub data sets (read in place from {@code
 * ../shared/datasets/loghub}, or the folder in {@code -Dicegate.loghub}; see the LICENSE there:
 * Loghub, Zhu et al., ISSRE 2023, https://github.com/logpai/loghub), with 4 resource attributes, 4
 * record attributes and trace context on 30% of the records, as an OpenTelemetry Collector sends
 * them.
 */
public final class LoghubRows {
  public static final String FOLDER_PROPERTY = "icegate.loghub";
  private static final String DEFAULT_FOLDER = "../shared/datasets/loghub";
  // Built once: LakeTables.logs() assigns ids and builds spec and order on every call.
  private static final Schema LOGS = LakeTables.logs().schema();

  private final List<String> bodies;
  private final Random random = new Random(42);

  public LoghubRows() {
    this.bodies = readBodies(Path.of(System.getProperty(FOLDER_PROPERTY, DEFAULT_FOLDER)));
  }

  /** The loghub lines, one log body each (read once, shared with the OTLP load generator). */
  public List<String> bodies() {
    return bodies;
  }

  /**
   * One request of {@code rows} records from one service, and its size as decoded OTLP protobuf
   * (estimated field by field: what the receiver counts against flush size and in-flight bound).
   */
  public Request request(int rows) {
    int pod = random.nextInt(8);
    String service = List.of("hdfs", "spark", "zookeeper", "sshd", "httpd", "kernel").get(pod % 6);
    Map<String, String> resource = new LinkedHashMap<>();
    resource.put("service.name", service);
    resource.put("service.instance.id", service + "-" + pod);
    resource.put("host.name", "node-" + pod + ".cluster.local");
    resource.put("k8s.pod.name", service + "-7d9f8b6c5-" + pod);
    long bytes = 20 + entriesSize(resource);
    long micros = Instant.now().toEpochMilli() * 1_000;
    List<Record> records = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      GenericRecord row = GenericRecord.create(LOGS);
      String body = bodies.get(random.nextInt(bodies.size()));
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("log.file.name", service + ".log");
      attributes.put("log.iostream", "stdout");
      attributes.put("thread.id", Integer.toString(random.nextInt(64)));
      attributes.put("code.namespace", "org.example." + service + ".Worker");
      boolean traced = random.nextInt(10) < 3;
      micros += random.nextInt(1_000);
      row.setField("tenant_id", "default");
      row.setField("timestamp", Instant.EPOCH.plusNanos(micros * 1_000).atOffset(ZoneOffset.UTC));
      row.setField("timestamp_nanos", random.nextInt(1_000));
      row.setField("service_name", service);
      row.setField("resource_attributes", resource);
      row.setField("scope_name", "io.opentelemetry.filelog");
      row.setField("scope_version", "0.120.0");
      row.setField("attributes", attributes);
      row.setField("observed_timestamp", row.getField("timestamp"));
      row.setField("severity_number", body.contains("ERROR") ? 17 : body.contains("WARN") ? 13 : 9);
      row.setField("severity_text", body.contains("ERROR") ? "ERROR" : "INFO");
      row.setField("body", body);
      row.setField("trace_id", traced ? bytes(16) : null);
      row.setField("span_id", traced ? bytes(8) : null);
      row.setField("flags", traced ? 1 : 0);
      records.add(row);
      // Two fixed64 times, severity, body, attributes, ids: the LogRecord's protobuf size.
      bytes += 30 + body.getBytes(StandardCharsets.UTF_8).length + entriesSize(attributes);
      bytes += traced ? 28 : 0;
    }
    return new Request(records, bytes);
  }

  /** A request's rows and its decoded size in bytes. */
  public record Request(List<Record> rows, long inputBytes) {
    /** The same rows under a fresh batch id, as a new request would carry them. */
    public WalBatchRows batch(long id) {
      return new WalBatchRows(String.format("%032x", id), TenantId.DEFAULT, rows);
    }
  }

  private byte[] bytes(int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  private static long entriesSize(Map<String, String> entries) {
    return entries.entrySet().stream()
        .mapToLong(e -> 8 + e.getKey().length() + e.getValue().length())
        .sum();
  }

  private static List<String> readBodies(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<String> lines = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
      if (lines.isEmpty()) {
        throw new IllegalStateException("No *.log files in " + folder.toAbsolutePath());
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read loghub bodies from "
              + folder.toAbsolutePath()
              + " (set -D"
              + FOLDER_PROPERTY
              + "): "
              + e,
          e);
    }
  }
}
