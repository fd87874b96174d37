package io.icegate.query.logql.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go (RE2) regular expressions run on {@link java.util.regex}. The syntaxes mostly agree; this
 * rewrites what Java spells differently: named groups {@code (?P<name>…)} and {@code (?<name>…)}
 * get generated Java names (Java forbids {@code _} in group names, Loki's labels use it) and POSIX
 * classes {@code [[:alpha:]]} become {@code \p{Alpha}}. Java features RE2 rejects (back-references,
 * look-around, possessive quantifiers) are accepted here; docs/loki.md lists the differences.
 *
 * @param pattern the compiled Java pattern
 * @param groupNames the Go name of each capturing group in order, null for unnamed groups
 */
public record GoRegex(Pattern pattern, List<String> groupNames) {
  /** Compiles a Go expression; throws {@link IllegalArgumentException} with Loki-like wording. */
  public static GoRegex compile(String expression) {
    List<String> names = new ArrayList<>();
    String java = translate(expression, names);
    try {
      return new GoRegex(Pattern.compile(java), names);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "error parsing regexp: " + e.getDescription() + ": `" + expression + "`", e);
    }
  }

  private static final int CACHE_LIMIT = 256;
  private static final java.util.Map<String, GoRegex> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

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

  /** The Java group name generated for the capturing group at this index (0-based). */
  public static String javaGroupName(int index) {
    return "g" + (index + 1);
  }

  static String translate(String re, List<String> names) {
    StringBuilder out = new StringBuilder(re.length() + 16);
    boolean inClass = false;
    int i = 0;
    while (i < re.length()) {
      char c = re.charAt(i);
      if (c == '\\' && i + 1 < re.length()) {
        char next = re.charAt(i + 1);
        if (next == 'Q') {
          int end = re.indexOf("\\E", i + 2);
          int stop = end < 0 ? re.length() : end + 2;
          out.append(re, i, stop);
          i = stop;
          continue;
        }
        if (next == 'z' && !inClass) {
          out.append("\\z");
        } else {
          out.append(c).append(next);
        }
        i += 2;
        continue;
      }
      if (inClass) {
        if (c == '[' && re.startsWith("[:", i)) {
          int end = re.indexOf(":]", i + 2);
          if (end > 0) {
            out.append(posixClass(re.substring(i + 2, end)));
            i = end + 2;
            continue;
          }
        }
        if (c == ']') {
          inClass = false;
        } else if (c == '[') {
          // Java treats a bare '[' inside a class as a nested class; Go as a literal.
          out.append('\\');
        } else if (c == '&' && i + 1 < re.length() && re.charAt(i + 1) == '&') {
          out.append('\\');
        }
        out.append(c);
        i++;
        continue;
      }
      if (c == '[') {
        inClass = true;
        out.append(c);
        i++;
        // A ']' right after '[' or '[^' is a literal in both syntaxes; copy it verbatim.
        if (i < re.length() && re.charAt(i) == '^') {
          out.append('^');
          i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
          out.append("\\]");
          i++;
        }
        continue;
      }
      if (c == '(') {
        if (re.startsWith("(?P<", i)
            || (re.startsWith("(?<", i)
                && !re.startsWith("(?<=", i)
                && !re.startsWith("(?<!", i))) {
          int start = re.indexOf('<', i) + 1;
          int end = re.indexOf('>', start);
          if (end < 0) {
            throw new IllegalArgumentException(
                "error parsing regexp: invalid named capture: `" + re + "`");
          }
          names.add(re.substring(start, end));
          out.append("(?<").append(javaGroupName(names.size() - 1)).append('>');
          i = end + 1;
          continue;
        }
        if (!re.startsWith("(?", i)) {
          names.add(null);
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String posixClass(String name) {
    return switch (name) {
      case "alnum" -> "\\p{Alnum}";
      case "alpha" -> "\\p{Alpha}";
      case "ascii" -> "\\p{ASCII}";
      case "blank" -> "\\p{Blank}";
      case "cntrl" -> "\\p{Cntrl}";
      case "digit" -> "\\p{Digit}";
      case "graph" -> "\\p{Graph}";
      case "lower" -> "\\p{Lower}";
      case "print" -> "\\p{Print}";
      case "punct" -> "\\p{Punct}";
      case "space" -> "\\s";
      case "upper" -> "\\p{Upper}";
      case "word" -> "\\w";
      case "xdigit" -> "\\p{XDigit}";
      default ->
          throw new IllegalArgumentException(
              "error parsing regexp: invalid character class range: `[:" + name + ":]`");
    };
  }
}
