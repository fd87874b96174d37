package io.icegate.rules.store;

/**
 * A group or namespace that does not exist (HTTP 404). The messages are Loki's, which Grafana
 * matches: {@code group does not exist} and {@code no rule groups found}.
 */
public final class NoSuchRuleGroupException extends RuntimeException {
  public static final String GROUP = "group does not exist";
  public static final String NAMESPACE = "no rule groups found";

  public NoSuchRuleGroupException(String message) {
    super(message);
  }
}
