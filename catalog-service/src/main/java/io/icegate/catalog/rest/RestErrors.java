package io.icegate.catalog.rest;

import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchIcebergTableException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.apache.iceberg.exceptions.UnprocessableEntityException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns exceptions into the REST spec's status codes and Iceberg's {@link
 * ErrorResponse}. The error {@code type} is the exception's simple name, which Iceberg's client
 * error handlers use to tell, e.g., a missing namespace from a missing table on a 404. Unknown
 * failures answer 500 with a generic message: no stack traces leave the server.
 */
final class RestErrors {
  private static final Logger LOG = LoggerFactory.getLogger(RestErrors.class);

  private RestErrors() {}

  static int status(Throwable error) {
    if (error instanceof NoSuchNamespaceException
        || error instanceof NoSuchTableException
        || error instanceof NoSuchIcebergTableException
        || error instanceof NoSuchViewException
        || error instanceof NotFoundException
        || error instanceof RestRouter.NoRoute) {
      return 404;
    }
    if (error instanceof AlreadyExistsException
        || error instanceof CommitFailedException
        || error instanceof NamespaceNotEmptyException) {
      return 409;
    }
    if (error instanceof CommitStateUnknownException) {
      return 500;
    }
    if (error instanceof NotAuthorizedException) {
      return 401;
    }
    if (error instanceof ForbiddenException) {
      return 403;
    }
    if (error instanceof RestRouter.MethodNotAllowed) {
      return 405;
    }
    if (error instanceof UnprocessableEntityException) {
      return 422;
    }
    if (error instanceof ServiceUnavailableException) {
      return 503;
    }
    if (error instanceof IllegalArgumentException
        || error instanceof ValidationException
        || error instanceof BadRequestException
        || error instanceof UnsupportedOperationException) {
      return 400;
    }
    return 500;
  }

  static ErrorResponse toResponse(Throwable error) {
    int status = status(error);
    String type;
    String message;
    if (status == 500 && !(error instanceof CommitStateUnknownException)) {
      LOG.error("REST catalog call failed", error);
      type = "InternalServerError";
      message = "Internal server error";
    } else {
      type = typeName(error);
      message = error.getMessage() == null ? type : error.getMessage();
    }
    return ErrorResponse.builder().responseCode(status).withType(type).withMessage(message).build();
  }

  private static String typeName(Throwable error) {
    if (error instanceof RestJson.BadRequest) {
      return BadRequestException.class.getSimpleName();
    }
    if (error instanceof RestRouter.NoRoute) {
      return NotFoundException.class.getSimpleName();
    }
    if (error instanceof RestRouter.MethodNotAllowed) {
      return "MethodNotAllowedException";
    }
    return error.getClass().getSimpleName();
  }
}
