package io.icegate.rules.model;

import io.icegate.lake.error.ErrorKind;
import java.util.Optional;

/**
 * Rules that cannot be accepted: malformed YAML or JSON, an unknown field or language, a bad name,
 * an invalid expression. Always a client error (HTTP 400); nothing is stored. The message says what
 * is wrong and where (the rule, and the line and column in the body or in the expression).
 */
public final class InvalidRuleException extends RuntimeException implements ErrorKind.Classified {
  /** Where the problem is, 1-based. */
  public record Position(int line, int column) {}

  private final Optional<Position> position;

  public InvalidRuleException(String message) {
    this(message, Optional.empty());
  }

  public InvalidRuleException(String message, Optional<Position> position) {
    super(message);
    this.position = position;
  }

  public Optional<Position> position() {
    return position;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.BAD_INPUT;
  }
}
