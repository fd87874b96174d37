package io.icegate.query.http.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows acknowledged by ingest are answered by SQL at once (from the WAL), the same after shifting
 * (from Iceberg), and never twice: not at the boundary between table and WAL, not when a client
 * retries a request whose rows were already shifted.
 */
class RealTimeSqlTest {
  private static final String TENANT = "rt";
  private static final String BODIES = "SELECT body FROM logs ORDER BY body";

  @TempDir Path root;
  private LakeStack stack;

  @BeforeEach
  void start() {
    stack = LakeStack.start(root, Map.of());
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void acknowledgedRowsAreAnsweredFromTheWalThenFromIcebergNeverTwice() {
    byte[] first = request("a", 5);
    byte[] second = request("b", 3);

    send(first);
    assertThat(bodies()).containsExactly("a 0", "a 1", "a 2", "a 3", "a 4");

    assertThat(stack.shift(WalSignal.LOGS)).isEqualTo(5);
    assertThat(bodies()).containsExactly("a 0", "a 1", "a 2", "a 3", "a 4");

    send(second);
    List<String> both = List.of("a 0", "a 1", "a 2", "a 3", "a 4", "b 0", "b 1", "b 2");
    assertThat(bodies()).containsExactlyElementsOf(both);

    send(first); // a client retry after a lost acknowledgement: same bytes, already shifted
    assertThat(bodies()).containsExactlyElementsOf(both);
    assertThat(stack.sql(TENANT, "SELECT COUNT(*), COUNT(DISTINCT body) FROM logs").rows())
        .containsExactly(List.of(8L, 8L));

    stack.shift(WalSignal.LOGS);
    assertThat(bodies()).containsExactlyElementsOf(both);
  }

  @Test
  void aRetryStillInTheWalIsAnsweredOnce() {
    byte[] first = request("c", 4);
    send(first);
    send(first);
    assertThat(bodies()).containsExactly("c 0", "c 1", "c 2", "c 3");
    stack.shift(WalSignal.LOGS);
    assertThat(bodies()).containsExactly("c 0", "c 1", "c 2", "c 3");
  }

  private List<Object> bodies() {
    return stack.sql(TENANT, BODIES).rows().stream().map(row -> row.get(0)).toList();
  }

  private void send(byte[] request) {
    LakeStack.Answer answer =
        stack.postIngest(
            "/v1/logs", request, "Content-Type", "application/x-protobuf", "X-Scope-OrgID", TENANT);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
  }

  private static byte[] request(String prefix, int records) {
    List<LogRecord> logs = new ArrayList<>();
    long base = 1_795_600_000_000_000_000L;
    for (int i = 0; i < records; i++) {
      logs.add(
          LogRecord.newBuilder()
              .setTimeUnixNano(base + i * 1_000_000_000L)
              .setSeverityNumber(io.opentelemetry.proto.logs.v1.SeverityNumber.SEVERITY_NUMBER_INFO)
              .setBody(AnyValue.newBuilder().setStringValue(prefix + " " + i))
              .build());
    }
    Resource resource =
        Resource.newBuilder()
            .addAttributes(
                KeyValue.newBuilder()
                    .setKey("service.name")
                    .setValue(AnyValue.newBuilder().setStringValue("rt-service")))
            .build();
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(resource)
                .addScopeLogs(ScopeLogs.newBuilder().addAllLogRecords(logs)))
        .build()
        .toByteArray();
  }
}
