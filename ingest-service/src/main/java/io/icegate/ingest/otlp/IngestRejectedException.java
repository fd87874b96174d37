package io.icegate.ingest.otlp;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.icegate.ingest.tenant.TenantRejectedException;
import java.time.Duration;
import java.util.Optional;

/**
 * A whole OTLP request refused before anything was stored. {@link Reason} is the one place that
 * maps a refusal to its OTLP/HTTP status and its gRPC code; retryable reasons carry the delay sent
 * as {@code Retry-After} and gRPC {@code RetryInfo}.
 */
public class IngestRejectedException extends RuntimeException {
  /** Why a request is refused, with its HTTP status and gRPC code (OTLP 1.x specification). */
  public enum Reason {
    INVALID(400, Status.Code.INVALID_ARGUMENT),
    UNAUTHENTICATED(401, Status.Code.UNAUTHENTICATED),
    FORBIDDEN(403, Status.Code.PERMISSION_DENIED),
    TOO_LARGE(413, Status.Code.RESOURCE_EXHAUSTED),
    UNSUPPORTED_MEDIA_TYPE(415, Status.Code.INVALID_ARGUMENT),
    RATE_LIMITED(429, Status.Code.RESOURCE_EXHAUSTED),
    UNAVAILABLE(503, Status.Code.UNAVAILABLE);

    private final int httpStatus;
    private final Status.Code grpcCode;

    Reason(int httpStatus, Status.Code grpcCode) {
      this.httpStatus = httpStatus;
      this.grpcCode = grpcCode;
    }

    public int httpStatus() {
      return httpStatus;
    }

    public Status.Code grpcCode() {
      return grpcCode;
    }
  }

  private final Reason reason;
  private final Optional<Duration> retryAfter;

  public IngestRejectedException(Reason reason, String message) {
    this(reason, message, Optional.empty(), null);
  }

  public IngestRejectedException(
      Reason reason, String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.reason = requireNonNull(reason, "reason is null");
    this.retryAfter = requireNonNull(retryAfter, "retryAfter is null");
  }

  /** A retryable refusal: the client should send the same request again after {@code delay}. */
  public static IngestRejectedException retryable(Reason reason, String message, Duration delay) {
    return new IngestRejectedException(reason, message, Optional.of(delay), null);
  }

  /** The refusal a tenant problem gets (Loki's and Mimir's write-path answers, docs/ingest.md). */
  public static IngestRejectedException of(TenantRejectedException e) {
    Reason reason =
        switch (e.problem()) {
          case INVALID -> Reason.INVALID;
          case UNAUTHENTICATED -> Reason.UNAUTHENTICATED;
          case FORBIDDEN -> Reason.FORBIDDEN;
        };
    return new IngestRejectedException(reason, e.getMessage(), Optional.empty(), e);
  }

  public Reason reason() {
    return reason;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
