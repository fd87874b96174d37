package io.icegate.catalog;

import io.icegate.catalog.rest.RestCatalogService;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Errors Micronaut answers by itself before a request reaches {@link IcebergRestController} (a body
 * over {@code micronaut.server.max-request-size}: 413; a method no route has: 405; a path outside
 * {@code /v1}: 404; an unsupported media type: 415) get Iceberg's {@code ErrorResponse} shape too,
 * so a REST client can parse every error of this port.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class IcebergErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {
  private final RestCatalogService service;

  IcebergErrorResponseProcessor(RestCatalogService service) {
    this.service = service;
  }

  @Override
  public MutableHttpResponse<byte[]> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.code();
    String message =
        status >= 500 || context.getErrors().isEmpty()
            ? response.reason()
            : context.getErrors().get(0).getMessage();
    return response
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(service.error(status, typeOf(status), message).body());
  }

  /** The error type a client sees, named like Iceberg's exceptions where one fits. */
  private static String typeOf(int status) {
    return switch (status) {
      case 400 -> "BadRequestException";
      case 401 -> "NotAuthorizedException";
      case 403 -> "ForbiddenException";
      case 404 -> "NotFoundException";
      case 405 -> "MethodNotAllowedException";
      case 413 -> "RequestTooLargeException";
      case 415 -> "UnsupportedMediaTypeException";
      case 503 -> "ServiceUnavailableException";
      default -> status >= 500 ? "InternalServerError" : "BadRequestException";
    };
  }
}
