package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * One assignment of {@code label_format}: {@code dst=src} renames ({@code rename} true), {@code
 * dst="template"} sets the template's output.
 */
public record LabelFormat(String name, String value, boolean rename) {
  public LabelFormat {
    requireNonNull(name, "name is null");
    requireNonNull(value, "value is null");
  }

  public static LabelFormat rename(String name, String source) {
    return new LabelFormat(name, source, true);
  }

  public static LabelFormat template(String name, String template) {
    return new LabelFormat(name, template, false);
  }
}
