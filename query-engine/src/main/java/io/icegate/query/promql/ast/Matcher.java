package io.icegate.query.promql.ast;

import static java.util.Objects.requireNonNull;

import io.icegate.query.regex.GoRegex;

/**
 * A label matcher. Regular expressions are anchored at both ends, as Prometheus anchors them; the
 * pattern is compiled once.
 */
public record Matcher(String name, Type type, String value, GoRegex pattern) {
  public enum Type {
    EQ("="),
    NEQ("!="),
    RE("=~"),
    NRE("!~");

    private final String text;

    Type(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public Matcher {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(value, "value is null");
  }

  /**
   * Builds a matcher; a bad regular expression throws {@link IllegalArgumentException} in Go's
   * words ({@link GoRegex#fullMatch}: {@code ^(?s:re)$}, as Prometheus compiles it).
   */
  public static Matcher of(String name, Type type, String value) {
    GoRegex p = null;
    if (type == Type.RE || type == Type.NRE) {
      p = GoRegex.fullMatch(value);
    }
    return new Matcher(name, type, value, p);
  }

  /** Whether a label value (empty when the label is absent) matches. */
  public boolean matches(String labelValue) {
    String v = labelValue == null ? "" : labelValue;
    return switch (type) {
      case EQ -> v.equals(value);
      case NEQ -> !v.equals(value);
      case RE -> pattern.find(v);
      case NRE -> !pattern.find(v);
    };
  }

  /** Whether the empty value matches (then the matcher alone selects nothing in Prometheus). */
  public boolean matchesEmpty() {
    return matches("");
  }
}
