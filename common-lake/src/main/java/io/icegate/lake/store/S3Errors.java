package io.icegate.lake.store;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** How S3 failures map onto {@link StorageException}s. */
final class S3Errors {
  private S3Errors() {}

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The HTTP status of a server answer, 0 when there was none (I/O error, timeout). */
  static int status(Throwable failure) {
    return unwrap(failure) instanceof SdkServiceException e ? e.statusCode() : 0;
  }

  static String errorCode(Throwable failure) {
    if (unwrap(failure) instanceof AwsServiceException e && e.awsErrorDetails() != null) {
      String code = e.awsErrorDetails().errorCode();
      return code == null ? "" : code;
    }
    return "";
  }

  /** A missing object, not a missing bucket. */
  static boolean isNotFound(Throwable failure) {
    return status(failure) == 404 && !errorCode(failure).equals("NoSuchBucket");
  }

  /**
   * A server answer that says the request had no effect: any 4xx but a request timeout. Anything
   * else (no answer, 5xx) may hide a request that took effect, or will later.
   */
  static boolean isDefiniteRejection(Throwable failure) {
    int status = status(failure);
    return status >= 400 && status < 500 && status != 408 && !isTimeoutCode(failure);
  }

  static boolean isTransient(Throwable failure) {
    Throwable t = unwrap(failure);
    int status = status(t);
    return t instanceof SdkClientException
        || t instanceof java.io.IOException
        || status == 408
        || status == 429
        || status >= 500
        || isTimeoutCode(t)
        // S3: another conditional write to the key is in progress; ours had no effect.
        || errorCode(t).equals("ConditionalRequestConflict")
        || errorCode(t).equals("SlowDown");
  }

  /** The storage exception for a failed operation ({@code read}, {@code write}, ...) on a key. */
  static StorageException map(String operation, String key, Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof StorageException e) {
      return e;
    }
    if (operation.equals("read") && isNotFound(t)) {
      return new ObjectNotFoundException(key);
    }
    String message = "Cannot " + operation + " " + key + ": " + describe(t);
    return isTransient(t)
        ? new TransientStorageException(message, t)
        : new StorageException(message, t);
  }

  static String describe(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof AwsServiceException e && e.awsErrorDetails() != null) {
      String code = e.awsErrorDetails().errorCode();
      String text = e.awsErrorDetails().errorMessage();
      return e.statusCode()
          + (code == null ? "" : " " + code)
          + (text == null ? "" : " (" + text + ")");
    }
    if (t instanceof SdkServiceException e) {
      return "HTTP " + e.statusCode();
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == t ? message : t.getClass().getSimpleName() + ": " + message;
  }

  private static boolean isTimeoutCode(Throwable failure) {
    String code = errorCode(failure);
    return code.equals("RequestTimeout");
  }
}
