package io.icegate.alert.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document is valid and names exactly the JSON API routes the port serves. */
class OpenApiDocumentTest {
  @TempDir static Path root;
  static AlertServer alert;

  @BeforeAll
  static void start() {
    alert = AlertServer.start(root);
  }

  @AfterAll
  static void stop() {
    alert.close();
  }

  private static OpenAPI parse() {
    HttpResponse<String> served = alert.get("/openapi.yml");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElse("")).contains("yaml");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.body(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    return result.getOpenAPI();
  }

  @Test
  void documentIsValidOpenApi() {
    OpenAPI api = parse();

    assertThat(api.getOpenapi()).startsWith("3.0");
    assertThat(api.getPaths()).isNotEmpty();
  }

  @Test
  void documentNamesExactlyTheServedRoutes() {
    Set<String> documented = new TreeSet<>();
    parse()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> documented.add(method.name() + " " + path)));

    Set<String> served = new TreeSet<>();
    alert
        .context
        .getBean(Router.class)
        .uriRoutes()
        .map(route -> (UriRouteInfo<?, ?>) route)
        .forEach(
            route -> {
              String path = route.getUriMatchTemplate().toPathString();
              // Micronaut answers HEAD for every GET by itself; OpenAPI leaves HEAD implicit.
              if (path.startsWith(AlertingApi.PREFIX)
                  && !route.getHttpMethodName().equalsIgnoreCase("HEAD")) {
                served.add(route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + path);
              }
            });

    assertThat(served).isNotEmpty();
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void swaggerUiServesThePageAndItsAssets() {
    for (String path : new String[] {"/swagger-ui", "/swagger-ui/", "/swagger-ui/index.html"}) {
      HttpResponse<String> page = alert.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).contains("SwaggerUIBundle", "url: \"/openapi.yml\"");
    }
    HttpResponse<String> bundle = alert.get("/swagger-ui/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(alert.get("/swagger-ui/pom.properties").statusCode()).isEqualTo(404);
    assertThat(alert.get("/swagger-ui/..%2Fopenapi.yml").statusCode()).isEqualTo(404);
  }
}
