package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/**
 * One assignment of {@code label_format}: {@code dst=src} renames label {@code src} (when {@code
 * template} is false) or {@code dst="{{...}}"} sets {@code dst} to the rendered Go template.
 */
public record LabelFormatOp(String target, String value, boolean template) {
  public LabelFormatOp {
    requireNonNull(target, "target is null");
    requireNonNull(value, "value is null");
  }

  /** {@code target=source}. */
  public static LabelFormatOp rename(String target, String source) {
    return new LabelFormatOp(target, source, false);
  }

  /** {@code target="template"}. */
  public static LabelFormatOp template(String target, String template) {
    return new LabelFormatOp(target, template, true);
  }
}
