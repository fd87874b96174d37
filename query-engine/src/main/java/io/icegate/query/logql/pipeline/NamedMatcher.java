package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An argument of {@code drop} / {@code keep}: a bare name, or a name with a matcher ({@code
 * level="debug"}, {@code pod=~"web-.*"}).
 */
public record NamedMatcher(String name, Optional<StringMatcher> matcher) {
  public NamedMatcher {
    requireNonNull(name, "name is null");
    requireNonNull(matcher, "matcher is null");
  }

  public static NamedMatcher name(String name) {
    return new NamedMatcher(name, Optional.empty());
  }

  public static NamedMatcher of(String name, StringMatcher.Type type, String value) {
    return new NamedMatcher(name, Optional.of(new StringMatcher(type, value)));
  }
}
