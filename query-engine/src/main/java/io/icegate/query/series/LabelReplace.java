package io.icegate.query.series;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
  private final Pattern regex;
  private final List<String> groupNames;

  /** With a Java regular expression; named groups are Java's. */
  public LabelReplace(String destination, String replacement, String source, String regex) {
    this(destination, replacement, source, compile(regex), List.of());
  }

  /**
   * With a compiled expression (matched as a whole, as Prometheus and Loki anchor it) and the names
   * of its groups by index (index 0 names group 1; null for unnamed), for languages whose group
   * names Java cannot hold (Go's {@code (?P<my_name>...)}).
   */
  public LabelReplace(
      String destination,
      String replacement,
      String source,
      Pattern regex,
      List<String> groupNames) {
    this.destination = requireNonNull(destination, "destination is null");
    this.replacement = requireNonNull(replacement, "replacement is null");
    this.source = requireNonNull(source, "source is null");
    this.regex = requireNonNull(regex, "regex is null");
    this.groupNames = new ArrayList<>(requireNonNull(groupNames, "groupNames is null"));
    if (!LABEL_NAME.matcher(destination).matches()) {
      throw new IllegalArgumentException(
          "invalid destination label name in label_replace(): " + destination);
    }
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(requireNonNull(regex, "regex is null"));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regular expression in label_replace(): " + regex, e);
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
    if (!m.matches()) {
      return labels;
    }
    return labels.with(destination, expand(m));
  }

  /** Go's {@code Regexp.Expand}: unknown or out-of-range references expand to nothing. */
  private String expand(Matcher m) {
    StringBuilder out = new StringBuilder();
    String t = replacement;
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '$' || i + 1 >= t.length()) {
        out.append(c);
        i++;
        continue;
      }
      if (t.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int next;
      if (t.charAt(i + 1) == '{') {
        int close = t.indexOf('}', i + 2);
        name = close < 0 ? "" : t.substring(i + 2, close);
        next = close + 1;
        if (close < 0 || !isName(name)) {
          out.append('$');
          i++;
          continue;
        }
      } else {
        int j = i + 1;
        while (j < t.length() && isNameChar(t.charAt(j))) {
          j++;
        }
        name = t.substring(i + 1, j);
        next = j;
        if (name.isEmpty()) {
          out.append('$');
          i++;
          continue;
        }
      }
      out.append(group(m, name, groupNames));
      i = next;
    }
    return out.toString();
  }

  private static String group(Matcher m, String name, List<String> groupNames) {
    String value = null;
    int named = groupNames.indexOf(name);
    if (named >= 0) {
      value = named + 1 <= m.groupCount() ? m.group(named + 1) : null;
      return value == null ? "" : value;
    }
    if (name.chars().allMatch(Character::isDigit)) {
      try {
        int index = Integer.parseInt(name);
        value = index <= m.groupCount() ? m.group(index) : null;
      } catch (NumberFormatException e) {
        value = null;
      }
    } else {
      try {
        value = m.group(name);
      } catch (IllegalArgumentException e) {
        value = null;
      }
    }
    return value == null ? "" : value;
  }

  private static boolean isName(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> isNameChar((char) c));
  }

  private static boolean isNameChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c) && c < 128;
  }
}
