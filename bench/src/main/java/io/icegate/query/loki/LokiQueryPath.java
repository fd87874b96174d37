package io.icegate.query.loki;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryLimits;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The code path behind {@code /loki/api/v1/query_range}, opened for the benchmarks: the request's
 * parameters are parsed by {@link LokiRequest} from a real Micronaut form POST, then {@link
 * LokiApi#queryRange} plans, scans and renders Loki's JSON, exactly as {@link LokiController} calls
 * it (only HTTP transport is left out). It lives in the bench module but in the Loki package
 * because those classes are package-private on purpose.
 */
public final class LokiQueryPath {
  private final LokiApi api;

  public LokiQueryPath(LakeScanner scanner, QueryLimits limits) {
    this.api = new LokiApi(scanner, limits, LokiConfiguration.defaults());
  }

  /** Loki's JSON answer and what the scan read. */
  public record Result(byte[] json, long bytesScanned, long rowsScanned) {}

  /** {@code POST /loki/api/v1/query_range} with {@code params} as a form, for {@code tenant}. */
  public Result queryRange(TenantId tenant, Map<String, String> params) {
    String query =
        params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    // A form POST, as Grafana sends long queries: Micronaut's simple request does not parse a
    // GET's query string, while LokiRequest decodes a form body itself.
    byte[] body = query.getBytes(StandardCharsets.UTF_8);
    HttpRequest<byte[]> request =
        HttpRequest.POST("/loki/api/v1/query_range", body)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    LokiApi.Answer answer = api.queryRange(tenant, LokiRequest.of(request, body), false);
    return new Result(answer.json(), answer.bytesScanned(), answer.rowsScanned());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
