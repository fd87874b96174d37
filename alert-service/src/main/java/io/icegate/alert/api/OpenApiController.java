package io.icegate.alert.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /openapi.yml}: the JSON REST API's OpenAPI 3 document, kept by hand beside the code (a
 * test checks it validates and names exactly the routes served).
 */
@Controller
final class OpenApiController {
  static final String RESOURCE = "/io/icegate/alert/openapi.yml";
  private static final byte[] DOCUMENT = load();

  @Get("/openapi.yml")
  HttpResponse<byte[]> document() {
    return HttpResponse.<byte[]>status(HttpStatus.OK)
        .contentType(MediaType.of("application/yaml"))
        .body(DOCUMENT);
  }

  private static byte[] load() {
    try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find " + RESOURCE + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
