package io.icegate.query.http.loki.index;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.icegate.query.LakeStack;
import io.icegate.query.http.loki.LokiClient;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends log lines through the OpenTelemetry SDK's OTLP/HTTP exporter (the raw-request sender for
 * exactly known rows is {@code loki.OtlpLogs}), one resource ({@code service.name}, {@code
 * deployment.environment}) per call, and asks the Loki API as Grafana does (GET, query string,
 * optional {@code X-Scope-OrgID}).
 */
public final class SdkLogs {
  /** One line: its time, body and {@code http.route} attribute (none when null). */
  public record Line(Instant time, String body, String route) {}

  private SdkLogs() {}

  public static void send(
      LakeStack stack, String tenant, String service, String environment, List<Line> lines) {
    Resource resource =
        Resource.create(
            Attributes.of(
                stringKey("service.name"),
                service,
                stringKey("deployment.environment"),
                environment));
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(resource)
            .addLogRecordProcessor(
                BatchLogRecordProcessor.builder(
                        OtlpHttpLogRecordExporter.builder()
                            .setEndpoint(stack.otlpEndpoint() + "/v1/logs")
                            .addHeader("X-Scope-OrgID", tenant)
                            .build())
                    .build())
            .build()) {
      for (Line line : lines) {
        var record =
            provider
                .get("shop")
                .logRecordBuilder()
                .setTimestamp(line.time())
                .setSeverity(Severity.INFO)
                .setSeverityText("INFO")
                .setBody(line.body());
        if (line.route() != null) {
          record.setAttribute(stringKey("http.route"), line.route());
        }
        record.emit();
      }
      CompletableResultCode flush = provider.forceFlush().join(30, TimeUnit.SECONDS);
      if (!flush.isSuccess()) {
        throw new AssertionError("OTLP export failed");
      }
    }
  }

  /**
   * GETs {@code path?name=value&...} ({@code params} are name, value pairs) as {@code tenant} (no
   * {@code X-Scope-OrgID} when null), with Grafana's org header.
   */
  public static LokiClient.Reply get(
      LakeStack stack, String tenant, String path, String... params) {
    String[] headers =
        tenant == null
            ? new String[] {"X-Grafana-Org-Id", "1"}
            : new String[] {"X-Scope-OrgID", tenant, "X-Grafana-Org-Id", "1"};
    return new LokiClient(stack).get(path, LokiClient.query(params), headers);
  }

  /** {@code start}, {@code end} (nanoseconds) and {@code more} name, value pairs. */
  public static String[] range(Instant start, Instant end, String... more) {
    List<String> params = new ArrayList<>(List.of("start", nanos(start), "end", nanos(end)));
    params.addAll(List.of(more));
    return params.toArray(String[]::new);
  }

  /** UTF-8 size of a line: what Loki counts as its bytes. */
  public static long bytes(String line) {
    return line.getBytes(StandardCharsets.UTF_8).length;
  }

  public static String nanos(Instant time) {
    return Long.toString(time.getEpochSecond() * 1_000_000_000L + time.getNano());
  }
}
