package io.icegate.query.logql.ast;

/** {@code | decolorize}: strips ANSI colour escape sequences from the line. */
public record Decolorize() implements PipelineStage {
  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
