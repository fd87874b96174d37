package io.icegate.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.S3ProxyExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole path to an outside engine: OTLP/HTTP into ingest-service (WAL, then the shifter into
 * Iceberg), and Spark reading {@code icegate.logs}, {@code spans}, {@code metrics} and {@code
 * events} through catalog-service — three processes and Spark on one S3Proxy lake. Counts match
 * exactly; one record of each signal is compared field by field with what was sent.
 */
class IngestToSparkTest {
  private static final int LOGS = 12;
  private static final int EVENTS = 4;
  private static final int SPANS = 10;
  private static final int POINTS = 10;

  @RegisterExtension static S3ProxyExtension S3 = new S3ProxyExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static IceGateProcesses icegate;
  private static URI ingest;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    icegate =
        new IceGateProcesses(
            S3.bucket(), "lake-" + UUID.randomUUID() + "/", S3.endpoint().toString());
    ingest = icegate.startIngest();
    spark = Sparks.session(icegate.startCatalog());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (icegate != null) {
      icegate.close();
    }
  }

  private static void post(String path, String json) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(ingest.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static long count(String table) {
    return spark.sql("SELECT count(*) FROM icegate.icegate." + table).first().getLong(0);
  }

  @Test
  void otlpRowsShiftedIntoIcebergAreReadBySparkThroughCatalogService() throws Exception {
    long base = Instant.now().minusSeconds(60).toEpochMilli() * 1_000_000L;
    for (int i = 0; i < LOGS + EVENTS; i++) {
      String event = i < EVENTS ? "app.started" : null;
      post(
          "/v1/logs",
          OtlpJson.log("checkout", base + i * 1_000_000L, "body-" + i, "k", "v" + i, event));
    }
    for (int i = 0; i < SPANS; i++) {
      post(
          "/v1/traces",
          OtlpJson.span(
              "checkout",
              base + i * 1_000_000L,
              "GET /cart",
              "00000000000000%02d".formatted(i + 1)));
    }
    for (int i = 0; i < POINTS; i++) {
      post("/v1/metrics", OtlpJson.gauge("checkout", base + i * 1_000_000L, "cpu.load", i + 0.5));
    }

    // Acknowledged rows are in the WAL; the shifter (every second) moves them into Iceberg. The
    // counts must become exactly right: a row stored twice would keep them above forever.
    Awaitility.await("all rows shifted into Iceberg and visible to Spark")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                count("logs") == LOGS
                    && count("events") == EVENTS
                    && count("spans") == SPANS
                    && count("metrics") == POINTS);

    Row log =
        spark
            .sql(
                "SELECT tenant_id, timestamp, service_name, resource_attributes['host.name'],"
                    + " scope_name, scope_version, severity_number, severity_text, body,"
                    + " attributes['k'], hex(trace_id), hex(span_id)"
                    + " FROM icegate.icegate.logs WHERE body = 'body-7'")
            .first();
    assertThat(log.getString(0)).isEqualTo("default");
    assertThat(log.getTimestamp(1)).isEqualTo(micros(base + 7 * 1_000_000L));
    assertThat(log.getString(2)).isEqualTo("checkout");
    assertThat(log.getString(3)).isEqualTo("h1");
    assertThat(log.getString(4)).isEqualTo("interop");
    assertThat(log.getString(5)).isEqualTo("1.0");
    assertThat(log.getInt(6)).isEqualTo(9);
    assertThat(log.getString(7)).isEqualTo("INFO");
    assertThat(log.getString(8)).isEqualTo("body-7");
    assertThat(log.getString(9)).isEqualTo("v7");
    assertThat(log.getString(10)).isEqualToIgnoringCase("5b8efff798038103d269b633813fc60c");
    assertThat(log.getString(11)).isEqualToIgnoringCase("eee19b7ec3c1b174");

    Row event =
        spark
            .sql(
                "SELECT event_name, body, attributes['k'], service_name"
                    + " FROM icegate.icegate.events WHERE body = 'body-2'")
            .first();
    assertThat(event.getString(0)).isEqualTo("app.started");
    assertThat(event.getString(1)).isEqualTo("body-2");
    assertThat(event.getString(2)).isEqualTo("v2");
    assertThat(event.getString(3)).isEqualTo("checkout");

    Row span =
        spark
            .sql(
                "SELECT name, kind, timestamp, end_timestamp, attributes['http.method'],"
                    + " hex(trace_id), service_name FROM icegate.icegate.spans"
                    + " WHERE hex(span_id) = '0000000000000004'")
            .first();
    assertThat(span.getString(0)).isEqualTo("GET /cart");
    assertThat(span.getInt(1)).isEqualTo(2);
    assertThat(span.getTimestamp(2)).isEqualTo(micros(base + 3 * 1_000_000L));
    assertThat(span.getTimestamp(3)).isEqualTo(micros(base + 3 * 1_000_000L + 5_000_000L));
    assertThat(span.getString(4)).isEqualTo("GET");
    assertThat(span.getString(5)).isEqualToIgnoringCase("5b8efff798038103d269b633813fc60c");
    assertThat(span.getString(6)).isEqualTo("checkout");

    Row point =
        spark
            .sql(
                "SELECT metric_name, metric_type, unit, value_double, attributes['cpu'], timestamp"
                    + " FROM icegate.icegate.metrics WHERE value_double = 5.5")
            .first();
    assertThat(point.getString(0)).isEqualTo("cpu.load");
    assertThat(point.getString(1)).isEqualTo("gauge");
    assertThat(point.getString(2)).isEqualTo("1");
    assertThat(point.getDouble(3)).isEqualTo(5.5);
    assertThat(point.getString(4)).isEqualTo("0");
    assertThat(point.getTimestamp(5)).isEqualTo(micros(base + 5 * 1_000_000L));
  }

  private static Timestamp micros(long nanos) {
    return Timestamp.from(Instant.ofEpochSecond(0, nanos / 1000 * 1000));
  }
}
