package io.icegate.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.icegate.catalog.rest.RestCatalogService;
import io.icegate.catalog.rest.RestResult;
import io.icegate.lake.tenant.AuthConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.security.MessageDigest;
import java.util.List;
import org.apache.iceberg.exceptions.NotAuthorizedException;

/**
 * Optional bearer-token authentication: when {@code icegate.auth.tokens} names any token, every
 * request but the health checks needs {@code Authorization: Bearer <token>} with one of them, or it
 * is answered 401 in Iceberg's error shape. Tokens are compared in constant time.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BearerTokenFilter {
  private static final String BEARER = "Bearer ";

  private final List<byte[]> tokens;
  private final RestCatalogService service;

  BearerTokenFilter(AuthConfiguration configuration, RestCatalogService service) {
    this.tokens = configuration.tokens().keySet().stream().map(t -> t.getBytes(UTF_8)).toList();
    this.service = service;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> authenticate(HttpRequest<?> request) {
    if (tokens.isEmpty() || isHealthCheck(request.getPath())) {
      return null;
    }
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      byte[] presented = header.substring(BEARER.length()).trim().getBytes(UTF_8);
      for (byte[] token : tokens) {
        if (MessageDigest.isEqual(token, presented)) {
          return null;
        }
      }
    }
    RestResult result =
        service.error(
            new NotAuthorizedException(
                header == null
                    ? "Not authorized: this catalog needs an Authorization: Bearer token"
                    : "Not authorized: the bearer token is not valid"));
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(result.body());
  }

  private static boolean isHealthCheck(String path) {
    return path.equals("/health") || path.startsWith("/health/");
  }
}
