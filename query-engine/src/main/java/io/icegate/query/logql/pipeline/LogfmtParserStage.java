package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code | logfmt [--strict] [--keep-empty] [name="key", …]}. Keys are sanitized ({@code a.b} gives
 * {@code a_b}); a stream label name gets {@code _extracted}. Without {@code --keep-empty}, pairs
 * with empty values (and bare keys) are skipped. Without {@code --strict}, malformed pairs are
 * skipped and parsing goes on; with it, parsing stops at the first one and sets {@code
 * __error__=LogfmtParserErr}. With parameters only the named keys are extracted, each into its
 * label, and a key the line lacks gives "".
 */
public final class LogfmtParserStage implements Stage {
  private final boolean strict;
  private final boolean keepEmpty;

  /** Sanitized key to label name; empty for the plain parser. */
  private final Map<String, String> expressions;

  private final LogfmtDecoder decoder = new LogfmtDecoder();

  public LogfmtParserStage(boolean strict, boolean keepEmpty, Map<String, String> expressions) {
    this.strict = strict;
    this.keepEmpty = keepEmpty;
    this.expressions = new LinkedHashMap<>();
    requireNonNull(expressions, "expressions is null")
        .forEach(
            (name, key) -> {
              if (!LabelNames.isValid(name)) {
                throw new IllegalArgumentException("invalid extracted label name '" + name + "'");
              }
              this.expressions.put(LabelNames.sanitize(key, true), name);
            });
  }

  public static LogfmtParserStage plain() {
    return new LogfmtParserStage(false, false, Map.of());
  }

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    if (!expressions.isEmpty()) {
      for (String name : expressions.values()) {
        if (!labels.baseHas(name) && labels.get(name) == null) {
          labels.setParsed(name, "");
        }
      }
    }
    decoder.reset(line);
    while (!decoder.atEnd()) {
      if (!decoder.next()) {
        if (decoder.error() != null && strict) {
          labels.setError(PipelineErrors.LOGFMT_PARSER, decoder.error());
          return line;
        }
        continue;
      }
      String key = LabelNames.sanitize(decoder.key(), true);
      if (key.isEmpty()) {
        continue;
      }
      String value = LabelNames.cleanValue(decoder.value());
      if (!expressions.isEmpty()) {
        String name = expressions.get(key);
        if (name != null) {
          labels.setParsed(LabelNames.parsedName(labels, name), value);
        }
        continue;
      }
      if (!keepEmpty && value.isEmpty()) {
        continue;
      }
      LabelNames.setExtracted(labels, LabelNames.parsedName(labels, key), value);
    }
    return line;
  }
}
