package io.icegate.query.http.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.error.ErrorKind;
import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.QueryMetrics;
import io.icegate.query.http.ErrorMessages;
import io.icegate.query.http.RequestTenant;
import io.icegate.query.sql.SqlEngine;
import io.icegate.query.sql.SqlQueryException;
import io.icegate.query.sql.SqlResult;
import io.icegate.query.tenant.QueryTenantResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.iceberg.util.JsonUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/sql}: the query is the body, either JSON {@code {"query": "..."}} ({@code
 * Content-Type: application/json}) or the SQL text itself (any other content type). The answer is
 * JSON, or an Arrow IPC stream when the client accepts {@code application/vnd.apache.arrow.stream}.
 * Every failure is mapped here, in one place, to a status and a one-line JSON error
 * (docs/query.md).
 */
@Controller("/api/v1/sql")
final class SqlController {
  private static final Logger LOG = LoggerFactory.getLogger(SqlController.class);
  private static final int MAX_QUERY_CHARS = 1 << 20;

  private final SqlEngine engine;
  private final QueryTenantResolver tenants;
  private final QueryMetrics metrics;

  SqlController(SqlEngine engine, QueryTenantResolver tenants, QueryMetrics metrics) {
    this.engine = engine;
    this.tenants = tenants;
    this.metrics = metrics;
  }

  @Post(
      consumes = MediaType.ALL,
      produces = {MediaType.APPLICATION_JSON, SqlArrow.MEDIA_TYPE})
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> query(HttpRequest<byte[]> request) {
    // The body comes from the request, not an @Nullable byte[] parameter (Micronaut warns about
    // @Nullable on an array it treats as primitive); an empty body is answered like empty SQL.
    byte[] body = request.getBody().orElse(null);
    long start = System.nanoTime();
    try {
      TenantId tenant = RequestTenant.of(tenants, request);
      String sql = sqlOf(request, body == null ? new byte[0] : body);
      SqlResult result = engine.execute(tenant, sql);
      metrics.record(
          "sql",
          "ok",
          System.nanoTime() - start,
          result.stats().bytesScanned(),
          result.stats().rowsScanned());
      boolean arrow =
          request.getHeaders().accept().stream()
              .anyMatch(type -> type.getName().equals(SqlArrow.MEDIA_TYPE));
      return arrow
          ? HttpResponse.ok(SqlArrow.write(result)).contentType(SqlArrow.MEDIA_TYPE)
          : HttpResponse.ok(SqlJson.write(result)).contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (RuntimeException e) {
      HttpResponse<byte[]> response = error(e);
      metrics.record("sql", ErrorKind.of(e).type(), System.nanoTime() - start, 0, 0);
      return response;
    }
  }

  private static String sqlOf(HttpRequest<?> request, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    boolean json =
        request
            .getContentType()
            .map(type -> type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))
            .orElse(false);
    if (json) {
      try {
        JsonNode node = JsonUtil.mapper().readTree(text);
        JsonNode query = node == null ? null : node.get("query");
        if (query == null || !query.isTextual()) {
          throw new BadRequestException("Cannot run query: the JSON body needs a \"query\" string");
        }
        text = query.asText();
      } catch (IOException e) {
        throw new BadRequestException("Cannot run query: the body is not valid JSON");
      }
    }
    if (text.isBlank()) {
      throw new BadRequestException("Cannot run query: the query is empty");
    }
    if (text.length() > MAX_QUERY_CHARS) {
      throw new BadRequestException(
          "Cannot run query: the query is longer than " + MAX_QUERY_CHARS + " characters");
    }
    return text;
  }

  /** The status and error body of a failure, derived from its {@link ErrorKind}. */
  private static HttpResponse<byte[]> error(RuntimeException e) {
    ErrorKind kind = ErrorKind.of(e);
    SqlQueryException.Position position =
        e instanceof SqlQueryException sql ? sql.position().orElse(null) : null;
    String message =
        switch (kind) {
          case UNAVAILABLE -> {
            LOG.warn("SQL query failed on storage or a lake rewrite: {}", e.toString());
            yield ErrorMessages.unavailable(e);
          }
          case INTERNAL -> {
            LOG.error("SQL query failed", e);
            yield ErrorMessages.internal(e);
          }
          default -> e.getMessage();
        };
    return respond(HttpStatus.valueOf(kind.status()), kind.type(), message, position);
  }

  private static HttpResponse<byte[]> respond(
      HttpStatus status, String type, String message, SqlQueryException.Position position) {
    return HttpResponse.<byte[]>status(status)
        .body(SqlJson.error(type, message, position))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** A request that is wrong before any SQL is looked at. */
  static final class BadRequestException extends RuntimeException implements ErrorKind.Classified {
    BadRequestException(String message) {
      super(message);
    }

    @Override
    public ErrorKind kind() {
      return ErrorKind.BAD_INPUT;
    }
  }
}
