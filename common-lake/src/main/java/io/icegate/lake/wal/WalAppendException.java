package io.icegate.lake.wal;

/**
 * An append was not made durable: the WAL is overloaded (backpressure) or storage did not confirm
 * the segment within the ack deadline. Always retryable: OTLP clients resend the same bytes, and
 * the batch id makes a resend that meets an earlier landing harmless.
 */
public class WalAppendException extends RuntimeException {
  public WalAppendException(String message) {
    super(message);
  }

  public WalAppendException(String message, Throwable cause) {
    super(message, cause);
  }
}
