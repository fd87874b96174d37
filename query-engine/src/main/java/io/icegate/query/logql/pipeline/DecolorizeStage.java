package io.icegate.query.logql.pipeline;

import java.util.regex.Pattern;

/**
 * {@code | decolorize}: strips ANSI escape sequences (colours, cursor moves) from the line, with
 * the expression Loki uses (from the {@code ansi-regex} project).
 */
public final class DecolorizeStage implements Stage {
  private static final Pattern ANSI =
      Pattern.compile(
          "[\\u001B\\u009B][\\[\\]()#;?]*(?:(?:(?:[a-zA-Z\\d]*(?:;[a-zA-Z\\d]*)*)?\\u0007)"
              + "|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PRZcf-ntqry=><~]))");

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    if (line.indexOf('\u001B') < 0 && line.indexOf('\u009B') < 0) {
      return line;
    }
    return ANSI.matcher(line).replaceAll("");
  }
}
