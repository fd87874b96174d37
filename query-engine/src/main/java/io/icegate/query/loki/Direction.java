package io.icegate.query.loki;

import java.util.Locale;

/** The order of a log query's entries: newest first (Loki's default) or oldest first. */
public enum Direction {
  BACKWARD,
  FORWARD;

  /**
   * Loki's {@code direction} parameter, either case; anything else is refused with Loki's message.
   */
  public static Direction parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new LokiBadRequestException("invalid direction '" + value + "'");
    }
  }
}
