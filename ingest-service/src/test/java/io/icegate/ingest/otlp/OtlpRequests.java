package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpValues.kv;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Status;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small OTLP requests and encodings for receiver tests. */
final class OtlpRequests {
  static final long TIME = 1_764_064_800_000_000_000L; // 2025-11-25T10:00:00Z

  private OtlpRequests() {}

  static LogRecord log(String body, KeyValue... attributes) {
    return LogRecord.newBuilder()
        .setTimeUnixNano(TIME)
        .setSeverityNumberValue(9)
        .setBody(AnyValue.newBuilder().setStringValue(body))
        .addAllAttributes(List.of(attributes))
        .build();
  }

  static ExportLogsServiceRequest logs(LogRecord... records) {
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(kv("service.name", "svc")))
                .addScopeLogs(ScopeLogs.newBuilder().addAllLogRecords(List.of(records))))
        .build();
  }

  static ExportLogsServiceRequest logs(String... bodies) {
    return logs(java.util.Arrays.stream(bodies).map(body -> log(body)).toArray(LogRecord[]::new));
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Status statusJson(byte[] json) {
    Status.Builder status = Status.newBuilder();
    try {
      JsonFormat.parser().merge(new String(json, StandardCharsets.UTF_8), status);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "Not a JSON google.rpc.Status: " + new String(json, StandardCharsets.UTF_8), e);
    }
    return status.build();
  }

  static Status status(byte[] protobuf) {
    try {
      return Status.parseFrom(protobuf);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "Not a google.rpc.Status: " + ByteString.copyFrom(protobuf), e);
    }
  }

  /** Where {@code needle} starts in {@code haystack}. */
  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("marker not found");
  }
}
