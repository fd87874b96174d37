package io.icegate.query.logql.ast;

/** How {@code unwrap} turns a label's value into a number. */
public enum UnwrapConversion {
  /** {@code unwrap x}: the value parsed as a float. */
  NONE(""),
  /** {@code unwrap bytes(x)}: a humanized byte size ({@code 5 MiB}) in bytes. */
  BYTES("bytes"),
  /** {@code unwrap duration(x)}: a Go duration in seconds. */
  DURATION("duration"),
  /** {@code unwrap duration_seconds(x)}: same as {@code duration}. */
  DURATION_SECONDS("duration_seconds");

  private final String function;

  UnwrapConversion(String function) {
    this.function = function;
  }

  /** The conversion function's name, empty for {@link #NONE}. */
  public String function() {
    return function;
  }
}
