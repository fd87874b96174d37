package io.icegate.query.regex;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A regular expression as Go's {@code regexp} package reads and runs it, which is what Loki and
 * Prometheus accept: RE2 syntax (named groups {@code (?P<n>…)} and {@code (?<n>…)}, POSIX classes,
 * no back-references or look-around) and RE2's guarantee of time linear in the input, so no query
 * can hang a core on catastrophic backtracking. Run by RE2/J, RE2's semantics in Java. The one
 * regex class of the query engine: stream selectors, line filters, label filters, the {@code
 * regexp} parser, {@code label_replace} and template functions all compile through it.
 */
public final class GoRegex {
  private static final int CACHE_LIMIT = 256;
  private static final Map<String, GoRegex> CACHE = new ConcurrentHashMap<>();

  private final String expression;
  private final Pattern pattern;
  private final List<String> groupNames;

  private GoRegex(String expression, Pattern pattern) {
    this.expression = expression;
    this.pattern = pattern;
    String[] names = new String[pattern.groupCount()];
    pattern.namedGroups().forEach((name, index) -> names[index - 1] = name);
    this.groupNames = Collections.unmodifiableList(Arrays.asList(names));
  }

  /**
   * Go's {@code regexp.Compile}: unanchored, {@code .} does not match a newline.
   *
   * @throws IllegalArgumentException worded as Go: {@code error parsing regexp: missing closing ):
   *     `(a`}
   */
  public static GoRegex compile(String expression) {
    return new GoRegex(expression, parse(expression));
  }

  /**
   * A label matcher's expression as Prometheus (and so Loki) compiles it, {@code ^(?s:re)$}: the
   * whole value must match and {@code .} matches newlines too.
   */
  public static GoRegex fullMatch(String expression) {
    parse(expression); // errors name the user's text, not the wrapped one
    return new GoRegex(expression, parse("^(?s:" + expression + ")$"));
  }

  /** LogQL's {@code label_replace}: {@code ^(?:re)$}, anchored, {@code .} stops at newlines. */
  public static GoRegex anchored(String expression) {
    parse(expression);
    return new GoRegex(expression, parse("^(?:" + expression + ")$"));
  }

  /**
   * Like {@link #compile} but remembers up to 256 expressions, for templates that name a regex per
   * line ({@code regexReplaceAll}); past the limit it just compiles.
   */
  public static GoRegex cached(String expression) {
    GoRegex regex = CACHE.get(expression);
    if (regex == null) {
      regex = compile(expression);
      if (CACHE.size() < CACHE_LIMIT) {
        CACHE.putIfAbsent(expression, regex);
      }
    }
    return regex;
  }

  private static Pattern parse(String expression) {
    try {
      return Pattern.compile(expression);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The expression as the user wrote it. */
  public String expression() {
    return expression;
  }

  /** Whether it matches somewhere in {@code input} (for anchored forms: the whole of it). */
  public boolean find(CharSequence input) {
    return pattern.matcher(input).find();
  }

  /** A matcher over {@code input}; not thread-safe, as every matcher. */
  public Matcher matcher(CharSequence input) {
    return pattern.matcher(input);
  }

  /** The name of each capturing group (index 0 names group 1), null for unnamed groups. */
  public List<String> groupNames() {
    return groupNames;
  }

  /** Go's {@code Regexp.ReplaceAllString}: every match replaced by the expanded template. */
  public String replaceAll(String input, String template) {
    Matcher m = pattern.matcher(input);
    StringBuilder out = new StringBuilder();
    int last = 0;
    int previousEnd = -1;
    while (m.find()) {
      if (m.start() == m.end() && m.start() == previousEnd) {
        continue; // Go ignores an empty match abutting the preceding match
      }
      out.append(input, last, m.start());
      expand(out, m, template);
      last = m.end();
      previousEnd = m.end();
    }
    out.append(input, last, input.length());
    return out.toString();
  }

  /** A template that expands to {@code text} itself ({@code ReplaceAllLiteralString}). */
  public static String literal(String text) {
    return text.replace("$", "$$");
  }

  /**
   * Go's {@code Regexp.Expand} of {@code template} for the current match: {@code $1}, {@code ${1}},
   * {@code $name}, {@code ${name}} (the longest run of {@code [A-Za-z0-9_]} names the group),
   * {@code $$} for a dollar; references to groups that do not exist or did not match expand to
   * nothing.
   */
  public String expand(Matcher match, String template) {
    StringBuilder out = new StringBuilder();
    expand(out, match, template);
    return out.toString();
  }

  private void expand(StringBuilder out, Matcher m, String template) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < template.length() && template.charAt(i) == '{';
      int start = brace ? i + 1 : i;
      int j = start;
      while (j < template.length() && isNameChar(template.charAt(j))) {
        j++;
      }
      if (j == start || (brace && (j >= template.length() || template.charAt(j) != '}'))) {
        out.append('$');
        continue;
      }
      String name = template.substring(start, j);
      i = brace ? j + 1 : j;
      String value = group(m, name);
      if (value != null) {
        out.append(value);
      }
    }
  }

  private String group(Matcher m, String name) {
    if (name.chars().allMatch(Character::isDigit)) {
      int group = name.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(name);
      return group <= m.groupCount() ? m.group(group) : null;
    }
    int index = groupNames.indexOf(name);
    return index >= 0 ? m.group(index + 1) : null;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  @Override
  public String toString() {
    return expression;
  }
}
