package io.icegate.query;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A small, fully known set of telemetry sent through the OpenTelemetry SDK's OTLP/HTTP exporters
 * for one tenant, so SQL answers can be checked value by value:
 *
 * <pre>
 * logs   checkout  "{p}checkout 0..5"  10:00:00 + 20 s * i   ERROR for even i, else INFO
 *                  attributes http.route = /pay (i < 4) or /cart; i = 0 inside span "POST /pay"
 *        cart      "{p}cart 0..2"      10:00:30 + 30 s * i   INFO, http.route = /cart
 *                  i = 0 inside span "GET /cart"
 * spans  trace 5b8efff798038103d269b633813fc60c: "POST /pay" (checkout), "GET /cart" (cart)
 *        trace 0af7651916cd43dd8448eb211c80319c: "GET /health" (cart), no logs
 * </pre>
 *
 * {@code p} is a body prefix that marks the tenant (empty for the main tenant).
 */
public final class TelemetryFixture {
  public static final String TRACE_1 = "5b8efff798038103d269b633813fc60c";
  public static final String TRACE_2 = "0af7651916cd43dd8448eb211c80319c";
  public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private TelemetryFixture() {}

  public static void send(LakeStack stack, String tenant, String prefix) {
    try (SdkLoggerProvider checkoutLogs = loggers(stack, tenant, "checkout");
        SdkLoggerProvider cartLogs = loggers(stack, tenant, "cart");
        SdkTracerProvider checkoutTraces = tracers(stack, tenant, "checkout");
        SdkTracerProvider cartTraces = tracers(stack, tenant, "cart")) {
      Span pay =
          checkoutTraces
              .get("shop")
              .spanBuilder("POST /pay")
              .setParent(remote(TRACE_1))
              .setStartTimestamp(T0)
              .startSpan();
      Span cart =
          cartTraces
              .get("shop")
              .spanBuilder("GET /cart")
              .setParent(remote(TRACE_1))
              .setStartTimestamp(T0.plusSeconds(30))
              .startSpan();
      Span health =
          cartTraces
              .get("shop")
              .spanBuilder("GET /health")
              .setParent(remote(TRACE_2))
              .setStartTimestamp(T0.plusSeconds(5))
              .startSpan();
      Logger checkout = checkoutLogs.get("shop");
      for (int i = 0; i < 6; i++) {
        var record =
            checkout
                .logRecordBuilder()
                .setTimestamp(T0.plusSeconds(20L * i))
                .setSeverity(i % 2 == 0 ? Severity.ERROR : Severity.INFO)
                .setSeverityText(i % 2 == 0 ? "ERROR" : "INFO")
                .setBody(prefix + "checkout " + i)
                .setAttribute(stringKey("http.route"), i < 4 ? "/pay" : "/cart");
        if (i == 0) {
          record.setContext(Context.root().with(pay));
        }
        record.emit();
      }
      Logger carts = cartLogs.get("shop");
      for (int i = 0; i < 3; i++) {
        var record =
            carts
                .logRecordBuilder()
                .setTimestamp(T0.plusSeconds(30L + 30L * i))
                .setSeverity(Severity.INFO)
                .setSeverityText("INFO")
                .setBody(prefix + "cart " + i)
                .setAttribute(stringKey("http.route"), "/cart");
        if (i == 0) {
          record.setContext(Context.root().with(cart));
        }
        record.emit();
      }
      pay.end(T0.plusMillis(250));
      cart.end(T0.plusSeconds(30).plusMillis(40));
      health.end(T0.plusSeconds(5).plusMillis(2));
      for (var flush :
          new CompletableResultCode[] {
            checkoutLogs.forceFlush(),
            cartLogs.forceFlush(),
            checkoutTraces.forceFlush(),
            cartTraces.forceFlush()
          }) {
        if (!flush.join(30, TimeUnit.SECONDS).isSuccess()) {
          throw new AssertionError("OTLP export failed");
        }
      }
    }
  }

  private static Context remote(String traceId) {
    return Context.root()
        .with(
            Span.wrap(
                SpanContext.createFromRemoteParent(
                    traceId,
                    "eee19b7ec3c1b174",
                    TraceFlags.getSampled(),
                    TraceState.getDefault())));
  }

  private static SdkLoggerProvider loggers(LakeStack stack, String tenant, String service) {
    return SdkLoggerProvider.builder()
        .setResource(resource(service))
        .addLogRecordProcessor(
            BatchLogRecordProcessor.builder(
                    OtlpHttpLogRecordExporter.builder()
                        .setEndpoint(stack.otlpEndpoint() + "/v1/logs")
                        .addHeader("X-Scope-OrgID", tenant)
                        .build())
                .build())
        .build();
  }

  private static SdkTracerProvider tracers(LakeStack stack, String tenant, String service) {
    return SdkTracerProvider.builder()
        .setResource(resource(service))
        .addSpanProcessor(
            BatchSpanProcessor.builder(
                    OtlpHttpSpanExporter.builder()
                        .setEndpoint(stack.otlpEndpoint() + "/v1/traces")
                        .addHeader("X-Scope-OrgID", tenant)
                        .build())
                .build())
        .build();
  }

  private static Resource resource(String service) {
    return Resource.create(Attributes.of(stringKey("service.name"), service));
  }
}
