package io.icegate.maintain.retention;

/** A retention setting that cannot be used: names the field (key or signal) and the problem. */
public final class InvalidRetentionException extends IllegalArgumentException {
  private final String field;
  private final String problem;

  InvalidRetentionException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
