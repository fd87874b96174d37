package io.icegate.bench.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.icegate.bench.wal.LoghubRows;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic OTLP requests as protobuf bytes, built once and sent many times: log bodies are real
 * loghub lines ({@link LoghubRows}; Loghub, Zhu et al., ISSRE 2023, see the LICENSE in the data
 * folder), spans form traces of a few services with HTTP/DB attributes and an event on one span in
 * five, metrics mix gauges, monotonic sums and explicit-bucket histograms. Every record carries
 * {@code attributes} extra attributes on top of the fixed realistic ones.
 *
 * <p>{@link #send(int, long)} appends an unknown protobuf field holding a sequence number to the
 * stored bytes: receivers ignore its content but it changes the request's canonical bytes, so each
 * send is a new batch (new batch id) as a new export would be, without re-encoding the request.
 */
public final class OtlpPayloads {
  private static final int SEQUENCE_FIELD = 1000;
  private static final String[] SERVICES = {"checkout", "cart", "payment", "search", "auth"};

  private final String signal;
  private final List<byte[]> requests;
  private final int recordsPerRequest;

  private OtlpPayloads(String signal, List<byte[]> requests, int recordsPerRequest) {
    this.signal = signal;
    this.requests = requests;
    this.recordsPerRequest = recordsPerRequest;
  }

  /** {@code distinct} requests of {@code batch} records of one signal. */
  public static OtlpPayloads build(String signal, int distinct, int batch, int attributes) {
    Random random = new Random(42);
    List<String> bodies = signal.equals("logs") ? new LoghubRows().bodies() : List.of();
    List<byte[]> requests = new ArrayList<>(distinct);
    long now = System.currentTimeMillis() * 1_000_000L;
    for (int i = 0; i < distinct; i++) {
      Generator generator = new Generator(random, attributes, now + i * 1_000_000_000L);
      requests.add(
          switch (signal) {
            case "logs" -> generator.logs(batch, bodies).toByteArray();
            case "spans" -> generator.spans(batch).toByteArray();
            case "metrics" -> generator.metrics(batch).toByteArray();
            default -> throw new IllegalArgumentException("Unknown signal " + signal);
          });
    }
    return new OtlpPayloads(signal, requests, batch);
  }

  public String signal() {
    return signal;
  }

  public int recordsPerRequest() {
    return recordsPerRequest;
  }

  public int distinct() {
    return requests.size();
  }

  /** The request as built (no sequence field), for the decode-and-encode limit. */
  public byte[] request(int index) {
    return requests.get(index % requests.size());
  }

  /** The bytes of send number {@code sequence}: request {@code index} plus a sequence field. */
  public byte[] send(int index, long sequence) {
    byte[] base = request(index);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(base.length + 12);
      out.write(base);
      CodedOutputStream coded = CodedOutputStream.newInstance(out);
      coded.writeUInt64(SEQUENCE_FIELD, sequence);
      coded.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Average protobuf size of one record (the request bytes over its records). */
  public double otlpBytesPerRecord() {
    return requests.stream().mapToLong(r -> r.length).average().orElse(0) / recordsPerRequest;
  }

  /** Builds requests; one instance per request. */
  private static final class Generator {
    private final Random random;
    private final int extraAttributes;
    private long time;

    Generator(Random random, int extraAttributes, long startNanos) {
      this.random = random;
      this.extraAttributes = extraAttributes;
      this.time = startNanos;
    }

    ExportLogsServiceRequest logs(int records, List<String> bodies) {
      String service = SERVICES[random.nextInt(SERVICES.length)];
      ScopeLogs.Builder scope =
          ScopeLogs.newBuilder().setScope(scope("io.opentelemetry.filelog", "0.120.0"));
      for (int i = 0; i < records; i++) {
        String body = bodies.get(random.nextInt(bodies.size()));
        boolean error = body.contains("ERROR") || body.contains("error");
        LogRecord.Builder log =
            LogRecord.newBuilder()
                .setTimeUnixNano(tick())
                .setObservedTimeUnixNano(time + 1_000_000)
                .setSeverityNumberValue(error ? 17 : 9)
                .setSeverityText(error ? "ERROR" : "INFO")
                .setBody(str(body))
                .addAttributes(kv("log.file.name", service + ".log"))
                .addAttributes(kv("log.iostream", "stdout"))
                .addAttributes(kv("thread.id", integer(random.nextInt(64))));
        extra(log::addAttributes);
        if (random.nextInt(10) < 3) {
          log.setTraceId(bytes(16)).setSpanId(bytes(8)).setFlags(1);
        }
        scope.addLogRecords(log);
      }
      return ExportLogsServiceRequest.newBuilder()
          .addResourceLogs(
              ResourceLogs.newBuilder().setResource(resource(service)).addScopeLogs(scope))
          .build();
    }

    ExportTraceServiceRequest spans(int records) {
      String service = SERVICES[random.nextInt(SERVICES.length)];
      ScopeSpans.Builder scope =
          ScopeSpans.newBuilder().setScope(scope("io.opentelemetry.spring-webmvc-6.0", "2.10.0"));
      ByteString traceId = bytes(16);
      ByteString parent = ByteString.EMPTY;
      for (int i = 0; i < records; i++) {
        if (i % 8 == 0) {
          traceId = bytes(16);
          parent = ByteString.EMPTY;
        }
        ByteString spanId = bytes(8);
        long start = tick();
        boolean server = parent.isEmpty();
        int route = random.nextInt(20);
        Span.Builder span =
            Span.newBuilder()
                .setTraceId(traceId)
                .setSpanId(spanId)
                .setParentSpanId(parent)
                .setName(server ? "GET /api/v1/items/{id}" + route : "SELECT shop.items")
                .setKindValue(server ? 2 : 3)
                .setStartTimeUnixNano(start)
                .setEndTimeUnixNano(start + 1_000_000L + random.nextInt(50_000_000))
                .setFlags(0x101)
                .addAttributes(
                    kv(
                        server ? "http.route" : "db.system",
                        server ? "/api/v1/items/{id}" + route : "postgresql"))
                .addAttributes(
                    kv(
                        server ? "http.request.method" : "db.operation.name",
                        server ? "GET" : "SELECT"))
                .addAttributes(
                    kv(
                        server ? "http.response.status_code" : "db.namespace",
                        server ? integer(200) : str("shop")))
                .setStatus(Status.newBuilder().setCodeValue(random.nextInt(50) == 0 ? 2 : 0));
        extra(span::addAttributes);
        if (random.nextInt(5) == 0) {
          span.addEvents(
              Span.Event.newBuilder()
                  .setTimeUnixNano(start + 500_000)
                  .setName("cache.miss")
                  .addAttributes(kv("cache.key", "item:" + random.nextInt(10_000))));
        }
        scope.addSpans(span);
        parent = spanId;
      }
      return ExportTraceServiceRequest.newBuilder()
          .addResourceSpans(
              ResourceSpans.newBuilder().setResource(resource(service)).addScopeSpans(scope))
          .build();
    }

    /** {@code points} data points over gauges, sums and histograms of 10 points each. */
    ExportMetricsServiceRequest metrics(int points) {
      String service = SERVICES[random.nextInt(SERVICES.length)];
      ScopeMetrics.Builder scope =
          ScopeMetrics.newBuilder().setScope(scope("io.opentelemetry.runtime-telemetry", "2.10.0"));
      long start = time;
      long now = tick();
      int made = 0;
      for (int m = 0; made < points; m++) {
        int count = Math.min(10, points - made);
        Metric.Builder metric =
            Metric.newBuilder().setName(metricName(m)).setUnit(m % 3 == 2 ? "ms" : "1");
        switch (m % 3) {
          case 0 -> {
            Gauge.Builder gauge = Gauge.newBuilder();
            for (int p = 0; p < count; p++) {
              gauge.addDataPoints(number(start, now, p).setAsDouble(random.nextDouble() * 100));
            }
            metric.setGauge(gauge);
          }
          case 1 -> {
            Sum.Builder sum =
                Sum.newBuilder()
                    .setIsMonotonic(true)
                    .setAggregationTemporality(
                        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
            for (int p = 0; p < count; p++) {
              sum.addDataPoints(number(start, now, p).setAsInt(random.nextInt(1_000_000)));
            }
            metric.setSum(sum);
          }
          default -> {
            Histogram.Builder histogram =
                Histogram.newBuilder()
                    .setAggregationTemporality(
                        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
            for (int p = 0; p < count; p++) {
              HistogramDataPoint.Builder point =
                  HistogramDataPoint.newBuilder()
                      .setStartTimeUnixNano(start)
                      .setTimeUnixNano(now)
                      .addAttributes(kv("http.route", "/api/v1/items/{id}" + p));
              extra(point::addAttributes);
              long total = 0;
              double sum = 0;
              for (double bound : new double[] {5, 10, 25, 50, 100, 250, 500, 1000}) {
                long c = random.nextInt(100);
                point.addExplicitBounds(bound).addBucketCounts(c);
                total += c;
                sum += c * bound * 0.7;
              }
              long over = random.nextInt(5);
              point
                  .addBucketCounts(over)
                  .setCount(total + over)
                  .setSum(sum)
                  .setMin(0.4)
                  .setMax(1800);
              histogram.addDataPoints(point);
            }
            metric.setHistogram(histogram);
          }
        }
        scope.addMetrics(metric);
        made += count;
      }
      return ExportMetricsServiceRequest.newBuilder()
          .addResourceMetrics(
              ResourceMetrics.newBuilder().setResource(resource(service)).addScopeMetrics(scope))
          .build();
    }

    private NumberDataPoint.Builder number(long start, long now, int p) {
      NumberDataPoint.Builder point =
          NumberDataPoint.newBuilder()
              .setStartTimeUnixNano(start)
              .setTimeUnixNano(now)
              .addAttributes(kv("state", p % 2 == 0 ? "used" : "free"))
              .addAttributes(kv("pool", "pool-" + p));
      extra(point::addAttributes);
      return point;
    }

    private static String metricName(int m) {
      String[] names = {
        "jvm.memory.used", "http.server.request.count", "http.server.request.duration",
        "jvm.gc.duration", "db.client.connection.count", "process.cpu.time"
      };
      return names[m % names.length] + (m < names.length ? "" : "." + m);
    }

    private void extra(java.util.function.Consumer<KeyValue> add) {
      for (int a = 0; a < extraAttributes; a++) {
        add.accept(kv("app.attr." + a, "value-" + random.nextInt(1_000)));
      }
    }

    private Resource resource(String service) {
      int pod = random.nextInt(8);
      return Resource.newBuilder()
          .addAttributes(kv("service.name", service))
          .addAttributes(kv("service.instance.id", service + "-" + pod))
          .addAttributes(kv("host.name", "node-" + pod + ".cluster.local"))
          .addAttributes(kv("k8s.pod.name", service + "-7d9f8b6c5-" + pod))
          .addAttributes(kv("telemetry.sdk.language", "java"))
          .build();
    }

    private static InstrumentationScope scope(String name, String version) {
      return InstrumentationScope.newBuilder().setName(name).setVersion(version).build();
    }

    private long tick() {
      time += 1_000 + random.nextInt(1_000_000);
      return time;
    }

    private ByteString bytes(int length) {
      byte[] out = new byte[length];
      random.nextBytes(out);
      return ByteString.copyFrom(out);
    }
  }

  private static AnyValue str(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }

  private static AnyValue integer(long value) {
    return AnyValue.newBuilder().setIntValue(value).build();
  }

  private static KeyValue kv(String key, String value) {
    return kv(key, str(value));
  }

  private static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }
}
