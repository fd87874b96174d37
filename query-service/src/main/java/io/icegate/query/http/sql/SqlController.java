package io.icegate.query.http.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.store.StorageException;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeChangedException;
import io.icegate.query.engine.QueryLimitExceededException;
import io.icegate.query.engine.QueryMetrics;
import io.icegate.query.sql.SqlEngine;
import io.icegate.query.sql.SqlQueryException;
import io.icegate.query.sql.SqlResult;
import io.icegate.query.tenant.QueryTenantResolver;
import io.icegate.query.tenant.TenantDeniedException;
import io.micronaut.http.HttpHeaders;
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
      if (request.getHeaders().getAll(QueryTenantResolver.HEADER).size() > 1) {
        throw new TenantDeniedException(
            400,
            "Cannot run query: send one " + QueryTenantResolver.HEADER + " header, not several");
      }
      TenantId tenant =
          tenants.resolve(
              request.getHeaders().findFirst(QueryTenantResolver.HEADER),
              request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION));
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
      metrics.record("sql", outcome(e), System.nanoTime() - start, 0, 0);
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

  private static HttpResponse<byte[]> error(RuntimeException e) {
    if (e instanceof BadRequestException) {
      return respond(HttpStatus.BAD_REQUEST, "bad_data", e.getMessage(), null);
    } else if (e instanceof TenantDeniedException denied) {
      return respond(HttpStatus.valueOf(denied.status()), "tenant", e.getMessage(), null);
    } else if (e instanceof SqlQueryException sql) {
      return sql.kind() == SqlQueryException.Kind.INVALID
          ? respond(HttpStatus.BAD_REQUEST, "bad_data", e.getMessage(), sql.position().orElse(null))
          : respond(HttpStatus.UNPROCESSABLE_ENTITY, "execution", e.getMessage(), null);
    } else if (e instanceof QueryLimitExceededException limit) {
      return limit.limit() == QueryLimitExceededException.Limit.TIMEOUT
          ? respond(HttpStatus.SERVICE_UNAVAILABLE, "timeout", e.getMessage(), null)
          : respond(HttpStatus.UNPROCESSABLE_ENTITY, "limit", e.getMessage(), null);
    } else if (e instanceof LakeChangedException) {
      LOG.info("SQL query raced a lake rewrite: {}", e.getMessage());
      return respond(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage(), null);
    } else if (e instanceof StorageException) {
      LOG.warn("SQL query failed on storage: {}", e.toString());
      return respond(
          HttpStatus.SERVICE_UNAVAILABLE,
          "unavailable",
          "Cannot run query: object storage failed: " + e.getMessage(),
          null);
    }
    LOG.error("SQL query failed", e);
    return respond(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Cannot run query: internal error (" + e.getClass().getSimpleName() + ")",
        null);
  }

  private static String outcome(RuntimeException e) {
    if (e instanceof QueryLimitExceededException limit) {
      return limit.limit() == QueryLimitExceededException.Limit.TIMEOUT ? "timeout" : "limit";
    } else if (e instanceof SqlQueryException sql) {
      return sql.kind() == SqlQueryException.Kind.INVALID ? "bad_data" : "execution";
    } else if (e instanceof BadRequestException || e instanceof TenantDeniedException) {
      return "bad_request";
    }
    return "error";
  }

  private static HttpResponse<byte[]> respond(
      HttpStatus status, String type, String message, SqlQueryException.Position position) {
    return HttpResponse.<byte[]>status(status)
        .body(SqlJson.error(type, message, position))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** A request that is wrong before any SQL is looked at. */
  static final class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
      super(message);
    }
  }
}
