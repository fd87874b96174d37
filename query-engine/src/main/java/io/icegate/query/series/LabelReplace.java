package io.icegate.query.series;

import static java.util.Objects.requireNonNull;

import com.google.re2j.Matcher;
import io.icegate.query.regex.GoRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code label_replace(v, dst, replacement, src, regex)}: where the whole of {@code src} matches
 * {@code regex}, {@code dst} becomes {@code replacement} with Go-style {@code $1}, {@code ${1}},
 * {@code $name} references expanded (an empty result removes {@code dst}); other samples pass
 * unchanged.
 */
public final class LabelReplace {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final String destination;
  private final String replacement;
  private final String source;
  private final GoRegex regex;

  /** With a Go expression anchored as Prometheus does, {@code ^(?s:regex)$}. */
  public LabelReplace(String destination, String replacement, String source, String regex) {
    this(destination, replacement, source, compile(regex));
  }

  /**
   * With a compiled expression that must match the whole source value ({@link GoRegex#fullMatch}
   * for Prometheus, {@link GoRegex#anchored} for LogQL).
   */
  public LabelReplace(String destination, String replacement, String source, GoRegex regex) {
    this.destination = requireNonNull(destination, "destination is null");
    this.replacement = requireNonNull(replacement, "replacement is null");
    this.source = requireNonNull(source, "source is null");
    this.regex = requireNonNull(regex, "regex is null");
    if (!LABEL_NAME.matcher(destination).matches()) {
      throw new IllegalArgumentException(
          "invalid destination label name in label_replace(): " + destination);
    }
  }

  private static GoRegex compile(String regex) {
    try {
      return GoRegex.fullMatch(requireNonNull(regex, "regex is null"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid regular expression in label_replace(): " + e.getMessage(), e);
    }
  }

  public List<Sample> apply(List<Sample> vector) {
    List<Sample> results = new ArrayList<>(vector.size());
    for (Sample s : vector) {
      results.add(s.withLabels(apply(s.labels())));
    }
    return results;
  }

  public Labels apply(Labels labels) {
    Matcher m = regex.matcher(labels.get(source));
    if (!m.find()) {
      return labels;
    }
    return labels.with(destination, regex.expand(m, replacement));
  }
}
