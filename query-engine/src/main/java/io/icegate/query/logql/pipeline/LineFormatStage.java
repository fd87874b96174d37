package io.icegate.query.logql.pipeline;

import io.icegate.query.logql.template.GoTemplate;
import io.icegate.query.logql.template.TemplateContext;
import io.icegate.query.logql.template.TemplateException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code | line_format "{{.status}} {{.path}}"}: the template's output replaces the line. Dot is
 * the entry's labels (error labels included); {@code __line__} is the line before this stage. A
 * failing template keeps the line and sets {@code __error__=TemplateFormatErr}.
 */
public final class LineFormatStage implements Stage {
  private final GoTemplate template;
  private final Map<String, String> data = new HashMap<>();

  /** Throws {@link IllegalArgumentException} when the template does not parse. */
  public LineFormatStage(String template) {
    try {
      this.template = GoTemplate.parse("line", template);
    } catch (TemplateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    data.clear();
    labels.intoMap(data);
    try {
      return template.execute(new TemplateContext(data, line, timestampNanos));
    } catch (TemplateException e) {
      labels.setError(PipelineErrors.TEMPLATE_FORMAT, e.getMessage());
      return line;
    }
  }
}
