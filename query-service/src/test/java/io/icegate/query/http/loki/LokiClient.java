package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.query.LakeStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.util.JsonUtil;

/** Sends Loki API requests the way Grafana does (GET with a query string, or form POST). */
public final class LokiClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final LakeStack stack;

  public LokiClient(LakeStack stack) {
    this.stack = stack;
  }

  /** {@code icegate_query_requests_total{api="loki",outcome=...}} on /metrics, 0 when absent. */
  public double requests(String outcome) {
    String series = "icegate_query_requests_total{api=\"loki\",outcome=\"" + outcome + "\"} ";
    return stack
        .get("/metrics")
        .text()
        .lines()
        .filter(line -> line.startsWith(series))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).trim()))
        .sum();
  }

  /** An answer: status and parsed JSON (null when the body is not JSON). */
  public record Reply(int status, String text, JsonNode json) {
    public List<String> strings(String field) {
      List<String> values = new ArrayList<>();
      json.get(field).forEach(node -> values.add(node.asText()));
      return values;
    }
  }

  /**
   * Asserts Loki's one-line {@code bad_data} error: the status, the message part, and no stack
   * trace or exception name.
   */
  public static void assertBadData(Reply reply, int status, String message) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(reply.json().get("status").asText()).isEqualTo("error");
    assertThat(reply.json().get("errorType").asText()).isEqualTo("bad_data");
    assertThat(reply.json().get("error").asText()).contains(message);
    assertThat(reply.text())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("\n");
  }

  /** {@code name=value&...} of name, value pairs, URL-encoded. */
  public static String query(String... pairs) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (query.length() > 0) {
        query.append('&');
      }
      query
          .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  /** GET {@code path?query} with headers given as name, value pairs. */
  public Reply get(String path, String query, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(stack.queryEndpoint() + path + (query.isEmpty() ? "" : "?" + query)))
            .GET();
    return send(request, headers);
  }

  /** A form POST of {@code form} to {@code path}. */
  public Reply post(String path, String form, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.queryEndpoint() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    return send(request, headers);
  }

  private static Reply send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = JsonUtil.mapper().readTree(response.body());
      } catch (IOException e) {
        json = null;
      }
      return new Reply(response.statusCode(), response.body(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
