package io.icegate.query.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * {@code GET /ready}, as Loki answers it: {@code 200 ready} when the lake answers and every signal
 * table loads, else 503 with the reason. {@code /health/readiness} checks the same ({@link
 * LakeTablesHealthIndicator}).
 */
@Controller("/ready")
final class ReadyController {
  private final QueryTables tables;

  ReadyController(QueryTables tables) {
    this.tables = tables;
  }

  @Get
  @Produces(MediaType.TEXT_PLAIN)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> ready() {
    try {
      List<String> missing = tables.missing();
      return missing.isEmpty()
          ? HttpResponse.ok("ready")
          : HttpResponse.<String>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
              .body("not ready: tables missing " + missing);
    } catch (RuntimeException e) {
      return HttpResponse.<String>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
          .body("not ready: cannot read the lake: " + e.getMessage());
    }
  }
}
