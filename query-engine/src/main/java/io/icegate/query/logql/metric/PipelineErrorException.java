package io.icegate.query.logql.metric;

import io.icegate.lake.error.ErrorKind;
import io.icegate.query.series.Labels;

/**
 * A metric query met a sample whose series carries {@code __error__} (a parser or unwrap failed)
 * without {@code __preserve_error__="true"}: Loki refuses to turn such lines into numbers. The
 * message is Loki's.
 */
public final class PipelineErrorException extends RuntimeException implements ErrorKind.Classified {
  static final String ERROR_LABEL = "__error__";
  static final String PRESERVE_ERROR_LABEL = "__preserve_error__";

  public PipelineErrorException(Labels series) {
    super(
        "pipeline error: '"
            + series.get(ERROR_LABEL)
            + "' for series: '"
            + series
            + "'.\nUse a label filter to intentionally skip this error. (e.g | __error__!=\""
            + series.get(ERROR_LABEL)
            + "\").\nTo skip all potential errors you can match empty errors.(e.g __error__=\"\")\n"
            + "The label filter can also be specified after unwrap. (e.g | unwrap latency |"
            + " __error__=\"\" )\n");
  }

  static boolean isError(Labels labels) {
    return labels.has(ERROR_LABEL) && !"true".equals(labels.get(PRESERVE_ERROR_LABEL));
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.BAD_INPUT;
  }
}
