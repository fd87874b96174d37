package io.icegate.rules.store;

import io.icegate.lake.error.ErrorKind;

/**
 * A group or namespace that does not exist (HTTP 404). The messages are Loki's, which Grafana
 * matches: {@code group does not exist} and {@code no rule groups found}.
 */
public final class NoSuchRuleGroupException extends RuntimeException
    implements ErrorKind.Classified {
  public static final String GROUP = "group does not exist";
  public static final String NAMESPACE = "no rule groups found";

  public NoSuchRuleGroupException(String message) {
    super(message);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.NOT_FOUND;
  }
}
