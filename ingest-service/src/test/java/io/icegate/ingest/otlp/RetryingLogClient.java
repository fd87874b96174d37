package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpValues.kv;
import static io.icegate.ingest.otlp.OtlpValues.str;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An OTLP/HTTP client that behaves like an SDK exporter with retries: each request (a few log
 * records, each with a unique {@code client.record} attribute) is sent again, byte for byte, until
 * the server answers 200, whatever happens in between (connection refused or reset while the server
 * is down, timeouts, 503). Only then are its records counted as acknowledged.
 */
final class RetryingLogClient implements Runnable {
  static final String RECORD_KEY = "client.record";
  private static final int RECORDS_PER_REQUEST = 5;

  private final String name;
  private final String tenant;
  private final Supplier<String> endpoint;
  private final Set<String> acknowledged;
  private final AtomicInteger acks;
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private volatile boolean stopped;

  /**
   * @param endpoint the server's current base URL (changes when it is restarted)
   * @param acknowledged receives the record ids of every acknowledged request
   * @param acks counts acknowledged requests
   */
  RetryingLogClient(
      String name,
      String tenant,
      Supplier<String> endpoint,
      Set<String> acknowledged,
      AtomicInteger acks) {
    this.name = name;
    this.tenant = tenant;
    this.endpoint = endpoint;
    this.acknowledged = acknowledged;
    this.acks = acks;
  }

  static Set<String> newRecordSet() {
    return ConcurrentHashMap.newKeySet();
  }

  @Override
  public void run() {
    for (int n = 0; !stopped; n++) {
      List<String> records = recordIds(n);
      byte[] body = request(records).toByteArray();
      while (!stopped) {
        if (send(body)) {
          acknowledged.addAll(records);
          acks.incrementAndGet();
          break;
        }
        retries.incrementAndGet();
        sleep(50);
      }
    }
  }

  void stop() {
    stopped = true;
  }

  int retries() {
    return retries.get();
  }

  String lastFailure() {
    return lastFailure.get();
  }

  private boolean send(byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint.get() + "/v1/logs"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-protobuf")
            .header("X-Scope-OrgID", tenant)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 200) {
        return true;
      }
      // 503 and 429 are OTLP's retryable answers; anything else is kept for the test to report.
      lastFailure.set("HTTP " + response.statusCode() + " " + new String(response.body()));
      return false;
    } catch (IOException e) {
      lastFailure.set(e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      return false;
    }
  }

  private List<String> recordIds(int n) {
    return java.util.stream.IntStream.range(0, RECORDS_PER_REQUEST)
        .mapToObj(i -> name + "-" + n + "-" + i)
        .toList();
  }

  private static ExportLogsServiceRequest request(List<String> records) {
    ScopeLogs.Builder scope =
        ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("kill-test"));
    long now = System.currentTimeMillis() * 1_000_000L;
    for (String record : records) {
      scope.addLogRecords(
          LogRecord.newBuilder()
              .setTimeUnixNano(now)
              .setSeverityNumberValue(9)
              .setBody(str("record " + record + " of a load that survives kill -9"))
              .addAttributes(kv(RECORD_KEY, record)));
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(kv("service.name", "loadgen")))
                .addScopeLogs(scope))
        .build();
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }
}
