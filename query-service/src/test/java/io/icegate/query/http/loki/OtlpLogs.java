package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.query.LakeStack;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.List;
import java.util.Map;

/** Raw OTLP/HTTP log requests to the ingest service, for exactly known rows. */
final class OtlpLogs {
  private OtlpLogs() {}

  /** One record: time, body, severity number and attributes. */
  record Line(long timeNanos, String body, int severity, Map<String, String> attributes) {
    Line(long timeNanos, String body) {
      this(timeNanos, body, 9, Map.of());
    }
  }

  static void send(LakeStack stack, String tenant, Map<String, String> resource, List<Line> lines) {
    Resource.Builder res = Resource.newBuilder();
    resource.forEach((k, v) -> res.addAttributes(kv(k, v)));
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (Line line : lines) {
      LogRecord.Builder record =
          LogRecord.newBuilder()
              .setTimeUnixNano(line.timeNanos())
              .setSeverityNumberValue(line.severity())
              .setBody(AnyValue.newBuilder().setStringValue(line.body()));
      line.attributes().forEach((k, v) -> record.addAttributes(kv(k, v)));
      scope.addLogRecords(record);
    }
    byte[] body =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(ResourceLogs.newBuilder().setResource(res).addScopeLogs(scope))
            .build()
            .toByteArray();
    LakeStack.Answer answer =
        stack.postIngest(
            "/v1/logs", body, "Content-Type", "application/x-protobuf", "X-Scope-OrgID", tenant);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }
}
