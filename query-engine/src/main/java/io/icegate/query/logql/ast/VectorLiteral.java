package io.icegate.query.logql.ast;

/** {@code vector(x)}: one series without labels whose value is {@code x} at every step. */
public record VectorLiteral(double value) implements SampleExpr {
  @Override
  public String toString() {
    return LogQLFormatter.format(this);
  }
}
