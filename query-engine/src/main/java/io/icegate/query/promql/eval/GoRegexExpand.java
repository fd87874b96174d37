package io.icegate.query.promql.eval;

import java.util.regex.Matcher;

/**
 * Go's {@code regexp.Expand}: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}.
 */
final class GoRegexExpand {
  private GoRegexExpand() {}

  static String expand(String template, Matcher m) {
    StringBuilder out = new StringBuilder();
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
      String name;
      if (i < template.length() && template.charAt(i) == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) {
          out.append('$');
          continue;
        }
        name = template.substring(i + 1, close);
        if (name.isEmpty() || !isName(name)) {
          out.append('$');
          continue;
        }
        i = close + 1;
      } else {
        int j = i;
        while (j < template.length() && isNameChar(template.charAt(j))) {
          j++;
        }
        if (j == i) {
          out.append('$');
          continue;
        }
        name = template.substring(i, j);
        i = j;
      }
      out.append(group(m, name));
    }
    return out.toString();
  }

  private static String group(Matcher m, String name) {
    if (name.chars().allMatch(Character::isDigit)) {
      try {
        int n = Integer.parseInt(name);
        if (n <= m.groupCount()) {
          String g = m.group(n);
          return g == null ? "" : g;
        }
      } catch (NumberFormatException e) {
        return "";
      }
      return "";
    }
    try {
      String g = m.group(name);
      return g == null ? "" : g;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static boolean isName(String s) {
    return s.chars().allMatch(ch -> isNameChar((char) ch));
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
