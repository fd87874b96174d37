package io.icegate.query.logql.pipeline;

import io.icegate.query.logql.template.GoTemplate;
import io.icegate.query.logql.template.TemplateContext;
import io.icegate.query.logql.template.TemplateException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code | label_format dst=src, name="{{…}}"}. A rename moves the value (and its category) and
 * deletes the source; a template sets a parsed label. Templates see the labels as they were before
 * this stage's first template ran; a failing template leaves its label unset and sets {@code
 * __error__=TemplateFormatErr}. A name may appear once per stage.
 */
public final class LabelFormatStage implements Stage {
  private final List<LabelFormat> formats;
  private final GoTemplate[] templates;
  private final Map<String, String> data = new HashMap<>();

  public LabelFormatStage(List<LabelFormat> formats) {
    this.formats = List.copyOf(formats);
    this.templates = new GoTemplate[this.formats.size()];
    Set<String> names = new HashSet<>();
    for (int i = 0; i < this.formats.size(); i++) {
      LabelFormat f = this.formats.get(i);
      if (!LabelNames.isValid(f.name())) {
        throw new IllegalArgumentException("invalid label name '" + f.name() + "'");
      }
      if (!names.add(f.name())) {
        throw new IllegalArgumentException(
            "multiple label name '" + f.name() + "' in a single label_format");
      }
      if (!f.rename()) {
        try {
          templates[i] = GoTemplate.parse("label", f.value());
        } catch (TemplateException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
      }
    }
  }

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    boolean dataReady = false;
    for (int i = 0; i < formats.size(); i++) {
      LabelFormat f = formats.get(i);
      if (f.rename()) {
        String value = labels.get(f.value());
        if (value != null && !f.name().equals(f.value())) {
          LabelCategory category = labels.category(f.value());
          labels.set(category, f.name(), value);
          labels.delete(f.value());
        }
        continue;
      }
      if (!dataReady) {
        data.clear();
        labels.intoMap(data);
        dataReady = true;
      }
      try {
        String value = templates[i].execute(new TemplateContext(data, line, timestampNanos));
        labels.setParsed(f.name(), value);
      } catch (TemplateException e) {
        labels.setError(PipelineErrors.TEMPLATE_FORMAT, e.getMessage());
      }
    }
    return line;
  }
}
