package io.icegate.query.logql.ast;

/** A number literal ({@code 2}, {@code -1.5}, {@code 1e3}): a scalar in binary operations. */
public record Literal(double value) implements SampleExpr {
  @Override
  public String toString() {
    return LogQLFormatter.format(this);
  }
}
