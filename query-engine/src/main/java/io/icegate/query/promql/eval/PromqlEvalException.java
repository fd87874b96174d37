package io.icegate.query.promql.eval;

/** A query that parsed but cannot be evaluated; the message is Prometheus' wording. */
public final class PromqlEvalException extends RuntimeException {
  public PromqlEvalException(String message) {
    super(message);
  }
}
