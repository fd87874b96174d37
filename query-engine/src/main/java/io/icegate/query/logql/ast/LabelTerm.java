package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One operand of {@code drop}/{@code keep}: a bare label name (any value) or a matcher ({@code
 * level="debug"}) that selects the label only when its value matches.
 */
public record LabelTerm(String name, Optional<Matcher> matcher) {
  public LabelTerm {
    requireNonNull(name, "name is null");
    requireNonNull(matcher, "matcher is null");
    if (matcher.isPresent() && !matcher.get().name().equals(name)) {
      throw new IllegalArgumentException("Matcher is for another label: " + matcher.get());
    }
  }

  /** A bare label name. */
  public static LabelTerm name(String name) {
    return new LabelTerm(name, Optional.empty());
  }

  /** A label selected by a matcher. */
  public static LabelTerm matching(Matcher matcher) {
    return new LabelTerm(matcher.name(), Optional.of(matcher));
  }
}
