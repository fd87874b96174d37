package io.icegate.catalog;

import io.icegate.catalog.rest.RestCatalogService;
import io.icegate.catalog.rest.RestResult;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP face of {@link RestCatalogService}: every {@code /v1/...} request is handed over with
 * its raw path and body bytes; JSON is read and written by Iceberg's serializers inside the
 * service, not by Micronaut. Catalog calls block on object storage, so they run on the blocking
 * executor.
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
final class IcebergRestController {
  private final RestCatalogService service;

  IcebergRestController(RestCatalogService service) {
    this.service = service;
  }

  @Get(uri = "/{+path}", produces = MediaType.APPLICATION_JSON, headRoute = false)
  HttpResponse<byte[]> get(HttpRequest<?> request, String path) {
    return answer(request, null);
  }

  @Head(uri = "/{+path}")
  HttpResponse<byte[]> head(HttpRequest<?> request, String path) {
    return answer(request, null);
  }

  @Delete(uri = "/{+path}", produces = MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> delete(HttpRequest<?> request, String path) {
    return answer(request, null);
  }

  @Post(uri = "/{+path}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  HttpResponse<byte[]> post(HttpRequest<byte[]> request, String path) {
    // The body from the request (null when empty): an @Nullable byte[] parameter draws a warning.
    return answer(request, request.getBody().orElse(null));
  }

  private HttpResponse<byte[]> answer(HttpRequest<?> request, byte[] body) {
    Map<String, String> query = new HashMap<>();
    request.getParameters().forEach((name, values) -> query.put(name, values.get(0)));
    RestResult result =
        service.handle(request.getMethodName(), request.getUri().getRawPath(), query, body);
    MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(result.status()));
    if (result.body() != null) {
      response.contentType(MediaType.APPLICATION_JSON_TYPE).body(result.body());
    }
    return response;
  }
}
