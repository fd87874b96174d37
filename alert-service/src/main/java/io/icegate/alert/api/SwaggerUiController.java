package io.icegate.alert.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI for {@code /openapi.yml} at {@code /swagger-ui}, from the swagger-ui web jar. Only the
 * few files the page needs are served, by name: no path from a request reaches the class path.
 */
@Controller
final class SwaggerUiController {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, MediaType> ASSETS =
      Map.of(
          "swagger-ui.css", MediaType.of("text/css"),
          "swagger-ui-bundle.js", MediaType.of("application/javascript"),
          "swagger-ui-standalone-preset.js", MediaType.of("application/javascript"),
          "favicon-32x32.png", MediaType.IMAGE_PNG_TYPE,
          "favicon-16x16.png", MediaType.IMAGE_PNG_TYPE);
  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="UTF-8">
        <title>IceGate alert rules API</title>
        <link rel="stylesheet" href="/swagger-ui/swagger-ui.css">
        <link rel="icon" type="image/png" href="/swagger-ui/favicon-32x32.png" sizes="32x32">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/swagger-ui/swagger-ui-bundle.js"></script>
        <script src="/swagger-ui/swagger-ui-standalone-preset.js"></script>
        <script>
          window.ui = SwaggerUIBundle({
            url: "/openapi.yml",
            dom_id: "#swagger-ui",
            presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
            layout: "StandaloneLayout"
          });
        </script>
      </body>
      </html>
      """;

  private final String version = webjarVersion();

  @Get("/swagger-ui")
  HttpResponse<byte[]> page() {
    return HttpResponse.<byte[]>status(HttpStatus.OK)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .body(PAGE.getBytes(StandardCharsets.UTF_8));
  }

  @Get("/swagger-ui/{file}")
  HttpResponse<byte[]> asset(@PathVariable String file) {
    if (file.equals("index.html")) {
      return page();
    }
    MediaType type = ASSETS.get(file);
    if (type == null) {
      return HttpResponse.notFound();
    }
    try (InputStream in = resource(WEBJAR + version + "/" + file)) {
      return HttpResponse.<byte[]>status(HttpStatus.OK)
          .contentType(type)
          .header("Cache-Control", "public, max-age=86400")
          .body(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Swagger UI asset " + file, e);
    }
  }

  private static String webjarVersion() {
    Properties properties = new Properties();
    try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the swagger-ui web jar's version", e);
    }
    return properties.getProperty("version");
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = SwaggerUiController.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("Cannot find " + name + " on the class path");
    }
    return in;
  }
}
