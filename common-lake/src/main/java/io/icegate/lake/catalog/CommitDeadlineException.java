package io.icegate.lake.catalog;

import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * A commit gave up before its next root version write because its deadline passed; nothing of it
 * landed. Still a {@link CommitFailedException}, so Iceberg's commit retries apply to it.
 */
public final class CommitDeadlineException extends CommitFailedException {
  public CommitDeadlineException(Throwable cause, String message, Object... args) {
    super(cause, message, args);
  }
}
