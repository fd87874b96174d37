package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

import io.icegate.query.regex.GoRegex;

/**
 * A Prometheus label matcher on a value: {@code =}, {@code !=}, {@code =~}, {@code !~}. Regular
 * expressions are anchored at both ends, as in Prometheus and Loki.
 */
public final class StringMatcher {
  /** The four matcher kinds. */
  public enum Type {
    EQ("="),
    NEQ("!="),
    RE("=~"),
    NRE("!~");

    private final String symbol;

    Type(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  private final Type type;
  private final String value;
  private final GoRegex pattern;

  public StringMatcher(Type type, String value) {
    this.type = requireNonNull(type, "type is null");
    this.value = requireNonNull(value, "value is null");
    this.pattern = type == Type.RE || type == Type.NRE ? GoRegex.fullMatch(value) : null;
  }

  public Type type() {
    return type;
  }

  public String value() {
    return value;
  }

  public boolean matches(String s) {
    return switch (type) {
      case EQ -> s.equals(value);
      case NEQ -> !s.equals(value);
      case RE -> pattern.find(s);
      case NRE -> !pattern.find(s);
    };
  }

  @Override
  public String toString() {
    return type.symbol + "\"" + value + "\"";
  }
}
