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

  /**
   * The problem of a body nested past what the decoders take. Protobuf stops at 100 message levels
   * and Jackson at 1,000 JSON levels, both before the records are mapped, so the AnyValue nesting
   * limit is named here as the reason: no request past those levels is within it.
   */
  static String tooDeep() {
    return "AnyValue arrays or kvlists are nested deeper than the limit"
        + " (icegate.ingest.limits.max-any-value-nesting, at most 32 levels)";
  }

  /** Whether protobuf-java refused a message for its nesting (its recursion limit). */
  static boolean isTooDeep(com.google.protobuf.InvalidProtocolBufferException e) {
    return e.getMessage() != null
        && (e.getMessage().startsWith("Protocol message had too many levels of nesting")
            || e.getMessage().equals("Hit recursion limit."));
  }
}
