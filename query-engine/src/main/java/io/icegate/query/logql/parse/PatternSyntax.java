package io.icegate.query.logql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of Loki's pattern expressions ({@code <ip> - <_> "<method> <uri>"}): literals and
 * captures {@code <name>} ({@code <_>} captures nothing). Shared by the parser's checks and the
 * pipeline stage that matches lines.
 */
public final class PatternSyntax {
  /** A literal (capture false) or a capture whose {@code text} is the name. */
  public record Part(boolean capture, String text) {
    /** The part as written. */
    public String raw() {
      return capture ? "<" + text + ">" : text;
    }
  }

  private PatternSyntax() {}

  /** Splits a pattern into parts; an empty pattern is an error, as in Loki. */
  public static List<Part> parse(String pattern) {
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException(
          "parse error at line 1, col 1: syntax error: unexpected $end, expecting IDENTIFIER or LITERAL");
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '<') {
        int end = i + 1;
        while (end < pattern.length() && isNameChar(pattern.charAt(end), end == i + 1)) {
          end++;
        }
        if (end > i + 1 && end < pattern.length() && pattern.charAt(end) == '>') {
          if (literal.length() > 0) {
            parts.add(new Part(false, literal.toString()));
            literal.setLength(0);
          }
          parts.add(new Part(true, pattern.substring(i + 1, end)));
          i = end + 1;
          continue;
        }
      }
      literal.append(c);
      i++;
    }
    if (literal.length() > 0) {
      parts.add(new Part(false, literal.toString()));
    }
    return parts;
  }

  private static boolean isNameChar(char c, boolean first) {
    return c == '_' || Character.isLetter(c) || (!first && Character.isDigit(c));
  }
}
