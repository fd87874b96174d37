package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import io.icegate.query.regex.GoRegex;
import java.util.Optional;

/**
 * One matcher of a stream selector ({@code name="v"}, {@code !=}, {@code =~}, {@code !~}). Regular
 * expressions are anchored at both ends, as in Prometheus and Loki; an absent label has the value
 * {@code ""}.
 */
public record LabelMatcher(String name, Type type, String value, Optional<GoRegex> pattern) {
  /** The four matcher operators. */
  public enum Type {
    EQ("="),
    NEQ("!="),
    RE("=~"),
    NRE("!~");

    private final String operator;

    Type(String operator) {
      this.operator = operator;
    }

    public String operator() {
      return operator;
    }
  }

  public LabelMatcher {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(value, "value is null");
    requireNonNull(pattern, "pattern is null");
  }

  public static LabelMatcher of(String name, Type type, String value) {
    Optional<GoRegex> pattern = Optional.empty();
    if (type == Type.RE || type == Type.NRE) {
      try {
        pattern = Optional.of(GoRegex.fullMatch(value));
      } catch (IllegalArgumentException e) {
        throw new LokiBadRequestException(
            "parse error : invalid regular expression in "
                + name
                + type.operator()
                + "\""
                + value
                + "\": "
                + e.getMessage());
      }
    }
    return new LabelMatcher(name, type, value, pattern);
  }

  /** Whether a label value (null: the label is absent) matches. */
  public boolean matches(String labelValue) {
    String v = labelValue == null ? "" : labelValue;
    return switch (type) {
      case EQ -> v.equals(value);
      case NEQ -> !v.equals(value);
      case RE -> pattern.orElseThrow().find(v);
      case NRE -> !pattern.orElseThrow().find(v);
    };
  }

  /** Whether it matches the empty value (Loki needs one matcher per selector that does not). */
  public boolean matchesEmpty() {
    return matches("");
  }

  @Override
  public String toString() {
    return name + type.operator() + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
