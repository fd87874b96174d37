package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** {@code | line_format "{{.a}}"}: replaces the line by the rendered Go template (kept as text). */
public record LineFormat(String template) implements PipelineStage {
  public LineFormat {
    requireNonNull(template, "template is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
