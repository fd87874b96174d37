package io.icegate.ingest.otlp;

/**
 * An OTLP request body that cannot be decoded as a whole (malformed JSON, an id that is not hex, a
 * field of the wrong type). Receivers answer it with 400 / {@code INVALID_ARGUMENT} and store
 * nothing. The message names the problem and, where known, the JSON path.
 */
public class OtlpDecodeException extends IllegalArgumentException {
  public OtlpDecodeException(String message) {
    super(message);
  }

  public OtlpDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
