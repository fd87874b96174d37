package io.icegate.lake.view;

import io.icegate.lake.error.ErrorKind;

/**
 * A file a streaming read had planned on vanished after rows were already handed out (compaction,
 * snapshot expiry or WAL cleanup raced the read). Re-planning then could return rows twice, so the
 * read stops; the caller may run it again from the start.
 */
public class LakeChangedException extends RuntimeException implements ErrorKind.Classified {
  public LakeChangedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.UNAVAILABLE;
  }
}
