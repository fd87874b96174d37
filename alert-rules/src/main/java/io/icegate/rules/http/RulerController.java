package io.icegate.rules.http;

import io.icegate.lake.tenant.TenantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.function.BiFunction;

/**
 * The ruler config routes of both faces ({@link RulerFace}). Every call takes its names from the
 * raw path (a {@code %2F} must not split a name) and answers errors as plain text, which Grafana
 * shows to the user and matches against ({@code group does not exist}).
 */
@Controller
final class RulerController {
  private final RulerApi api;
  private final RulesTenantResolver tenants;

  RulerController(RulerApi api, RulesTenantResolver tenants) {
    this.api = api;
    this.tenants = tenants;
  }

  @Get(
      uris = {
        "/api/prom/rules",
        "/api/prom/rules/{+path}",
        "/loki/api/v1/rules",
        "/loki/api/v1/rules/{+path}",
        "/config/v1/rules",
        "/config/v1/rules/{+path}",
        "/rules",
        "/rules/{+path}",
        "/prometheus/config/v1/rules",
        "/prometheus/config/v1/rules/{+path}"
      })
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> get(HttpRequest<?> request) {
    return call(request, api::get);
  }

  @Post(
      uris = {
        "/api/prom/rules/{+path}",
        "/loki/api/v1/rules/{+path}",
        "/config/v1/rules/{+path}",
        "/rules/{+path}",
        "/prometheus/config/v1/rules/{+path}"
      },
      consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> post(HttpRequest<byte[]> request) {
    byte[] body = request.getBody(byte[].class).orElse(new byte[0]);
    return call(request, (tenant, route) -> api.post(tenant, route, body));
  }

  @Delete(
      uris = {
        "/api/prom/rules/{+path}",
        "/loki/api/v1/rules/{+path}",
        "/config/v1/rules/{+path}",
        "/rules/{+path}",
        "/prometheus/config/v1/rules/{+path}"
      },
      consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> delete(HttpRequest<?> request) {
    return call(request, api::delete);
  }

  private HttpResponse<byte[]> call(
      HttpRequest<?> request, BiFunction<TenantId, RulerFace.Route, HttpResponse<byte[]>> handler) {
    try {
      RulerFace.Route route =
          RulerFace.route(request.getUri().getRawPath())
              .orElseThrow(
                  () -> new IllegalStateException("Not a ruler path: " + request.getPath()));
      return handler.apply(tenants.resolve(request), route);
    } catch (RuntimeException e) {
      return RulesHttp.text(e);
    }
  }
}
