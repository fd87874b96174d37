package io.icegate.query.logql.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go (RE2) regular expressions as LogQL writes them, translated to {@link Pattern}. Named groups
 * ({@code (?P<name>..)} or {@code (?<name>..)}) become plain capturing groups because Java group
 * names cannot hold {@code _}; {@link #groupNames} gives each group's name by index. POSIX classes
 * inside brackets ({@code [[:alpha:]]}) become Java's {@code \p{Alpha}}.
 */
public final class GoRegex {
  private static final Map<String, String> POSIX =
      Map.ofEntries(
          Map.entry("alnum", "\\p{Alnum}"),
          Map.entry("alpha", "\\p{Alpha}"),
          Map.entry("ascii", "\\p{ASCII}"),
          Map.entry("blank", "\\p{Blank}"),
          Map.entry("cntrl", "\\p{Cntrl}"),
          Map.entry("digit", "\\p{Digit}"),
          Map.entry("graph", "\\p{Graph}"),
          Map.entry("lower", "\\p{Lower}"),
          Map.entry("print", "\\p{Print}"),
          Map.entry("punct", "\\p{Punct}"),
          Map.entry("space", "\\p{Space}"),
          Map.entry("upper", "\\p{Upper}"),
          Map.entry("word", "\\w"),
          Map.entry("xdigit", "\\p{XDigit}"));

  private GoRegex() {}

  /**
   * Compiles a Go regex (unanchored; use {@code matcher(..).matches()} for Prometheus' anchored
   * label matching).
   *
   * @throws IllegalArgumentException {@code error parsing regexp: ...} when it is not valid
   */
  public static Pattern compile(String regex) {
    try {
      return Pattern.compile(translate(regex, null));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "error parsing regexp: "
              + e.getDescription().toLowerCase(java.util.Locale.ROOT)
              + ": `"
              + regex
              + "`",
          e);
    }
  }

  /** The name of each capturing group (index 0 is group 1), null for unnamed groups. */
  public static List<String> groupNames(String regex) {
    List<String> names = new ArrayList<>();
    translate(regex, names);
    return Collections.unmodifiableList(names);
  }

  private static String negate(String cls) {
    return cls.equals("\\w") ? "\\W" : "\\P" + cls.substring(2);
  }

  private static String translate(String regex, List<String> names) {
    StringBuilder out = new StringBuilder(regex.length());
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
        continue;
      }
      if (inClass) {
        if (c == '[' && regex.startsWith("[:", i)) {
          int end = regex.indexOf(":]", i + 2);
          if (end > 0) {
            String name = regex.substring(i + 2, end);
            boolean negated = name.startsWith("^");
            String cls = POSIX.get(negated ? name.substring(1) : name);
            if (cls != null) {
              out.append(negated ? negate(cls) : cls);
              i = end + 1;
              continue;
            }
          }
        }
        if (c == ']') {
          inClass = false;
        }
        out.append(c);
        continue;
      }
      if (c == '[') {
        inClass = true;
        out.append(c);
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          out.append(regex.charAt(++i));
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          out.append("\\]"); // a leading ] is literal in Go, closes the class in Java
          i++;
        }
        continue;
      }
      if (c == '(') {
        if (regex.startsWith("(?P<", i)
            || (regex.startsWith("(?<", i)
                && !regex.startsWith("(?<=", i)
                && !regex.startsWith("(?<!", i))) {
          int nameStart = regex.indexOf('<', i) + 1;
          int nameEnd = regex.indexOf('>', nameStart);
          if (nameEnd > nameStart) {
            if (names != null) {
              names.add(regex.substring(nameStart, nameEnd));
            }
            out.append('(');
            i = nameEnd;
            continue;
          }
        }
        if (names != null && (i + 1 >= regex.length() || regex.charAt(i + 1) != '?')) {
          names.add(null);
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
