package io.icegate.rules.validate;

import io.icegate.lake.error.ErrorKind;
import io.icegate.rules.model.InvalidRuleException;
import java.util.Optional;

/** An expression its language's parser refused; the position is 1-based inside the expression. */
public final class InvalidExpressionException extends RuntimeException
    implements ErrorKind.Classified {
  private final Optional<InvalidRuleException.Position> position;

  public InvalidExpressionException(
      String message, Optional<InvalidRuleException.Position> position) {
    super(message);
    this.position = position;
  }

  public Optional<InvalidRuleException.Position> position() {
    return position;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.BAD_INPUT;
  }
}
