package io.icegate.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.IceGateService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The query port in the all-in-one JVM: it answers SQL and {@code /ready}, no other port does, and
 * it serves none of the other services' endpoints (each context scans the whole classpath, so a
 * missing gate would show up here).
 */
class QueryPortTest extends StandaloneStackFixture {
  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void onlyTheQueryPortAnswersSql(IceGateService service) throws Exception {
    HttpResponse<String> sql =
        post(service, "/api/v1/sql", "text/plain", "SELECT COUNT(*) AS n FROM logs");

    if (service == IceGateService.QUERY) {
      assertThat(sql.statusCode()).isEqualTo(200);
      assertThat(sql.body()).contains("\"rows\":[[0]]");
    } else {
      assertThat(sql.statusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void onlyTheQueryPortAnswersReady(IceGateService service) throws Exception {
    assertThat(get(service, "/ready").statusCode())
        .isEqualTo(service == IceGateService.QUERY ? 200 : 404);
  }

  @Test
  void queryPortServesNoOtherServicesEndpoints() throws Exception {
    assertThat(get(IceGateService.QUERY, "/v1/config").statusCode()).as("catalog").isEqualTo(404);
    assertThat(post(IceGateService.QUERY, "/v1/logs", "application/json", "{}").statusCode())
        .as("ingest")
        .isEqualTo(404);
    assertThat(get(IceGateService.QUERY, "/maintain/jobs").statusCode())
        .as("maintain")
        .isEqualTo(404);
    assertThat(get(IceGateService.QUERY, "/info").body()).contains("\"service\":\"query\"");
  }
}
